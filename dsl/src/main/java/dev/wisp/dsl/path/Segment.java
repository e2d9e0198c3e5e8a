package dev.wisp.dsl.path;

import java.util.Objects;

/** One step of a data path after its source: a field name, {@code *} (every element), or a list index. */
public sealed interface Segment {

    /** A field of an object. */
    record Field(String name) implements Segment {
        public Field {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code *}: every element of a list. */
    record Wildcard() implements Segment {
        @Override
        public String toString() {
            return "*";
        }
    }

    /** A numeric segment: one element of a list ({@code responses.0}). */
    record Index(int index) implements Segment {
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("negative index " + index);
            }
        }

        @Override
        public String toString() {
            return Integer.toString(index);
        }
    }
}
