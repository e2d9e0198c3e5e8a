package dev.wisp.importer.soar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SOAR utility blocks: the community custom functions that have a {@code core} equivalent, and the platform calls
 * (API utilities and community functions) that the {@code soar} app stands in for. Anything else is not imported.
 */
final class UtilityMapper {
    private static final String IPV4 = "\\b(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
            + "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\b";
    private static final Map<String, CallPlan> COMMUNITY = Map.of(
            "list_demux", core("list_demux", "list demux", Map.of("input_list", "list"),
                    Map.of("output", "action_result.data.*.item")),
            "list_merge", core("list_merge", "list merge", Map.of(), Map.of("item", "action_result.data.*.item")),
            "list_deduplicate", core("list_deduplicate", "list deduplicate", Map.of("input_list", "list"),
                    Map.of("item", "action_result.data.*.item")),
            "passthrough", core("passthrough", "set value", Map.of(), Map.of("item", "action_result.data.*.value")),
            "regex_extract_ipv4", core("regex_extract_ipv4", "regex extract", Map.of("input_string", "input"),
                    Map.of("extracted_ipv4", "action_result.data.*.match", "input_value",
                            "action_result.parameter.input")),
            "string_split", core("string_split", "string split", Map.of("input_string", "input", "delimiter",
                    "separator"), Map.of("item", "action_result.data.*.item")),
            "indicator_tag", soar("indicator_tag", "add tag", List.of("indicator", "tags", "overwrite")),
            "workbook_task_update", soar("workbook_task_update", "update workbook task",
                    List.of("task_name", "note_title", "note_content", "status", "owner")),
            "artifact_create", soar("artifact_create", "create artifact", List.of("name", "label", "severity",
                    "cef_field", "cef_value", "cef_data_type", "run_automation", "input_json")));
    private static final Map<String, CallPlan> API = Map.of(
            "comment", soar("comment", "add comment", List.of("comment")),
            "add_note", soar("add_note", "add note", List.of("title", "content", "note_format", "note_type")),
            "set_status", soar("set_status", "set status", List.of("status")),
            "set_severity", soar("set_severity", "set severity", List.of("severity")),
            "pin", soar("pin", "pin", List.of("data", "message", "pin_type", "pin_style", "name")),
            "add_tags", soar("add_tags", "add tag", List.of("tags")));

    private final Translation t;

    UtilityMapper(Translation t) {
        this.t = t;
    }

    private static CallPlan core(String fn, String action, Map<String, String> params, Map<String, String> outputs) {
        return new CallPlan(fn, "core", action, params, Set.of(), Set.of(), CallPlan.outputs(outputs));
    }

    private static CallPlan soar(String fn, String action, List<String> params) {
        Map<String, String> p = new LinkedHashMap<>();
        params.forEach(x -> p.put(x, x));
        return new CallPlan(fn, "soar", action, p, Set.of(), Set.of("overwrite", "run_automation"), null);
    }

    /** The SOAR function a utility block calls ({@code community/list_merge}, {@code comment}), for messages. */
    static String function(SoarNode n) {
        if (n.text("utilityType").equals("api")) {
            List<String> fns = new ArrayList<>();
            n.data().path("utilities").fieldNames().forEachRemaining(fns::add);
            return fns.isEmpty() ? "" : fns.get(0);
        }
        JsonNode cf = n.data().path("customFunction");
        return cf.path("name").asText("");
    }

    /** The plan for a utility block, or {@code null} when it has no Wisp equivalent. */
    static CallPlan plan(SoarNode n) {
        String type = n.text("utilityType");
        if (type.equals("api")) {
            return n.data().path("utilities").size() == 1 ? API.get(function(n)) : null;
        }
        if (type.equals("custom_function")) {
            return COMMUNITY.get(function(n));
        }
        return null;
    }

