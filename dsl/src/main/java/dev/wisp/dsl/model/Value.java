package dev.wisp.dsl.model;

import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.path.DataPath;
import java.util.Objects;

/** A parameter value in a playbook: a literal, or a data path that yields values at run time. */
public sealed interface Value {

    Location location();

    /**
     * A literal: a string, number, boolean, null, or (when written as {@code {value: ...}}) any JSON value.
     * Strings that parse as data paths are never literals unless wrapped in {@code {value: ...}}.
     */
    record Literal(Object value, Location location) implements Value {
        public Literal {
            Objects.requireNonNull(location, "location");
        }
    }

    /** A data path, with the text as written (for messages). */
    record PathRef(DataPath path, String text, Location location) implements Value {
        public PathRef {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(location, "location");
        }
    }
}
