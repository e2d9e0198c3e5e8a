package dev.wisp.dsl;

import dev.wisp.spi.AppSpec;
import java.util.Objects;
import java.util.Set;

/**
 * An app known only from its spec file ({@code apps/<id>.yaml}): playbooks are checked and tested against it, but
 * nothing can run its actions, since no installed plugin implements it.
 *
 * @param spec        the app's metadata, as an installed plugin would declare it
 * @param openActions the names of the actions whose outputs are open: a data path under
 *                    {@code action_result.data} that the action does not declare is a warning, not an error
 * @param file        the spec file, as diagnostics name it
 */
public record SpecOnlyApp(AppSpec spec, Set<String> openActions, String file) {
    public SpecOnlyApp {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(file, "file");
        openActions = Set.copyOf(openActions);
        for (String a : openActions) {
            if (spec.action(a).isEmpty()) {
                throw new IllegalArgumentException("app '" + spec.id() + "' has no action '" + a + "'");
            }
        }
    }

    /** Whether this action's outputs are open. */
    public boolean openOutputs(String action) {
        return openActions.contains(action);
    }
}
