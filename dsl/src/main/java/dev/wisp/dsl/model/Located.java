package dev.wisp.dsl.model;

import dev.wisp.dsl.diag.Location;
import java.util.Objects;

/**
 * A value together with where it was written, for settings whose own position matters in diagnostics.
 *
 * @param value    the value
 * @param location where it was written
 * @param <T>      its type
 */
public record Located<T>(T value, Location location) {
    public Located {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }
}
