package dev.wisp.importer.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.source.SourceDocument;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One SOAR action ({@code actions[i]} of an app JSON) as an {@link ActionSpec}, its parameters and outputs. */
final class SoarActions {
    private SoarActions() {
    }

    static Optional<ActionSpec> action(SoarAppConverter.Findings f, String at, JsonNode a) {
        if (!a.isObject()) {
            f.error(Code.WSP152, at, "an action is an object with action, identifier, type, read_only, parameters "
                    + "and output, not " + a.getNodeType().name().toLowerCase());
            return Optional.empty();
        }
        String name = f.text(a, at, "action", true);
        String typeId = f.text(a, at, "type", true);
        JsonNode ro = a.get("read_only");
        if (ro == null || !ro.isBoolean()) {
            f.error(Code.WSP152, ro == null ? at : at + "/read_only", (ro == null ? "missing 'read_only'"
                    : "'read_only' must be true or false, not " + ro) + " in action " + (name == null ? at : "'"
                    + name + "'"));
        }
        if (name == null || typeId == null || ro == null || !ro.isBoolean()) {
            return Optional.empty();
        }
        ActionType type = type(f, at, name, typeId);
        if (type == null) {
            return Optional.empty();
        }
        String what = "action '" + name + "'";
        JsonNode lock = a.get("lock");
        if (lock != null && lock.path("enabled").asBoolean(false)) {
            String per = lock.path("data_path").asText("").replaceFirst("^parameters\\.", "");
            f.warn(Code.WSP159, at + "/lock", what + " has a SOAR lock (SOAR runs it one at a time"
                    + (per.isEmpty() ? "" : " per value of " + per) + "); Wisp does not serialise it: set "
                    + "max_concurrency: 1 on blocks that need it");
        }
        String description = a.path("description").asText("");
        if (a.hasNonNull("undo") && a.get("undo").isTextual()) {
            description = (description + " Undone by '" + a.get("undo").textValue() + "'.").strip();
        }
        String identifier = a.hasNonNull("identifier") && a.get("identifier").isTextual()
                ? a.get("identifier").textValue() : name.replace(' ', '_');
        boolean readOnly = ro.booleanValue();
        return Optional.of(new ActionSpec(name, identifier, type, description, readOnly, readOnly,
                parameters(f, at + "/parameters", a.get("parameters"), what), outputs(f, at + "/output",
                a.get("output"), what)));
    }

    private static ActionType type(SoarAppConverter.Findings f, String at, String name, String id) {
        if (id.equals("ingest")) {
            f.warn(Code.WSP155, at + "/type", "action '" + name + "' is of type 'ingest' (SOAR's polling, which "
                    + "playbooks do not call): converted as generic");
            return ActionType.GENERIC;
        }
        ActionType t = ActionType.fromId(id);
        if (t == null) {
            f.error(Code.WSP154, at + "/type", "action '" + name + "' has type '" + id + "', which Wisp does not "
                    + "know (investigate, contain, correct, generic, test, ingest)");
        }
        return t;
    }

    private static List<ParameterSpec> parameters(SoarAppConverter.Findings f, String at, JsonNode params,
                                                  String action) {
        List<ParameterSpec> out = new ArrayList<>();
        if (params == null || params.isNull()) {
            return out;
        }
        if (!params.isObject()) {
            f.error(Code.WSP152, at, "'parameters' of " + action + " must be an object of parameters by name");
            return out;
        }
        params.fields().forEachRemaining(e -> {
            String p = at + "/" + SourceDocument.escape(e.getKey());
            String what = "parameter '" + e.getKey() + "' of " + action;
            JsonNode n = e.getValue();
            if (!n.isObject()) {
                f.error(Code.WSP152, p, what + " must be an object with data_type, description, ...");
                return;
            }
            Optional<DataType> type = SoarTypes.type(f, p, n, what);
            if (type.isEmpty()) {
                return;
            }
            if (n.path("allow_list").asBoolean(false)) {
                f.warn(Code.WSP160, p + "/allow_list", what + " accepts a comma-separated list in SOAR (allow_list); "
                        + "Wisp passes the text to the app as it is");
            }
            out.add(new ParameterSpec(e.getKey(), type.get(), n.path("required").asBoolean(false),
                    SoarTypes.defaultValue(f, p, n, type.get(), what), SoarTypes.strings(f, p + "/value_list",
                    n.get("value_list")), SoarTypes.strings(f, p + "/contains", n.get("contains")), null,
                    n.path("description").asText(""), null));
        });
        return out;
    }

    private static List<OutputSpec> outputs(SoarAppConverter.Findings f, String at, JsonNode list, String action) {
        Map<String, OutputSpec> out = new LinkedHashMap<>();
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            f.error(Code.WSP152, at, "'output' of " + action + " must be a list of data paths");
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            String o = at + "/" + i;
            JsonNode n = list.get(i);
            String raw = n.isObject() ? f.text(n, o, "data_path", true) : null;
            if (!n.isObject()) {
                f.error(Code.WSP152, o, "an output of " + action + " is an object with data_path and data_type");
            }
            if (raw == null) {
                continue;
            }
            Optional<String> path = SoarPaths.normalise(f, o + "/data_path", raw, action);
            if (path.isEmpty()) {
                continue;
            }
            Optional<DataType> type = SoarTypes.type(f, o, n, "output " + raw + " of " + action);
            if (type.isEmpty()) {
                continue;
            }
            OutputSpec spec = new OutputSpec(path.get(), type.get(), SoarTypes.strings(f, o + "/contains",
                    n.get("contains")), n.path("example_values").isArray()
                    ? toList(f, n.get("example_values")) : List.of());
            OutputSpec first = out.putIfAbsent(spec.dataPath(), spec);
            if (first != null && first.type() != spec.type()) {
                f.warn(Code.WSP158, o + "/data_path", action + " declares " + spec.dataPath() + " again as "
                        + spec.type().id() + " (first as " + first.type().id() + "); the first is kept");
            }
        }
        return List.copyOf(out.values());
    }

    private static List<Object> toList(SoarAppConverter.Findings f, JsonNode array) {
        List<Object> out = new ArrayList<>();
        array.forEach(x -> out.add(f.java(x)));
        return out;
    }
}
