package dev.wisp.dsl.model;

import dev.wisp.dsl.diag.Location;
import java.util.Objects;

/**
 * What every block has.
 *
 * @param name        the block's name: an identifier, unique in the playbook
 * @param description optional text
 * @param join        how the block waits when it has several incoming edges
 * @param location    where the block's name is written
 */
public record BlockInfo(String name, String description, Join join, Location location) {
    public BlockInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(join, "join");
        Objects.requireNonNull(location, "location");
        description = description == null ? "" : description;
    }
}
