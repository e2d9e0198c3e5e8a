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
 * @param views       how its results are best shown, in order (empty: a generic view of its data); every path a
 *                    view reads must be a declared output
 * @param continues   whether an execution may answer {@link ActionResult#continueAfter} (run me again later with
 *                    this state), as a poll does: only an idempotent action may, since a run that stopped during a
 *                    step runs that step again; the engine fails an execution of any other action that answers it
 */
public record ActionSpec(String name, String identifier, ActionType type, String description, boolean readOnly,
                         boolean idempotent, List<ParameterSpec> parameters, List<OutputSpec> outputs,
                         List<View> views, boolean continues) {
    public ActionSpec {
        if (continues && !idempotent) {
            throw new IllegalArgumentException("action '" + name + "' continues in steps, so it must be idempotent "
                    + "(a run that stopped during a step runs that step again)");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        parameters = List.copyOf(parameters);
        outputs = List.copyOf(outputs);
        views = List.copyOf(views);
        for (View v : views) {
            for (String path : v.paths()) {
                if (outputs.stream().noneMatch(o -> o.dataPath().equals(path))) {
                    throw new IllegalArgumentException("action '" + name + "': view '" + v.title() + "' reads "
                            + path + ", which is not one of its declared outputs");
                }
            }
        }
    }

    /** An action that runs in one step (it never answers {@link ActionResult#continueAfter}). */
    public ActionSpec(String name, String identifier, ActionType type, String description, boolean readOnly,
                      boolean idempotent, List<ParameterSpec> parameters, List<OutputSpec> outputs,
                      List<View> views) {
        this(name, identifier, type, description, readOnly, idempotent, parameters, outputs, views, false);
    }

    /** An action without views: it is shown with a generic view of its data. */
    public ActionSpec(String name, String identifier, ActionType type, String description, boolean readOnly,
                      boolean idempotent, List<ParameterSpec> parameters, List<OutputSpec> outputs) {
        this(name, identifier, type, description, readOnly, idempotent, parameters, outputs, List.of());
    }

    /** The same action with these views. */
    public ActionSpec withViews(View... shown) {
        return new ActionSpec(name, identifier, type, description, readOnly, idempotent, parameters, outputs,
                List.of(shown), continues);
    }

    /**
     * The same action declared to continue: its executions may answer {@link ActionResult#continueAfter}. It must
     * be idempotent.
     */
    public ActionSpec continuing() {
        return new ActionSpec(name, identifier, type, description, readOnly, idempotent, parameters, outputs, views,
                true);
    }

    public Optional<ParameterSpec> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    public Optional<OutputSpec> output(String dataPath) {
        return outputs.stream().filter(o -> o.dataPath().equals(dataPath)).findFirst();
    }
}
