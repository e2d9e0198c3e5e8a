package dev.wisp.plugins.core;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** set value, debug and sleep. */
final class ValueActions {
    private static final BigDecimal MAX_SLEEP_SECONDS = BigDecimal.valueOf(Duration.ofDays(1).toSeconds());

    private ValueActions() {
    }

    static List<CoreAction> all() {
        return List.of(setValue(), debug(), new Sleep());
    }

    private static CoreAction setValue() {
        var value = ParameterSpec.builder("value", DataType.ANY).required()
                .description("The value to pass on; its data path is then action_result.data.*.value").build();
        return new PureAction(PureAction.spec("set value",
                "Passes a value on unchanged, so later blocks can read it as set_value_1:action_result.data.*.value.",
                List.of(value), OutputSpec.of("action_result.data.*.value", DataType.ANY, "203.0.113.7")),
                ctx -> ActionResult.success(ctx.parameters(), List.of(single("value", ctx.parameters().get("value"))),
                        Map.of(), "value set"));
    }

    private static CoreAction debug() {
        var value = ParameterSpec.builder("value", DataType.ANY).required().description("The value to log").build();
        var label = ParameterSpec.builder("label", DataType.STRING).defaultValue("debug")
                .description("A label for the journal line").build();
        return new PureAction(PureAction.spec("debug",
                "Writes a value to the run's journal and passes it on (SOAR's phantom.debug).",
                List.of(value, label), OutputSpec.of("action_result.data.*.value", DataType.ANY, "anything")),
                ctx -> {
                    Params p = new Params(ctx.parameters());
                    ctx.log(p.string("label", "debug") + ": " + Json.render(p.value("value")));
                    return ActionResult.success(ctx.parameters(), List.of(single("value", p.value("value"))),
                            Map.of(), "logged");
                });
    }

    static Map<String, Object> single(String key, Object value) {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put(key, value);
        return map;
    }

    /** Waits without holding a thread, through the run's clock, so tests and long waits cost nothing. */
    private static final class Sleep implements CoreAction {
        private final ActionSpec spec = new ActionSpec("sleep", "sleep", ActionType.GENERIC,
                "Waits a number of seconds (at most one day) before the playbook goes on.", true, true,
                List.of(ParameterSpec.builder("seconds", DataType.NUMERIC).required().example(30)
                        .description("How long to wait, in seconds").build()),
                List.of(OutputSpec.of("action_result.data.*.slept_seconds", DataType.NUMERIC, 30),
                        OutputSpec.of("action_result.parameter.seconds", DataType.NUMERIC, 30),
                        OutputSpec.of("action_result.status", DataType.STRING, "success"),
                        OutputSpec.of("action_result.message", DataType.STRING, null)));

        @Override
        public ActionSpec spec() {
            return spec;
        }

        @Override
        public CompletionStage<ActionResult> execute(ActionContext ctx) {
            BigDecimal seconds;
            try {
                seconds = new Params(ctx.parameters()).number("seconds", BigDecimal.ZERO);
            } catch (IllegalArgumentException e) {
                return java.util.concurrent.CompletableFuture.completedFuture(
                        ActionResult.failed(ctx.parameters(), e.getMessage()));
            }
            if (seconds.signum() < 0 || seconds.compareTo(MAX_SLEEP_SECONDS) > 0) {
                return java.util.concurrent.CompletableFuture.completedFuture(ActionResult.failed(ctx.parameters(),
                        "seconds must be between 0 and " + MAX_SLEEP_SECONDS + ", not " + seconds.toPlainString()));
            }
            Duration d = Duration.ofMillis(seconds.movePointRight(3).longValue());
            return ctx.delay(d).thenApply(ignored -> ActionResult.success(ctx.parameters(),
                    List.of(single("slept_seconds", seconds)), Map.of(), "slept " + seconds.toPlainString() + "s"));
        }
    }
}
