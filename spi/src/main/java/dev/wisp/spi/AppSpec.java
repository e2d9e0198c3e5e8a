package dev.wisp.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An app's metadata: its id, configuration fields and actions.
 *
 * @param id            the stable id playbooks and asset files use ({@code cado_response})
 * @param version       the app's version
 * @param name          a display name
 * @param description   one line for users
 * @param configuration the asset configuration fields
 * @param actions       the actions it offers
 */
public record AppSpec(String id, String version, String name, String description, List<ConfigField> configuration,
                      List<ActionSpec> actions) {
    public AppSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        name = name == null ? id : name;
        description = description == null ? "" : description;
        configuration = List.copyOf(configuration);
        actions = List.copyOf(actions);
    }

    public Optional<ActionSpec> action(String actionName) {
        return actions.stream().filter(a -> a.name().equals(actionName)).findFirst();
    }

    public Optional<ConfigField> configField(String fieldName) {
        return configuration.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }
}
