package dev.wisp.importer.soar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.model.Value;
import dev.wisp.dsl.path.DataPathParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns SOAR values into Wisp values: literals stay literals, data paths stay data paths with their text, except
 * that outputs of custom functions mapped to {@code core} actions are rewritten to the action's output, malformed
 * paths the SOAR editor tolerated are repaired (a warning), and paths into blocks that were not imported are errors.
 */
final class ValueMapper {
    private static final Pattern BLOCK_REF = Pattern.compile("^(filtered-data:[^:]+:[^:]+:)?([A-Za-z_][A-Za-z0-9_]*):(.*)$",
            Pattern.DOTALL);
    private static final String CF_RESULT = "custom_function_result.";

    private final Set<String> blockNames;
    private final Set<String> inputs;
    private final Map<String, UnaryOperator<String>> rewrites;
    private final Map<String, String> notImported;
    private final Losses losses;

    /**
     * @param blockNames  every block name of the playbook
     * @param inputs      the playbook's input names
     * @param rewrites    block name to how the rest of a path into it ({@code custom_function_result.data.x}) is
     *                    rewritten
     * @param notImported block name to why it has no Wisp form (paths into it are errors)
     */
    ValueMapper(Set<String> blockNames, Set<String> inputs, Map<String, UnaryOperator<String>> rewrites,
                Map<String, String> notImported, Losses losses) {
        this.blockNames = Set.copyOf(blockNames);
        this.inputs = Set.copyOf(inputs);
        this.rewrites = Map.copyOf(rewrites);
        this.notImported = Map.copyOf(notImported);
        this.losses = losses;
    }

    /** A value, or {@code null} for JSON null or a missing value (SOAR's "not set"). */
    Value value(SoarNode node, JsonNode v, String pointer) {
        Location at = losses.locationOf(pointer);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (!v.isTextual()) {
            return new Value.Literal(dev.wisp.dsl.parse.Json.toJava(v), at);
        }
        return text(node, v.textValue(), pointer);
    }

    /** A string value: a data path when it reads as one, else a literal. */
    Value text(SoarNode node, String s, String pointer) {
        Location at = losses.locationOf(pointer);
        if (!DataPathParser.looksLikePath(s, blockNames)) {
            return new Value.Literal(s, at);
        }
        String text = rewrite(node, s, pointer);
        if (text == null) {
            return new Value.Literal(s, at);
        }
        text = eachInputItem(inputCase(node, text, pointer));
        DataPathParser.Result r = DataPathParser.parse(text);
        if (r.ok()) {
            unknownBlock(node, r.path(), pointer);
            return new Value.PathRef(r.path(), text, at);
        }
        String repaired = repair(text);
        DataPathParser.Result again = DataPathParser.parse(repaired);
        if (again.ok()) {
            losses.node(node, Code.WSP115, pointer, "malformed data path '" + s + "' (" + r.error()
                    + ") read as '" + repaired + "'; check it is what was meant");
            return new Value.PathRef(again.path(), repaired, at);
        }
        losses.node(node, Code.WSP106, pointer, "malformed data path '" + s + "': " + r.error()
                + "; kept as text");
        return new Value.Literal(s, at);
    }

