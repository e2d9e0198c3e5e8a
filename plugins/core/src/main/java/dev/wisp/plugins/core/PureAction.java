package dev.wisp.plugins.core;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An action that computes its result from its parameters alone: read-only, idempotent, no I/O.
 * Bad parameter values ({@link IllegalArgumentException}) become failed results with the exception's message.
 */
record PureAction(ActionSpec spec, Function<ActionContext, ActionResult> body) implements CoreAction {

    @Override
    public ActionResult run(ActionContext context) {
        try {
            return body.apply(context);
        } catch (IllegalArgumentException e) {
            return ActionResult.failed(context.parameters(), e.getMessage());
        }
    }

    /** Builds the spec of a pure action; adds the status, message and parameter outputs every action has. */
    static ActionSpec spec(String name, String description, List<ParameterSpec> parameters, OutputSpec... outputs) {
        List<OutputSpec> all = new ArrayList<>(List.of(outputs));
        for (ParameterSpec p : parameters) {
            all.add(new OutputSpec("action_result.parameter." + p.name(), p.type(), p.contains(), List.of()));
        }
        all.add(OutputSpec.of("action_result.status", dev.wisp.spi.DataType.STRING, "success"));
        all.add(OutputSpec.of("action_result.message", dev.wisp.spi.DataType.STRING, null));
        return new ActionSpec(name, name.replace(' ', '_'), ActionType.GENERIC, description, true, true,
                parameters, all);
    }
}
