package dev.wisp.dsl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.parse.Durations;
import dev.wisp.dsl.source.SourceDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tolerant typed reads from the JSON tree for the model builders. A value of the wrong type reads as absent: the
 * JSON Schema check reports structure, so the builders only report what the schema cannot see.
 */
final class BuildContext {
    final SourceDocument doc;
    final Set<String> blockNames;
    final List<Diagnostic> diagnostics = new ArrayList<>();

    /** The file the document was read from, or null when it came from a string. */
    final java.nio.file.Path source;

    /** The code files' text by their path (see {@link CodeFiles#key}) when they came with the text, else null. */
    final java.util.Map<String, String> codeFiles;

    BuildContext(SourceDocument doc, Set<String> blockNames, java.nio.file.Path source,
                 java.util.Map<String, String> codeFiles) {
        this.doc = doc;
        this.blockNames = blockNames;
        this.source = source;
        this.codeFiles = codeFiles;
    }

    static String child(String pointer, String key) {
        return pointer + "/" + SourceDocument.escape(key);
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    Location at(String pointer) {
        return doc.valueLocation(pointer);
    }

    Location keyAt(String pointer) {
        return doc.keyLocation(pointer);
    }

    void report(Code code, Location where, String message) {
        diagnostics.add(Diagnostic.of(code, where, message));
    }

    String text(JsonNode parent, String key) {
        JsonNode n = parent.get(key);
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    /** A scalar as text (numbers and booleans too), for names and messages. */
    String scalarText(JsonNode parent, String key) {
        JsonNode n = parent.get(key);
        return n != null && n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    Boolean bool(JsonNode parent, String key) {
        JsonNode n = parent.get(key);
        return n != null && n.isBoolean() ? n.booleanValue() : null;
    }

    Integer integer(JsonNode parent, String key) {
        JsonNode n = parent.get(key);
        return n != null && n.isIntegralNumber() && n.canConvertToInt() ? n.intValue() : null;
    }

    Double number(JsonNode parent, String key) {
        JsonNode n = parent.get(key);
        return n != null && n.isNumber() ? n.doubleValue() : null;
    }

    Duration duration(JsonNode parent, String key, Duration fallback) {
        String t = text(parent, key);
        Duration d = Durations.parse(t);
        return d == null ? fallback : d;
    }

    JsonNode object(JsonNode parent, String key) {
        JsonNode n = parent == null ? null : parent.get(key);
        return n != null && n.isObject() ? n : null;
    }

    JsonNode array(JsonNode parent, String key) {
        JsonNode n = parent == null ? null : parent.get(key);
        return n != null && n.isArray() ? n : null;
    }

    List<String> strings(JsonNode parent, String key) {
        JsonNode n = array(parent, key);
        List<String> out = new ArrayList<>();
        if (n != null) {
            n.forEach(item -> {
                if (item.isValueNode() && !item.isNull()) {
                    out.add(item.asText());
                }
            });
        }
        return out;
    }
}
