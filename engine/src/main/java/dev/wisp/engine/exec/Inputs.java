package dev.wisp.engine.exec;

import dev.wisp.dsl.model.Input;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.spi.DataType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks given inputs against the declared ones: unknown names, missing required inputs, types, defaults. */
public final class Inputs {
    private Inputs() {
    }

    public static Map<String, Object> resolve(Playbook playbook, Map<String, Object> given) {
        for (String name : given.keySet()) {
            if (!playbook.inputs().containsKey(name)) {
                throw new IllegalArgumentException("playbook '" + playbook.name() + "' has no input '" + name
                        + "'" + (playbook.inputs().isEmpty() ? "" : "; its inputs are "
                        + String.join(", ", playbook.inputs().keySet())));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Input in : playbook.inputs().values()) {
            Object v = given.containsKey(in.name()) ? given.get(in.name()) : in.defaultValue();
            if (v == null) {
                if (in.required()) {
                    throw new IllegalArgumentException("playbook '" + playbook.name() + "' needs input '" + in.name()
                            + "' (" + in.type().id() + "): give it with --input " + in.name() + "=VALUE");
                }
                continue;
            }
            Object coerced = in.type() == DataType.ANY || in.type() == DataType.LIST || in.type() == DataType.OBJECT
                    ? v : Fanout.coerce(v, in.type());
            if (coerced == null || !in.type().accepts(coerced)) {
                throw new IllegalArgumentException("input '" + in.name() + "' must be " + in.type().id() + ", not '"
                        + v + "'");
            }
            out.put(in.name(), coerced);
        }
        return out;
    }
}
