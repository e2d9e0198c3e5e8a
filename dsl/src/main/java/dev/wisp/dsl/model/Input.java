package dev.wisp.dsl.model;

import dev.wisp.dsl.diag.Location;
import dev.wisp.spi.DataType;
import java.util.List;
import java.util.Objects;

/**
 * A playbook input, read as {@code playbook_input:<name>}; given with {@code --input name=value} or by a parent
 * playbook.
 *
 * @param name         the input's name
 * @param type         its type
 * @param required     whether a run must give it (an input with a default is never required)
 * @param defaultValue the value when none is given, or {@code null}
 * @param contains     semantic types, as for action parameters
 * @param description  optional text
 * @param location     where it is declared
 */
public record Input(String name, DataType type, boolean required, Object defaultValue, List<String> contains,
                    String description, Location location) {
    public Input {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
        contains = List.copyOf(contains == null ? List.of() : contains);
        description = description == null ? "" : description;
    }
}
