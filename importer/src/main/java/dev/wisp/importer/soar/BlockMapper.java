package dev.wisp.importer.soar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.BlockInfo;
import dev.wisp.dsl.model.Condition;
import dev.wisp.dsl.model.PromptResponse;
import dev.wisp.dsl.model.Repeat;
import dev.wisp.dsl.model.Value;
import dev.wisp.importer.SoarNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps the SOAR block kinds that have a Wisp counterpart (action, filter, decision, format, prompt, playbook), and
 * writes the placeholder that stands for a block that has none. Records, per filter and decision, which Wisp port
 * each SOAR branch index became.
 */
final class BlockMapper {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("else", "start", "end");

    private final Translation t;
    private final ConditionMapper conditions;
    /** Node id to (SOAR branch index to Wisp port). */
    final Map<String, Map<Integer, String>> ports = new HashMap<>();

    BlockMapper(Translation t) {
        this.t = t;
        this.conditions = new ConditionMapper(t);
    }

    Block action(SoarNode n) {
        JsonNode d = n.data();
        String connector = n.text("connector");
        String appId = SoarNames.appId(connector.isEmpty() ? "unknown_app" : connector);
        if (connector.isEmpty()) {
            t.losses.node(n, Code.WSP109, n.dataPointer(), "action block has no \"connector\": the app is unknown");
        }
        JsonNode configs = d.path("connectorConfigs");
        String configsPointer = LocatedJson.child(n.dataPointer(), "connectorConfigs");
        String soarAsset;
        if (configs.isArray() && configs.size() > 0 && configs.get(0).isTextual()) {
            soarAsset = configs.get(0).textValue();
            if (configs.size() > 1) {
                t.losses.node(n, Code.WSP114, configsPointer, "SOAR runs this action on " + configs.size()
                        + " assets; Wisp runs it on the first, '" + soarAsset + "': add a block per other asset");
            }
        } else {
            soarAsset = appId;
            t.losses.node(n, Code.WSP114, configsPointer.isEmpty() ? n.pointer() : configsPointer, "no asset named: "
                    + "SOAR runs the action on every asset of " + connector + "; Wisp uses one asset, '" + appId + "'");
        }
        String asset = t.asset(soarAsset, appId, connector, t.at(configsPointer));
        Map<String, Value> parameters = t.values.members(n, d.path("parameters"),
                LocatedJson.child(n.dataPointer(), "parameters"), Set.of());
        d.path("parameters").fields().forEachRemaining(p -> {
            if (p.getValue().isObject() && p.getValue().has("template")) {
                t.losses.node(n, Code.WSP109, LocatedJson.child(LocatedJson.child(n.dataPointer(), "parameters"),
                        p.getKey()), "parameter '" + p.getKey() + "' is an inline format (SOAR fills its template "
                        + "at run time); it is imported as the literal object: put a format block with that "
                        + "template before this block and pass its formatted_data");
            }
        });
        int delay = d.path("advanced").path("delayTime").asInt(0);
        if (delay > 0) {
            t.losses.node(n, Code.WSP114, LocatedJson.child(n.dataPointer() + "/advanced", "delayTime"),
                    "SOAR waits " + delay + " minutes before this action; add a core 'sleep' block before it");
        }
        String reviewer = n.advanced("reviewer").asText("");
        if (!reviewer.isBlank()) {
            t.losses.node(n, Code.WSP114, n.dataPointer() + "/advanced/reviewer", "reviewer '" + reviewer
                    + "' is not imported: Wisp approvals are set per asset (owners in the assets file)");
        }
        blockCode(n, "it changes the action's parameters or what follows");
        Repeat repeat = repeat(n);
        return new Block.ActionBlock(t.info(n), n.text("action"), t.at(n.dataPointer() + "/action"), asset, null,
                parameters, null, null, null, null, repeat, null);
    }

