package dev.wisp.importer.soar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A node of {@code coa.data.nodes}.
 *
 * @param id      its id (the member name)
 * @param pointer its JSON pointer ({@code /coa/data/nodes/3})
 * @param type    {@code node.type} ({@code action}, {@code filter}, ...)
 * @param name    the Wisp block name: {@code functionName}, made an identifier when it is not one
 * @param node    the node object
 */
record SoarNode(String id, String pointer, String type, String name, JsonNode node) {
    /** {@code node.data}. */
    JsonNode data() {
        return node.path("data");
    }

    String dataPointer() {
        return pointer + "/data";
    }

    /** {@code data.advanced.<key>} (missing when absent). */
    JsonNode advanced(String key) {
        JsonNode a = data().path("advanced");
        return a.isObject() ? a.path(key) : MissingNode.getInstance();
    }

    /** {@code data.functionName} as written. */
    String functionName() {
        return data().path("functionName").asText("");
    }

    /** The text of a string member of {@code data}, or {@code ""}. */
    String text(String key) {
        JsonNode n = data().path(key);
        return n.isTextual() ? n.textValue() : "";
    }

    /** Whether the node carries user-written code in {@code userCode} (not only the editor's comment). */
    boolean hasRealUserCode() {
        return realCode(node.path("userCode").asText(""));
    }

    /** Whether the whole generated function was replaced ({@code customCode}). */
    boolean hasCustomCode() {
        JsonNode c = node.path("customCode");
        return c.isTextual() && !c.textValue().isBlank();
    }

    /** A line that is neither blank nor a comment. */
    static boolean realCode(String python) {
        return python.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
    }
}
