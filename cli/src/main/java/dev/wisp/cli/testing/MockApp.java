package dev.wisp.cli.testing;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.AssetConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An app with a real app's spec whose actions answer from a test's mocks: by block name, else by
 * {@code app:action}. Each mock is checked against the action's declared outputs before it is used.
 */
final class MockApp implements App {
    private final AppSpec spec;
    private final Map<String, List<Map<String, Object>>> mocks;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private final App real;

    MockApp(AppSpec spec, Map<String, List<Map<String, Object>>> mocks) {
        this(spec, mocks, null);
    }

    private MockApp(AppSpec spec, Map<String, List<Map<String, Object>>> mocks, App real) {
        this.spec = spec;
        this.mocks = mocks;
        this.real = real;
    }

    /** An app answering from the mocks for the blocks they name, and running the rest for real (code blocks). */
    static App around(App real, Map<String, List<Map<String, Object>>> mocks) {
        return new MockApp(real.spec(), mocks, real);
    }

    @Override
    public AppSpec spec() {
        return spec;
    }

    @Override
    public AppConnection connect(AssetConfig asset) {
        if (real == null) {
            return this::execute;
        }
        AppConnection delegate = real.connect(asset);
        return new AppConnection() {
            @Override
            public java.util.concurrent.CompletionStage<ActionResult> execute(ActionContext ctx) {
                return mocks.containsKey(ctx.blockName()) ? MockApp.this.execute(ctx) : delegate.execute(ctx);
            }

            @Override
            public void close() {
                delegate.close();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private CompletableFuture<ActionResult> execute(ActionContext ctx) {
        String byBlock = ctx.blockName();
        String byAction = spec.id() + ":" + ctx.actionName();
        String key = mocks.containsKey(byBlock) ? byBlock : byAction;
        List<Map<String, Object>> list = mocks.get(key);
        if (list == null || list.isEmpty()) {
            return CompletableFuture.completedFuture(ActionResult.failed(ctx.parameters(), "no mock for block "
                    + byBlock + " (" + byAction + "); add one under mocks"));
        }
        int n = calls.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
        Map<String, Object> mock = list.get(Math.min(n, list.size() - 1));
        // mocks were checked against the action's outputs before the run (TestChecks): a misfit is a test error
        boolean ok = !"failed".equals(mock.get("status"));
        Object data = mock.getOrDefault("data", List.of());
        if (mock.get("continue_after") != null) {
            // a step of an action that continues: "not done yet", run again after the duration (checked before)
            return CompletableFuture.completedFuture(ActionResult.continueAfter(
                    dev.wisp.dsl.parse.Durations.parse(String.valueOf(mock.get("continue_after"))),
                    (Map<String, Object>) mock.getOrDefault("state", Map.of()),
                    (String) mock.getOrDefault("message", "mocked: not done yet"))
                    .withData(data instanceof List<?> l ? (List<Object>) l : List.of(data)));
        }
        return CompletableFuture.completedFuture(new ActionResult(ok ? ActionResult.Status.SUCCESS
                : ActionResult.Status.FAILED, (String) mock.getOrDefault("message", ok ? "mocked" : "mocked failure"),
                ctx.parameters(), data instanceof List<?> l ? (List<Object>) l : List.of(data),
                (Map<String, Object>) mock.getOrDefault("summary", Map.of())));
    }
}
