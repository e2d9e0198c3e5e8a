package dev.wisp.dsl.model;

import java.util.Objects;

/**
 * A playbook output, returned to a parent playbook as {@code <block>:playbook_output:<name>}.
 *
 * @param name        the output's name
 * @param value       the data path (or literal) that gives its value when the playbook ends
 * @param description optional text
 */
public record Output(String name, Value value, String description) {
    public Output {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        description = description == null ? "" : description;
    }
}
