package dev.wisp.dsl.model;

import dev.wisp.dsl.diag.Location;
import dev.wisp.spi.DataType;
import java.util.Objects;

/**
 * A declared output of a code block, read downstream as {@code <block>:custom_function:<name>}.
 *
 * @param name        the output's name
 * @param type        the type its value must have
 * @param description optional text
 * @param location    where its name is written
 */
public record CodeOutput(String name, DataType type, String description, Location location) {
    public CodeOutput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
        description = description == null ? "" : description;
    }
}
