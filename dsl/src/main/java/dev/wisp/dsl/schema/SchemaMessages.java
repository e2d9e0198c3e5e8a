package dev.wisp.dsl.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.source.SourceDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns JSON Schema validator messages into one located, human diagnostic per problem: unknown keys at the key
 * with a suggestion, wrong types with what was found, one message for a block that is not exactly one kind, and no
 * noise from the branches of {@code anyOf}/{@code oneOf} that did not apply.
 */
final class SchemaMessages {
    static final List<String> KINDS = List.of("action", "prompt", "filter", "decision", "format", "playbook",
            "code");
    private static final Set<String> DURATION_KEYS = Set.of("timeout", "backoff", "max_backoff", "interval",
            "max_duration");

    private final SourceDocument doc;

    SchemaMessages(SourceDocument doc) {
        this.doc = doc;
    }

    List<Diagnostic> translate(Collection<ValidationMessage> messages) {
        Map<String, List<ValidationMessage>> byPointer = new LinkedHashMap<>();
        for (ValidationMessage m : messages) {
            byPointer.computeIfAbsent(m.getInstanceLocation().toString(), k -> new ArrayList<>()).add(m);
        }
        Set<String> kindProblems = new LinkedHashSet<>();
        List<Diagnostic> out = new ArrayList<>();
        byPointer.forEach((pointer, list) -> {
            if (isBlock(pointer) && !oneKind(node(pointer))) {
                kindProblems.add(pointer);
                out.add(blockKind(pointer));
            }
        });
        byPointer.forEach((pointer, list) -> {
            boolean deeper = byPointer.keySet().stream().anyMatch(p -> p.startsWith(pointer + "/"));
            boolean otherHere = kindProblems.contains(pointer)
                    || list.stream().anyMatch(m -> !m.getType().equals("type"));
            List<ValidationMessage> types = new ArrayList<>();
            for (ValidationMessage m : list) {
                if (m.getType().equals("type")) {
                    types.add(m);
                } else if (!(kindProblems.contains(pointer) && kindNoise(m))) {
                    Diagnostic d = one(pointer, m);
                    if (d != null) {
                        out.add(d);
                    }
                }
            }
            // a type message beside other problems (or with problems deeper down) is a branch that did not apply
            if (!types.isEmpty() && !deeper && !otherHere) {
                out.add(wrongType(pointer, types));
            }
        });
        return out.stream().distinct().sorted().toList();
    }

    private static boolean isBlock(String pointer) {
        return pointer.matches("/blocks/[^/]+");
    }

    /**
     * Whether a block is a mapping with exactly one kind key: a block with messages that is not has them because of
     * its kind (the schema's {@code oneOf}, or in the check's form of it a missing kind or a second kind's key).
     */
    private static boolean oneKind(JsonNode block) {
        return block != null && block.isObject() && KINDS.stream().filter(block::has).count() == 1;
    }

    private static boolean kindNoise(ValidationMessage m) {
        String t = m.getType();
        return t.equals("oneOf") || (t.equals("required") && KINDS.contains(m.getProperty()))
                || (t.equals("additionalProperties") && KINDS.contains(m.getProperty()));
    }

    private Diagnostic blockKind(String pointer) {
        JsonNode block = node(pointer);
        List<String> present = KINDS.stream().filter(k -> block != null && block.has(k)).toList();
        String name = last(pointer);
        return Diagnostic.of(Code.WSP015, doc.keyLocation(pointer), "block '" + name + "' must have exactly one of "
                + String.join(", ", KINDS) + "; it has " + (present.isEmpty() ? "none"
                : String.join(" and ", present) + ": split it into " + present.size() + " blocks"));
    }