    /** Why a utility block has no Wisp form (for its error and for paths into it). */
    static String whyNot(SoarNode n) {
        String type = n.text("utilityType");
        if (type.equals("api")) {
            return n.data().path("utilities").size() == 1 ? "SOAR API call '" + function(n) + "' has no Wisp equivalent"
                    : "a SOAR API block with " + n.data().path("utilities").size() + " calls";
        }
        if (type.equals("custom_function")) {
            JsonNode cf = n.data().path("customFunction");
            return "custom function '" + cf.path("repoName").asText("?") + "/" + cf.path("name").asText("?")
                    + "' acts on the SOAR platform or runs Python that Wisp does not have";
        }
        return "utility type '" + type + "' is unknown";
    }

    Block block(SoarNode n, CallPlan plan) {
        String fn = plan.function();
        String valuesPointer = n.dataPointer() + "/values/" + fn;
        JsonNode values = n.data().path("values").path(fn);
        Map<String, Value> params = new LinkedHashMap<>();
        List<Map.Entry<String, JsonNode>> set = new ArrayList<>();
        values.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            boolean empty = v.isNull() || (v.isTextual() && v.textValue().isEmpty())
                    || (v.isArray() && v.isEmpty());
            if (!empty && !CallPlan.PLUMBING.contains(e.getKey())) {
                set.add(e);
            }
        });
        if (fn.equals("list_merge") || fn.equals("passthrough")) {
            int max = fn.equals("list_merge") ? 5 : 1;
            if (set.size() > max) {
                t.losses.node(n, Code.WSP104, valuesPointer, fn + " with " + set.size() + " inputs: the core '"
                        + plan.action() + "' action takes " + max + "; only the first " + max + " are imported");
            }
            for (int i = 0; i < Math.min(max, set.size()); i++) {
                String name = fn.equals("list_merge") ? "list_" + (i + 1) : "value";
                params.put(name, one(n, set.get(i), valuesPointer));
            }
        } else {
            for (var e : set) {
                String wisp = plan.parameters().get(e.getKey());
                if (wisp == null) {
                    t.losses.node(n, Code.WSP118, LocatedJson.child(valuesPointer, e.getKey()), "'" + e.getKey()
                            + "' of " + fn + " is not a parameter of " + plan.app() + " '" + plan.action()
                            + "'; its value " + e.getValue() + " is not imported");
                    continue;
                }
                Value v = one(n, e, valuesPointer);
                params.put(wisp, plan.booleans().contains(wisp) ? bool(v) : v);
            }
        }
        if (fn.equals("regex_extract_ipv4")) {
            params.put("pattern", new Value.Literal(IPV4, t.at(valuesPointer)));
        }
        if (fn.equals("string_split") && values.path("strip_whitespace").asText("True").equalsIgnoreCase("false")) {
            t.losses.node(n, Code.WSP118, valuesPointer + "/strip_whitespace", "core 'string split' always trims "
                    + "the parts; strip_whitespace False is not imported");
        }
        t.losses.node(n, Code.WSP133, n.pointer(), (n.text("utilityType").equals("api") ? "SOAR API call '"
                : "custom function '") + fn + "' imported as " + plan.app() + " '" + plan.action() + "'");
        new BlockMapper(t).blockCode(n, "it changes the call's parameters");
        return new Block.ActionBlock(t.info(n), plan.action(), t.at(n.pointer()), null, plan.app(), params, null, null,
                null, null, new BlockMapper(t).repeat(n), null);
    }

    private Value one(SoarNode n, Map.Entry<String, JsonNode> e, String valuesPointer) {
        String pointer = LocatedJson.child(valuesPointer, e.getKey());
        JsonNode v = e.getValue();
        if (v.isArray() && v.size() >= 1 && v.get(0).isTextual()) {
            if (v.size() > 1) {
                t.losses.node(n, Code.WSP111, pointer, "'" + e.getKey() + "' has " + v.size() + " data paths; "
                        + "Wisp takes one, the first");
            }
            return t.values.value(n, v.get(0), LocatedJson.child(pointer, 0));
        }
        return t.values.value(n, v, pointer);
    }

    private static Value bool(Value v) {
        if (v instanceof Value.Literal l && l.value() instanceof String s
                && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return new Value.Literal(Boolean.parseBoolean(s.toLowerCase()), l.location());
        }
        return v;
    }
}
