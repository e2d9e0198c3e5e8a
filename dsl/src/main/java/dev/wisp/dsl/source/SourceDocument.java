package dev.wisp.dsl.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.diag.Location;
import java.util.Map;
import java.util.Objects;

/**
 * A YAML file read into a JSON tree, with the source location of every node, so that the JSON Schema check and
 * the model builder can both report problems at {@code file:line:col}.
 *
 * <p>Locations are keyed by JSON Pointer (RFC 6901: {@code /blocks/create_project_1/parameters/project_id},
 * {@code /edges/3}; the root is {@code ""}).
 *
 * @param file           the file as the user named it
 * @param root           the document as JSON (mappings are objects with string keys, sequences arrays)
 * @param valueLocations pointer to where the node's value starts
 * @param keyLocations   pointer to where the mapping key that names the node is written (absent for list items
 *                       and the root)
 */
public record SourceDocument(String file, JsonNode root, Map<String, Location> valueLocations,
                             Map<String, Location> keyLocations) {
    public SourceDocument {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(root, "root");
        valueLocations = Map.copyOf(valueLocations);
        keyLocations = Map.copyOf(keyLocations);
    }

    /** Where the value at {@code pointer} starts; falls back to the nearest enclosing node, then the file. */
    public Location valueLocation(String pointer) {
        String p = pointer;
        while (true) {
            Location l = valueLocations.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return Location.ofFile(file);
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    /** Where the key naming {@code pointer} is written; falls back to {@link #valueLocation(String)}. */
    public Location keyLocation(String pointer) {
        Location l = keyLocations.get(pointer);
        return l != null ? l : valueLocation(pointer);
    }

    /** Escapes one reference token for a JSON Pointer ({@code ~} and {@code /}). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