    private Diagnostic one(String pointer, ValidationMessage m) {
        String prop = m.getProperty();
        Object[] args = m.getArguments();
        return switch (m.getType()) {
            case "additionalProperties" -> {
                String child = pointer + "/" + SourceDocument.escape(prop);
                Set<String> allowed = Keys.allowed(pointer, node(pointer));
                yield Diagnostic.of(Code.WSP010, doc.keyLocation(child), "unknown key '" + prop + "' in "
                        + Keys.where(pointer) + Keys.suggestion(prop, allowed));
            }
            case "required" -> Diagnostic.of(Code.WSP012, at(pointer), Keys.where(pointer) + " needs '" + prop + "'"
                    + Keys.requiredHint(pointer, prop));
            case "propertyNames" -> Diagnostic.of(Code.WSP013, doc.keyLocation(pointer + "/"
                    + SourceDocument.escape(prop)), "'" + prop + "' is not a valid name: names are identifiers "
                    + "(letters, digits and _, not starting with a digit)");
            case "pattern" -> pattern(pointer);
            case "enum" -> Diagnostic.of(Code.WSP014, at(pointer), "'" + text(pointer) + "' is not allowed for "
                    + Keys.where(pointer) + "; use one of " + enumValues(args));
            case "minimum" -> Diagnostic.of(Code.WSP014, at(pointer), Keys.where(pointer) + " must be at least "
                    + args[0] + ", not " + text(pointer));
            case "minItems", "maxItems" -> Diagnostic.of(Code.WSP011, at(pointer), "a comparison is written "
                    + "[left, operator, right], or [left, operator] for is empty, is not empty, exists, not exists");
            case "minProperties" -> Diagnostic.of(Code.WSP012, at(pointer), Keys.where(pointer)
                    + " needs at least one named condition");
            case "oneOf" -> Diagnostic.of(Code.WSP012, at(pointer), Keys.where(pointer)
                    + " needs exactly one of 'all' or 'any'");
            case "anyOf" -> null; // its branches' messages say what is wrong
            default -> Diagnostic.of(Code.WSP011, at(pointer), Keys.where(pointer) + ": " + m.getMessage()
                    .replaceFirst("^[^:]*: ", ""));
        };
    }

    private Diagnostic pattern(String pointer) {
        String value = text(pointer);
        if (pointer.startsWith("/edges/")) {
            return Diagnostic.of(Code.WSP016, at(pointer), "edge '" + value + "' must be written 'from -> to' or "
                    + "'from.port -> to' with block names, start or end");
        }
        if (DURATION_KEYS.contains(last(pointer))) {
            return Diagnostic.of(Code.WSP014, at(pointer), "'" + value + "' is not a duration; write for example "
                    + "500ms, 30s, 5m, 2h, 1d or 1h30m");
        }
        return Diagnostic.of(Code.WSP013, at(pointer), "'" + value + "' is not a valid name: names are identifiers "
                + "(letters, digits and _, not starting with a digit)");
    }

    private Diagnostic wrongType(String pointer, List<ValidationMessage> types) {
        Set<String> expected = new LinkedHashSet<>();
        String found = "";
        for (ValidationMessage m : types) {
            Object[] a = m.getArguments();
            found = String.valueOf(a[0]);
            expected.add(String.valueOf(a[1]).replaceAll("[\\[\\]]", "").replaceAll(",\\s*", " or "));
        }
        String want = String.join(" or ", expected).replace("string", "text");
        if (Keys.isValuePosition(pointer)) {
            want = "a text, number, boolean or null, or {value: ...} for other literals";
        }
        if (pointer.matches("/blocks/[^/]+/outputs/[^/]+")) {
            want = "an object such as { type: list, description: ... }"; // one way to declare a code block output
        }
        JsonNode n = node(pointer);
        String actual = n != null && n.isTextual() ? "the text \"" + n.textValue() + "\""
                : n != null && n.isValueNode() ? n.toString() : article(found.replace("string", "text"));
        return Diagnostic.of(Code.WSP011, at(pointer), Keys.where(pointer) + " must be " + article(want) + ", not "
                + actual);
    }

    private static String article(String s) {
        return s.startsWith("a ") || s.startsWith("an ") ? s
                : ("aeiou".indexOf(s.charAt(0)) >= 0 ? "an " : "a ") + s;
    }

    private static String enumValues(Object[] args) {
        return args.length == 0 ? "" : String.valueOf(args[0]).replaceAll("[\\[\\]\"]", "");
    }

    private Location at(String pointer) {
        return doc.valueLocation(pointer);
    }

    private JsonNode node(String pointer) {
        JsonNode n = doc.root().at(pointer);
        return n.isMissingNode() ? null : n;
    }

    private String text(String pointer) {
        JsonNode n = node(pointer);
        return n == null ? "" : n.isTextual() ? n.textValue() : n.toString();
    }

    static String last(String pointer) {
        String s = pointer.substring(pointer.lastIndexOf('/') + 1);
        return s.replace("~1", "/").replace("~0", "~");
    }
}