    /** Every element of a list of values (nulls dropped); a single value as a list of one. */
    List<Value> values(SoarNode node, JsonNode v, String pointer) {
        List<Value> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                Value x = value(node, v.get(i), LocatedJson.child(pointer, i));
                if (x != null) {
                    out.add(x);
                }
            }
        } else {
            Value x = value(node, v, pointer);
            if (x != null) {
                out.add(x);
            }
        }
        return out;
    }

    /** The path's text as Wisp reads it, or {@code null} (reported) when it has no Wisp form. */
    private String rewrite(SoarNode node, String s, String pointer) {
        Matcher m = BLOCK_REF.matcher(s);
        if (!m.matches()) {
            return s;
        }
        String block = m.group(2);
        String rest = m.group(3);
        String why = notImported.get(block);
        if (why != null) {
            losses.node(node, Code.WSP106, pointer, "data path '" + s + "' reads block '" + block
                    + "', which was not imported (" + why + "); kept as text");
            return null;
        }
        UnaryOperator<String> rw = rewrites.get(block);
        if (rw != null && rest.startsWith(CF_RESULT)) {
            String prefix = m.group(1) == null ? "" : m.group(1);
            String out = rw.apply(rest);
            if (out == null) {
                losses.node(node, Code.WSP106, pointer, "data path '" + s + "' reads an output that block '"
                        + block + "' does not have in Wisp; kept as text");
                return null;
            }
            return prefix + block + ":" + out;
        }
        return s;
    }

    /**
     * A SOAR input is always a list, and {@code playbook_input:user} gives one row per item of it (as
     * {@code phantom.collect2} does); in Wisp that path is the whole list as one value, so it becomes
     * {@code playbook_input:user.*}, plain or inside a {@code filtered-data:} path.
     */
    static String eachInputItem(String text) {
        return LIST_INPUT.matcher(text).matches() ? text + ".*" : text;
    }

    private static final java.util.regex.Pattern LIST_INPUT = java.util.regex.Pattern.compile(
            "(?:filtered-data:[A-Za-z_][A-Za-z0-9_]*:[A-Za-z_][A-Za-z0-9_]*:)?playbook_input:[A-Za-z_][A-Za-z0-9_]*");

    /** SOAR matches input names without regard to case ({@code playbook_input:filepath} for {@code filePath}). */
    private String inputCase(SoarNode node, String text, String pointer) {
        String prefix = "playbook_input:";
        if (!text.startsWith(prefix)) {
            return text;
        }
        String rest = text.substring(prefix.length());
        String name = rest.split("[.]", 2)[0];
        if (inputs.contains(name)) {
            return text;
        }
        for (String declared : inputs) {
            if (declared.equalsIgnoreCase(name)) {
                String fixed = prefix + declared + rest.substring(name.length());
                losses.node(node, Code.WSP115, pointer, "'" + text + "' names input '" + name + "', declared as '"
                        + declared + "' (SOAR ignores the case); read as '" + fixed + "'");
                return fixed;
            }
        }
        return text;
    }

    /** A path naming a block the export does not have (a stale reference the editor kept). */
    private void unknownBlock(SoarNode node, dev.wisp.dsl.path.DataPath path, String pointer) {
        dev.wisp.dsl.path.DataPath p = path instanceof dev.wisp.dsl.path.DataPath.FilteredPath f ? f.inner() : path;
        if (p instanceof dev.wisp.dsl.path.DataPath.BlockPath bp && !blockNames.contains(bp.block())) {
            losses.node(node, Code.WSP106, pointer, "data path '" + path.text() + "' names block '" + bp.block()
                    + "', which the export does not have (a reference the SOAR editor kept after a rename?)");
        }
    }

    /** SOAR's editor accepts {@code action_result.data*.x.}; Wisp reads it as {@code action_result.data.*.x}. */
    static String repair(String path) {
        String p = path.strip().replaceAll("\\*(?=[A-Za-z0-9_])", "*.").replaceAll("(?<=[A-Za-z0-9_])\\*", ".*")
                .replaceAll("\\.{2,}", ".");
        while (p.endsWith(".") || p.endsWith(":")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** Map helper: every value of an object in written order (nulls skipped). */
    Map<String, Value> members(SoarNode node, JsonNode object, String pointer, Set<String> skip) {
        Map<String, Value> out = new LinkedHashMap<>();
        if (object == null || !object.isObject()) {
            return out;
        }
        for (var it = object.fields(); it.hasNext(); ) {
            var e = it.next();
            if (skip.contains(e.getKey())) {
                continue;
            }
            Value v = value(node, e.getValue(), LocatedJson.child(pointer, e.getKey()));
            if (v != null) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }
}
