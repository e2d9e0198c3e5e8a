package dev.wisp.importer.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.diag.Code;
import dev.wisp.spi.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SOAR's {@code data_type}s as Wisp types, and the values typed by them. */
final class SoarTypes {
    private SoarTypes() {
    }

    /**
     * The Wisp type of a field, parameter or output: {@code ph} (a form placeholder) has none and is reported;
     * {@code timezone} and {@code file} are strings, reported; an unknown or missing type is an error.
     */
    static Optional<DataType> type(SoarAppConverter.Findings f, String at, JsonNode node, String what) {
        JsonNode t = node.get("data_type");
        if (t == null || !t.isTextual()) {
            f.error(Code.WSP152, t == null ? at : at + "/data_type", what + " needs a 'data_type' (string, "
                    + "numeric, boolean, password)");
            return Optional.empty();
        }
        String id = t.textValue();
        switch (id) {
            case "string", "numeric", "boolean", "password" -> {
                return Optional.of(DataType.fromId(id));
            }
            case "ph" -> {
                f.warn(Code.WSP156, at + "/data_type", what + " is a 'ph' placeholder (a gap in SOAR's form, no "
                        + "value): not converted");
                return Optional.empty();
            }
            case "timezone", "file" -> {
                f.warn(Code.WSP157, at + "/data_type", what + " is a '" + id + "' in SOAR: converted as a string");
                return Optional.of(DataType.STRING);
            }
            default -> {
                f.error(Code.WSP154, at + "/data_type", what + " has data_type '" + id + "', which Wisp does not "
                        + "know (string, numeric, boolean, password, ph, timezone, file)");
                return Optional.empty();
            }
        }
    }

    /** A default that fits its type, else none, reported. */
    static Object defaultValue(SoarAppConverter.Findings f, String at, JsonNode node, DataType type, String what) {
        JsonNode d = node.get("default");
        if (d == null || d.isNull()) {
            return null;
        }
        if (type == DataType.PASSWORD) {
            f.warn(Code.WSP161, at + "/default", what + " is a secret with a default value: left out, and not "
                    + "shown here (give secrets as ${env:NAME} or ${file:PATH} in the assets file)");
            return null;
        }
        Object v = f.java(d);
        if (!type.accepts(v) || (v instanceof String s && s.isEmpty() && type != DataType.STRING
                && type != DataType.PASSWORD)) {
            f.warn(Code.WSP161, at + "/default", "the default of " + what + " is " + d + ", which is not a "
                    + type.id() + " value: left out");
            return null;
        }
        return v;
    }

    /** A list of texts (numbers are written as text); anything else is an error. */
    static List<String> strings(SoarAppConverter.Findings f, String at, JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            f.error(Code.WSP152, at, "must be a list, not " + node);
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode n = node.get(i);
            if (n.isValueNode() && !n.isNull()) {
                out.add(n.asText());
            } else {
                f.error(Code.WSP152, at + "/" + i, "must be a text, not " + n);
            }
        }
        return out;
    }
}
