package dev.wisp.engine.exec;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Value;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.DataType;
import dev.wisp.spi.ParameterSpec;
import java.util.Collection;
import java.util.Map;

/**
 * Values of {@code password} parameters and inputs are secrets like the assets': the scheduler tells the runtime to
 * mask each one ({@link Step.Mask}) before the first event that carries it is recorded: input values and literal
 * parameters when the run starts, values that come from data paths when their execution starts.
 */
final class Secrets {
    private Secrets() {
    }

    static void mask(Scheduler s, Object value) {
        if (value instanceof String text && !text.isEmpty()) {
            s.emit(new Step.Mask(text));
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> mask(s, v));
        }
    }

    /** The literal values the playbook gives the password parameters of an action block. */
    static void literals(Scheduler s, Block.ActionBlock block, ActionSpec spec) {
        block.parameters().forEach((name, value) -> {
            if (value instanceof Value.Literal literal && isPassword(spec, name)) {
                mask(s, literal.value());
            }
        });
    }

    /** The values of an execution's password parameters. */
    static void parameters(Scheduler s, ActionSpec spec, Map<String, Object> params) {
        if (spec == null || params == null) {
            return;
        }
        params.forEach((name, value) -> {
            if (isPassword(spec, name)) {
                mask(s, value);
            }
        });
    }

    private static boolean isPassword(ActionSpec spec, String name) {
        return spec.parameter(name).map(ParameterSpec::type).orElse(null) == DataType.PASSWORD;
    }
}