    /** SOAR 6's logic loop (3.7 of the format notes) as {@code repeat}; a loop that is not enabled is nothing. */
    Repeat repeat(SoarNode n) {
        JsonNode loop = n.data().path("loop");
        if (!loop.path("enabled").asBoolean(false)) {
            return null;
        }
        String pointer = n.dataPointer() + "/loop";
        JsonNode conds = loop.path("conditions");
        if (conds.size() > 1) {
            t.losses.node(n, Code.WSP109, pointer + "/conditions", "the loop has " + conds.size()
                    + " exit conditions; only the first is imported");
        }
        Condition until = conds.size() == 0 ? null : conditions.condition(n, conds.get(0), pointer + "/conditions/0",
                "until", true);
        if (until == null) {
            t.losses.node(n, Code.WSP109, pointer, "the loop's exit condition cannot be imported; the block runs once");
            return null;
        }
        int max = loop.path("exitLoopAfter").asInt(100);
        Duration interval = duration(loop.path("pauseValue").asLong(60), loop.path("pauseUnit").asText("s"));
        Duration maxDuration = loop.path("exitConditionEnabled").asBoolean(true)
                ? duration(loop.path("exitAfterValue").asLong(24 * 60), loop.path("exitAfterUnit").asText("m"))
                : Duration.ofDays(1);
        return new Repeat(until, interval, Math.max(1, max), maxDuration, t.at(pointer));
    }

