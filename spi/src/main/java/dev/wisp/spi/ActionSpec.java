package dev.wisp.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything known about an action without running it: enough for {@code wisp validate}, {@code wisp actions}
 * and generated documentation.
 *
 * @param name        the name playbooks use ({@code create project})
 * @param identifier  the stable identifier ({@code create_project})
 * @param type        investigate, contain, correct, generic or test
 * @param description one or two sentences for users
 * @param readOnly    whether the action leaves its target unchanged (read-only actions skip approvals)
 * @param idempotent  whether repeating an execution is harmless: retries, and resuming a run after a crash,
 *                    may repeat only idempotent actions whose outcome is unknown
 * @param parameters  the parameters, in documentation order
 * @param outputs     the output data paths, in documentation order
 */
public record ActionSpec(String name, String identifier, ActionType type, String description, boolean readOnly,
                         boolean idempotent, List<ParameterSpec> parameters, List<OutputSpec> outputs) {
    public ActionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        parameters = List.copyOf(parameters);
        outputs = List.copyOf(outputs);
    }

    public Optional<ParameterSpec> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    public Optional<OutputSpec> output(String dataPath) {
        return outputs.stream().filter(o -> o.dataPath().equals(dataPath)).findFirst();
    }
}
