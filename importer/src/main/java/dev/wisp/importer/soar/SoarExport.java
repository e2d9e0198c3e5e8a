package dev.wisp.importer.soar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.importer.SoarNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A modern SOAR playbook export (visual editor, {@code coa.schema} 5.x), checked for the shape the importer relies on:
 * every node an object with a {@code type} and a {@code data} object, every edge naming existing nodes, one start and
 * one end node. Anything else is refused with a located diagnostic.
 */
record SoarExport(LocatedJson json, String stem, Map<String, SoarNode> nodes, List<SoarEdge> edges,
                  SoarNode start, SoarNode end) {
    static final String NODES = "/coa/data/nodes";
    static final String EDGES = "/coa/data/edges";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * An edge of {@code coa.data.edges}.
     *
     * @param pointer   its JSON pointer
     * @param source    the source node id
     * @param target    the target node id
     * @param condition {@code conditions[0].index} (a filter's or decision's branch), or {@code null}
     */
    record SoarEdge(String pointer, String source, String target, Integer condition) {
    }

    /** The outcome: an export, or why the file is not one. */
    record Result(SoarExport export, List<Diagnostic> problems) {
        boolean ok() {
            return export != null;
        }
    }

    static Result of(LocatedJson json, String stem) {
        List<Diagnostic> problems = new ArrayList<>();
        JsonNode root = json.root();
        if (!root.isObject()) {
            return fail(json, "", "not a SOAR playbook export: the document is " + kind(root) + ", not an object");
        }
        JsonNode coa = root.path("coa");
        if (!coa.isObject()) {
            return fail(json, "", "not a SOAR playbook export: it has no \"coa\" object (export a playbook from "
                    + "SOAR's visual editor and give its .json)");
        }
        JsonNode schema = coa.path("schema");
        if (schema.isNumber() || coa.path("data").has("joint")) {
            return new Result(null, List.of(Diagnostic.of(Code.WSP102, json.locationOf("/coa/schema"),
                    "classic playbook (coa.schema " + schema.asText("?") + "): convert it to a modern playbook in "
                            + "SOAR 6 first (the classic editor's per-block Python cannot be imported)")));
        }
        if (!schema.isMissingNode() && !schema.isTextual()) {
            return fail(json, "/coa/schema", "coa.schema must be a version text such as \"5.0.11\", not "
                    + kind(schema));
        }
        JsonNode nodes = coa.path("data").path("nodes");
        if (!nodes.isObject()) {
            return fail(json, coa.path("data").isObject() ? "/coa/data" : "/coa",
                    "not a SOAR playbook export: coa.data.nodes is missing or not an object");
        }
        Map<String, SoarNode> byId = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        SoarNode start = null;
        SoarNode end = null;
        for (var it = nodes.fields(); it.hasNext(); ) {
            var e = it.next();
            String pointer = LocatedJson.child(NODES, e.getKey());
            JsonNode n = e.getValue();
            if (!n.isObject() || !n.path("type").isTextual() || !n.path("data").isObject()) {
                problems.add(Diagnostic.of(Code.WSP101, json.locationOf(pointer), "node '" + e.getKey()
                        + "' is not a SOAR node: it needs a \"type\" text and a \"data\" object"));
                continue;
            }
            String type = n.path("type").textValue();
            SoarNode node = new SoarNode(e.getKey(), pointer, type, blockName(n, e.getKey(), names), n);
            byId.put(e.getKey(), node);
            if ((type.equals("start") && start != null) || (type.equals("end") && end != null)) {
                problems.add(Diagnostic.of(Code.WSP108, json.locationOf(pointer), "node '" + e.getKey()
                        + "' is a second " + type + " node; a playbook has one"));
            } else if (type.equals("start")) {
                start = node;
            } else if (type.equals("end")) {
                end = node;
            }
        }
        if (problems.isEmpty() && (start == null || end == null)) {
            problems.add(Diagnostic.of(Code.WSP108, json.locationOf(NODES), "the playbook has no "
                    + (start == null ? "start" : "end") + " node"));
        }
        List<SoarEdge> edges = edges(json, coa.path("data").path("edges"), byId, problems);
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(new SoarExport(json, stem, byId, edges, start, end), List.of());
    }

    private static List<SoarEdge> edges(LocatedJson json, JsonNode edges, Map<String, SoarNode> nodes,
                                        List<Diagnostic> problems) {
        List<SoarEdge> out = new ArrayList<>();
        if (edges.isMissingNode()) {
            return out;
        }
        if (!edges.isArray()) {
            problems.add(Diagnostic.of(Code.WSP101, json.locationOf(EDGES), "coa.data.edges must be a list"));
            return out;
        }
        for (int i = 0; i < edges.size(); i++) {
            String pointer = LocatedJson.child(EDGES, i);
            JsonNode e = edges.get(i);
            String source = e.path("sourceNode").asText(null);
            String target = e.path("targetNode").asText(null);
            if (!e.isObject() || source == null || target == null) {
                problems.add(Diagnostic.of(Code.WSP101, json.locationOf(pointer),
                        "edge " + i + " needs \"sourceNode\" and \"targetNode\""));
                continue;
            }
            for (String id : List.of(source, target)) {
                if (!nodes.containsKey(id)) {
                    problems.add(Diagnostic.of(Code.WSP108, json.locationOf(pointer), "edge " + i
                            + " names node '" + id + "', which the playbook does not have"));
                }
            }
            JsonNode index = e.path("conditions").path(0).path("index");
            out.add(new SoarEdge(pointer, source, target, index.isIntegralNumber() ? index.intValue() : null));
        }
        return out;
    }

    /** {@code functionName} when it is a usable, unique block name; otherwise an identifier made from it. */
    private static String blockName(JsonNode n, String id, Set<String> taken) {
        String type = n.path("type").asText();
        if (type.equals("start") || type.equals("end")) {
            return type;
        }
        String fn = n.path("data").path("functionName").asText("");
        String name = IDENTIFIER.matcher(fn).matches() ? fn : SoarNames.identifier(fn.isEmpty() ? type + "_" + id : fn);
        if (name.equals("start") || name.equals("end")) {
            name = name + "_block";
        }
        String unique = name;
        for (int k = 2; !taken.add(unique); k++) {
            unique = name + "_" + k;
        }
        return unique;
    }

    private static Result fail(LocatedJson json, String pointer, String message) {
        return new Result(null, List.of(Diagnostic.of(Code.WSP101, json.locationOf(pointer), message)));
    }

    private static String kind(JsonNode n) {
        return n.isArray() ? "a list" : n.isTextual() ? "a text" : n.isNumber() ? "a number" : n.isBoolean()
                ? "a boolean" : n.isNull() ? "null" : "an object";
    }

    /** The nodes that are blocks (all but start and end), in the export's order. */
    List<SoarNode> blocks() {
        return nodes.values().stream().filter(n -> n != start && n != end && !n.type().equals("start")
                && !n.type().equals("end")).toList();
    }

    /** The block names, for telling data paths from literals. */
    Set<String> blockNames() {
        Set<String> names = new HashSet<>();
        blocks().forEach(b -> names.add(b.name()));
        return names;
    }

    JsonNode coa() {
        return json.root().path("coa");
    }
}