    private static Duration duration(long value, String unit) {
        long v = Math.max(1, value);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(v);
            case "h" -> Duration.ofHours(v);
            case "d" -> Duration.ofDays(v);
            default -> Duration.ofMinutes(v);
        };
    }

    Block filter(SoarNode n) {
        List<Condition> out = conditionsOf(n, "condition", (c, index) -> "condition_" + (index + 1));
        if (out.isEmpty()) {
            t.losses.node(n, Code.WSP109, n.dataPointer() + "/conditions",
                    "the filter has no condition that could be imported");
        }
        blockCode(n, "it changes what the filter passes on");
        return new Block.FilterBlock(t.info(n), out);
    }

    Block decision(SoarNode n) {
        Set<String> taken = new HashSet<>();
        List<Condition> out = conditionsOf(n, "branch", (c, index) -> {
            if (c.path("type").asText("").equals("else") || c.path("display").asText("").equals("Else")) {
                return null;
            }
            String custom = c.path("customName").asText("");
            String name = IDENTIFIER.matcher(custom).matches() && !RESERVED.contains(custom) && !taken.contains(custom)
                    ? custom : "condition_" + (index + 1);
            for (int k = 2; taken.contains(name); k++) {
                name = "condition_" + (index + 1) + "_" + k;
            }
            taken.add(name);
            return name;
        });
        if (out.isEmpty()) {
            t.losses.node(n, Code.WSP109, n.dataPointer() + "/conditions",
                    "the decision has no branch that could be imported");
        }
        blockCode(n, "it changes which branch is taken");
        return new Block.DecisionBlock(t.info(n), out);
    }

    /** How a filter or decision names one of its SOAR conditions; null for a decision's else branch. */
    private interface ConditionNaming {
        String name(JsonNode condition, int conditionIndex);
    }

    /**
     * The conditions of a filter or decision node, named by {@code naming}, and the ports they become (recorded for
     * the node's edges); a SOAR name that could not be kept is said in a comment ({@code kind}: "condition" or
     * "branch").
     */
    private List<Condition> conditionsOf(SoarNode n, String kind, ConditionNaming naming) {
        List<Condition> out = new ArrayList<>();
        Map<Integer, String> byIndex = new LinkedHashMap<>();
        JsonNode list = n.data().path("conditions");
        String pointer = n.dataPointer() + "/conditions";
        boolean caseSensitive = n.advanced("case_sensitive").asBoolean(true);
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            int index = c.path("conditionIndex").asInt(i);
            String name = naming.name(c, index);
            if (name == null) {
                byIndex.put(index, Block.DecisionBlock.ELSE);
                continue;
            }
            byIndex.put(index, name);
            String custom = c.path("customName").asText("");
            if (!custom.isBlank() && !custom.equals(name)) {
                t.comment(n, name + ": SOAR " + kind + " '" + custom + "'");
            }
            Condition cond = conditions.condition(n, c, LocatedJson.child(pointer, i), name, caseSensitive);
            if (cond != null) {
                out.add(cond);
            }
        }
        delimiter(n, list);
        ports.put(n.id(), byIndex);
        return out;
    }

    /** SOAR's delimiter splits comma lists for {@code in}; Wisp's {@code in} already reads lists (info). */
    private void delimiter(SoarNode n, JsonNode conditions) {
        String text = conditions.toString();
        if (n.advanced("delimiter_enabled").asBoolean(false)
                && (text.contains("\"op\":\"in\"") || text.contains("\"op\":\"not in\""))) {
            t.losses.node(n, Code.WSP130, n.dataPointer() + "/advanced/delimiter", "SOAR splits texts at '"
                    + n.advanced("delimiter").asText(",") + "' for 'in'; Wisp's 'in' tests substrings and list members");
        }
    }

    Block format(SoarNode n) {
        JsonNode d = n.data();
        List<Value> params = t.values.values(n, d.path("parameters"), n.dataPointer() + "/parameters");
        String separator = n.advanced("separator").isTextual() ? n.advanced("separator").textValue() : null;
        blockCode(n, "it changes the text");
        return new Block.FormatBlock(t.info(n), d.path("template").asText(""), t.at(n.dataPointer() + "/template"),
                params, separator, n.advanced("drop_none").asBoolean(false));
    }

    Block prompt(SoarNode n) {
        JsonNode d = n.data();
        List<Value> params = t.values.values(n, d.path("parameters"), n.dataPointer() + "/parameters");
        List<PromptResponse> responses = new ArrayList<>();
        JsonNode rs = d.path("responses");
        for (int i = 0; i < rs.size(); i++) {
            JsonNode r = rs.get(i);
            String pointer = n.dataPointer() + "/responses/" + i;
            String type = r.path("responseType").asText("message");
            PromptResponse.Type wisp = switch (type) {
                case "yes/no" -> PromptResponse.Type.YES_NO;
                case "customList" -> PromptResponse.Type.LIST;
                case "message" -> PromptResponse.Type.TEXT;
                default -> null;
            };
            if (wisp == null) {
                t.losses.node(n, Code.WSP109, pointer + "/responseType", "response type '" + type
                        + "' has no Wisp form; asked as a text question");
                wisp = PromptResponse.Type.TEXT;
            }
            List<String> options = new ArrayList<>();
            if (wisp == PromptResponse.Type.LIST) {
                r.path("responseOptions").forEach(o -> options.add(o.asText()));
            }
            responses.add(new PromptResponse(r.path("responsePrompt").asText(""), wisp, options, t.at(pointer)));
        }
        String approver = approver(n, d.path("approver"));
        Duration timeout = d.path("responseTime").canConvertToLong() && d.path("responseTime").asLong() > 0
                ? Duration.ofMinutes(d.path("responseTime").asLong()) : null;
        if (n.hasCustomCode()) {
            t.losses.node(n, Code.WSP103, n.pointer() + "/customCode", "the prompt is built by custom Python at run "
                    + "time (customCode); the prompt as the editor shows it is imported instead");
            t.pythonComment(n, "SOAR customCode not imported", n.node().path("customCode").asText());
        }
        blockCode(n, "it changes the prompt");
        return new Block.PromptBlock(t.info(n), d.path("message").asText(""), params, responses, approver, timeout);
    }

    private String approver(SoarNode n, JsonNode a) {
        String value = a.isObject() ? a.path("value").asText("") : a.asText("");
        if (a.isObject() && !a.path("type").asText("").isEmpty()) {
            t.comment(n, "SOAR approver: " + a.path("type").asText() + " " + value);
        }
        if (value.equals("container_owner")) {
            t.losses.node(n, Code.WSP130, n.dataPointer() + "/approver", "approver 'container_owner' is SOAR's "
                    + "owner of the event; Wisp records the name only");
        }
        return value.isBlank() ? null : value;
    }

    Block playbook(SoarNode n) {
        JsonNode d = n.data();
        String name = n.text("playbookName");
        if (name.isEmpty()) {
            t.losses.node(n, Code.WSP109, n.dataPointer(), "the playbook block names no playbook (playbookName)");
            name = n.name();
        }
        String file = SoarNames.identifier(name) + ".yaml";
        String repo = n.text("playbookRepoName");
        if (!t.knownPlaybooks.contains(name)) {
            t.losses.node(n, Code.WSP116, n.dataPointer() + "/playbookName", "sub-playbook '"
                    + (repo.isEmpty() ? "" : repo + "/") + name + "' was not among the exports imported; import its "
                    + "export too (it is referenced as " + file + ")");
        }
        if (d.has("synchronous") && !d.path("synchronous").asBoolean(true)) {
            t.losses.node(n, Code.WSP110, n.dataPointer() + "/synchronous", "SOAR starts '" + name
                    + "' without waiting for it; Wisp waits for it to finish before going on");
        }
        if (d.path("loop").path("enabled").asBoolean(false)) {
            t.losses.node(n, Code.WSP109, n.dataPointer() + "/loop", "a loop on a sub-playbook has no Wisp form; "
                    + "it runs once");
        }
        Map<String, Value> inputs = new LinkedHashMap<>();
        JsonNode in = d.path("inputs");
        for (var it = in.fields(); it.hasNext(); ) {
            var e = it.next();
            String pointer = LocatedJson.child(n.dataPointer() + "/inputs", e.getKey());
            JsonNode paths = e.getValue().path("datapaths");
            List<Value> vs = t.values.values(n, paths, pointer + "/datapaths");
            if (vs.isEmpty()) {
                continue;
            }
            if (vs.size() > 1) {
                t.losses.node(n, Code.WSP111, pointer, "input '" + e.getKey() + "' has " + vs.size()
                        + " data paths, which SOAR concatenates; Wisp takes one: the first is imported, the others ("
                        + paths + ") are not");
            }
            if (e.getValue().path("deduplicate").asBoolean(false)) {
                t.losses.node(n, Code.WSP111, pointer + "/deduplicate", "input '" + e.getKey()
                        + "' is deduplicated in SOAR; Wisp passes the values as they are");
            }
            inputs.put(SoarNames.identifier(e.getKey()), vs.get(0));
        }
        blockCode(n, "it changes the inputs");
        return new Block.PlaybookBlock(t.info(n), file, t.at(n.dataPointer() + "/playbookName"), inputs);
    }

    /**
     * The block that stands for one that was not imported (written only with losses allowed): a core debug action
     * passing on the first data path the SOAR block read, so the graph, names and edges survive.
     */
    Block placeholder(SoarNode n, String what) {
        Value value = firstPath(n, n.data(), n.dataPointer());
        if (value == null) {
            value = new Value.Literal(n.name() + " (" + what + ") not imported", t.at(n.pointer()));
        }
        Map<String, Value> params = new LinkedHashMap<>();
        params.put("value", value);
        params.put("label", new Value.Literal(n.name() + " (" + what + " not imported)", t.at(n.pointer())));
        BlockInfo info = new BlockInfo(n.name(), "NOT IMPORTED: " + what + (Translation.description(n).isEmpty()
                ? "" : "; " + Translation.description(n)), dev.wisp.dsl.model.Join.ALL, t.at(n.pointer()));
        t.comment(n, "placeholder: the report has an error for this block");
        return new Block.ActionBlock(info, "debug", t.at(n.pointer()), null, "core", params, null, null, null, null,
                null, null);
    }

    private Value firstPath(SoarNode n, JsonNode v, String pointer) {
        if (v.isTextual() && dev.wisp.dsl.path.DataPathParser.looksLikePath(v.textValue(), Set.of())) {
            Value x = t.values.text(n, v.textValue(), pointer);
            return x instanceof Value.PathRef ? x : null;
        }
        if (v.isContainerNode()) {
            var names = v.isObject() ? v.fieldNames() : null;
            for (int i = 0; i < v.size(); i++) {
                String key = names == null ? String.valueOf(i) : names.next();
                if (key.equals("advanced") || key.equals("utilities") || key.equals("customDatapaths")) {
                    continue;
                }
                Value x = firstPath(n, v.isObject() ? v.get(key) : v.get(i), LocatedJson.child(pointer, key));
                if (x != null) {
                    return x;
                }
            }
        }
        return null;
    }

    /** {@code userCode} or {@code customCode} on a block whose Python Wisp does not carry: an error, never dropped. */
    void blockCode(SoarNode n, String effect) {
        if (n.hasRealUserCode()) {
            t.losses.node(n, Code.WSP103, n.pointer() + "/userCode", "custom Python in the " + n.type()
                    + " block is not imported (" + effect + "): move it to a code block");
            t.pythonComment(n, "SOAR userCode not imported", n.node().path("userCode").asText());
        }
        if (n.hasCustomCode() && !n.type().equals("prompt")) {
            t.losses.node(n, Code.WSP103, n.pointer() + "/customCode", "the block's generated Python was replaced "
                    + "by custom code (customCode), which is not imported");
            t.pythonComment(n, "SOAR customCode not imported", n.node().path("customCode").asText());
        }
    }
}
