package dev.wisp.spi;

import java.util.List;
import java.util.Objects;

/**
 * One output data path of an action, as the seed's "Action Output" tables show it.
 *
 * @param dataPath the path as SOAR writes it, starting with {@code action_result.} (e.g. {@code action_result.data.*.id})
 * @param type     the type of the value at that path
 * @param contains semantic types of the value
 * @param examples example values for documentation and mocks
 */
public record OutputSpec(String dataPath, DataType type, List<String> contains, List<Object> examples) {
    public OutputSpec {
        Objects.requireNonNull(dataPath, "dataPath");
        Objects.requireNonNull(type, "type");
        if (!dataPath.startsWith("action_result.")) {
            throw new IllegalArgumentException("output data path must start with action_result.: " + dataPath);
        }
        contains = List.copyOf(contains == null ? List.of() : contains);
        examples = examples == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(examples));
    }

    public static OutputSpec of(String dataPath, DataType type, Object example, String... contains) {
        return new OutputSpec(dataPath, type, List.of(contains), example == null ? List.of() : List.of(example));
    }
}
