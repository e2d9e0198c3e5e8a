package dev.wisp.dsl.appspec;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.wisp.dsl.check.Suggest;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.source.SourceDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an app spec file against {@code schema/app-spec.schema.json} and turns the validator's messages into
 * located diagnostics: WSP074 for an unknown key (with a suggestion), WSP075 for a wrong type, a bad value or a
 * missing key. Compiled once; thread-safe.
 */
final class AppSpecSchema {
    static final String RESOURCE = "/dev/wisp/dsl/schema/app-spec.schema.json";
    private static final AppSpecSchema SHARED = new AppSpecSchema();
    private static final Map<String, List<String>> KEYS = Map.of(
            "", List.of("app", "name", "version", "description", "open_outputs", "configuration", "actions"),
            "field", List.of("type", "required", "default", "secret", "description"),
            "action", List.of("identifier", "type", "read_only", "idempotent", "description", "open_outputs",
                    "parameters", "outputs"),
            "parameter", List.of("type", "required", "default", "value_list", "contains", "asset_default",
                    "description"),
            "output", List.of("data_path", "type", "contains", "examples"));

    private final JsonSchema schema;

    private AppSpecSchema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        try (InputStream in = AppSpecSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the app spec schema is missing from the classpath: " + RESOURCE);
            }
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            this.schema.initializeValidators();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AppSpecSchema shared() {
        return SHARED;
    }

    List<Diagnostic> check(SourceDocument doc) {
        List<Diagnostic> out = new ArrayList<>();
        Set<ValidationMessage> messages = schema.validate(doc.root());
        Map<String, List<ValidationMessage>> byPointer = new LinkedHashMap<>();
        for (ValidationMessage m : messages) {
            byPointer.computeIfAbsent(m.getInstanceLocation().toString(), k -> new ArrayList<>()).add(m);
        }
        byPointer.forEach((pointer, list) -> list.forEach(m -> out.add(one(doc, pointer, m))));
        return out.stream().distinct().sorted().toList();
    }

    private static Diagnostic one(SourceDocument doc, String pointer, ValidationMessage m) {
        String where = where(pointer);
        return switch (m.getType()) {
            case "additionalProperties" -> {
                String key = m.getProperty();
                List<String> allowed = KEYS.getOrDefault(kind(pointer), List.of());
                yield Diagnostic.of(Code.WSP074, doc.keyLocation(pointer + "/" + SourceDocument.escape(key)),
                        "unknown key '" + key + "' in " + where + Suggest.closest(key, allowed)
                                .map(s -> "; did you mean '" + s + "'?")
                                .orElse("; the keys here are " + String.join(", ", allowed)));
            }
            case "required" -> Diagnostic.of(Code.WSP075, doc.valueLocation(pointer), where + " needs '"
                    + m.getProperty() + "'");
            case "enum" -> Diagnostic.of(Code.WSP075, doc.valueLocation(pointer), "'" + text(doc, pointer)
                    + "' is not allowed for " + where + "; use one of "
                    + String.valueOf(m.getArguments()[0]).replaceAll("[\\[\\]\"]", ""));
            case "pattern" -> Diagnostic.of(Code.WSP075, doc.valueLocation(pointer), pointer.endsWith("/data_path")
                    ? "output path '" + text(doc, pointer) + "' must start with action_result. (as in "
                    + "action_result.data.*.id)"
                    : "'" + text(doc, pointer) + "' is not an app id: ids are identifiers (letters, digits and _, "
                    + "not starting with a digit)");
            case "type" -> Diagnostic.of(Code.WSP075, doc.valueLocation(pointer), where + " must be "
                    + article(String.valueOf(m.getArguments()[1]).replaceAll("[\\[\\]]", "")
                    .replace("string", "text")) + ", not " + found(doc, pointer));
            default -> Diagnostic.of(Code.WSP075, doc.valueLocation(pointer), where + ": "
                    + m.getMessage().replaceFirst("^[^:]*: ", ""));
        };
    }

    private static String article(String s) {
        return ("aeiou".indexOf(s.charAt(0)) >= 0 ? "an " : "a ") + s;
    }

    private static String found(SourceDocument doc, String pointer) {
        var n = doc.root().at(pointer);
        return n.isTextual() ? "the text \"" + n.textValue() + "\"" : n.isContainerNode()
                ? (n.isArray() ? "a list" : "a mapping") : n.toString();
    }

    private static String text(SourceDocument doc, String pointer) {
        var n = doc.root().at(pointer);
        return n.isTextual() ? n.textValue() : n.toString();
    }

    /** Which part a pointer names, for the keys it allows: "", field, action, parameter or output. */
    private static String kind(String pointer) {
        List<String> p = tokens(pointer);
        if (p.isEmpty()) {
            return "";
        }
        if (p.get(0).equals("configuration") && p.size() == 2) {
            return "field";
        }
        if (p.get(0).equals("actions")) {
            if (p.size() == 2) {
                return "action";
            }
            if (p.size() == 4 && p.get(2).equals("parameters")) {
                return "parameter";
            }
            if (p.size() == 4 && p.get(2).equals("outputs")) {
                return "output";
            }
        }
        return "?";
    }

    /** How a message names the part at a pointer: "action 'x'", "parameter 'p' of action 'x'", ... */
    static String where(String pointer) {
        List<String> p = tokens(pointer);
        if (p.isEmpty()) {
            return "the app spec";
        }
        String head = switch (p.get(0)) {
            case "configuration" -> p.size() >= 2 ? "configuration field '" + p.get(1) + "'" : "'configuration'";
            case "actions" -> p.size() >= 2 ? "action '" + p.get(1) + "'" : "'actions'";
            default -> "'" + p.get(0) + "'";
        };
        if (p.size() >= 4 && p.get(0).equals("actions") && p.get(2).equals("parameters")) {
            head = "parameter '" + p.get(3) + "' of " + head;
        } else if (p.size() >= 4 && p.get(0).equals("actions") && p.get(2).equals("outputs")) {
            head = "output " + (Integer.parseInt(p.get(3)) + 1) + " of " + head;
        }
        int named = p.get(0).equals("actions") && p.size() >= 4 ? 4 : p.get(0).equals("actions")
                || p.get(0).equals("configuration") ? 2 : 1;
        return p.size() > named ? "'" + String.join(".", p.subList(named, p.size())) + "' of " + head : head;
    }

    private static List<String> tokens(String pointer) {
        List<String> out = new ArrayList<>();
        if (pointer.isEmpty()) {
            return out;
        }
        Iterator<String> it = List.of(pointer.substring(1).split("/", -1)).iterator();
        it.forEachRemaining(t -> out.add(t.replace("~1", "/").replace("~0", "~")));
        return out;
    }
}
