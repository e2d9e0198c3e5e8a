package dev.wisp.engine.code;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.CodeOutput;
import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's answer as an action result: an exception is a failed result whose message is the exception's last line
 * (the traceback goes to the journal); outputs missing, undeclared, of the wrong type or not JSON fail the result
 * naming each; otherwise the outputs are the result's one data item, read as {@code <block>:custom_function:<name>}.
 */
final class CodeResults {
    /**
     * An execution's result, and what it saved for later code blocks.
     *
     * @param result  the result
     * @param runData values saved with {@code phantom.save_run_data}
     * @param formats texts made with {@code phantom.format(name=...)}
     */
    record Outcome(ActionResult result, Map<String, Object> runData, Map<String, Object> formats) {
    }

    private CodeResults() {
    }

    @SuppressWarnings("unchecked")
    static Outcome of(ActionContext ctx, Block.CodeBlock block, Map<String, Object> answer, long millis) {
        Map<String, Object> params = ctx.parameters();
        if (answer.get("error") != null) {
            Object tb = answer.get("traceback");
            if (tb != null) {
                ctx.log("traceback:\n" + String.valueOf(tb).stripTrailing());
            }
            Object line = answer.get("line");
            String at = line instanceof Number n ? " (" + (block.file() != null ? block.file() + " " : "Python ")
                    + "line " + n + ")" : "";
            return failed(params, answer.get("error") + at);
        }
        if (answer.get("unserializable") instanceof Map<?, ?> bad) {
            List<String> parts = new ArrayList<>();
            bad.forEach((k, v) -> parts.add("output '" + k + "' is not JSON-serialisable: " + v));
            return failed(params, String.join("; ", parts));
        }
        Map<String, Object> outputs = answer.get("outputs") instanceof Map<?, ?> m ? (Map<String, Object>) m
                : Map.of();
        List<String> problems = problems(block, outputs);
        if (!problems.isEmpty()) {
            return failed(params, String.join("; ", problems));
        }
        Map<String, Object> runData = answer.get("run_data") instanceof Map<?, ?> r ? (Map<String, Object>) r
                : Map.of();
        Map<String, Object> formats = answer.get("formats") instanceof Map<?, ?> f ? (Map<String, Object>) f
                : Map.of();
        Map<String, Object> summary = new LinkedHashMap<>();
        if (!runData.isEmpty()) {
            summary.put("run_data", runData);
        }
        if (!formats.isEmpty()) {
            summary.put("formats", formats);
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        block.outputs().keySet().forEach(k -> ordered.put(k, outputs.get(k)));
        return new Outcome(ActionResult.success(params, List.of(ordered), summary, "ran in " + millis + " ms"),
                runData, formats);
    }

    private static Outcome failed(Map<String, Object> params, String message) {
        return new Outcome(ActionResult.failed(params, message), Map.of(), Map.of());
    }

    /** Every output that is missing, undeclared or of the wrong type. */
    static List<String> problems(Block.CodeBlock block, Map<String, Object> outputs) {
        List<String> out = new ArrayList<>();
        List<String> missing = block.outputs().keySet().stream().filter(k -> !outputs.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            out.add((missing.size() == 1 ? "output " : "outputs ") + String.join(", ", missing.stream()
                    .map(k -> "'" + k + "'").toList()) + (missing.size() == 1 ? " was" : " were") + " not written");
        }
        for (Map.Entry<String, Object> e : outputs.entrySet()) {
            CodeOutput declared = block.outputs().get(e.getKey());
            if (declared == null) {
                out.add("output '" + e.getKey() + "' is not declared under outputs");
            } else if (!fits(declared.type(), e.getValue())) {
                out.add("output '" + e.getKey() + "' must be " + declared.type().id() + ", not "
                        + pythonType(e.getValue()));
            }
        }
        return out;
    }

    /** JSON kinds as Python makes them: no numeric strings for numbers, no "true" for booleans. */
    static boolean fits(DataType type, Object v) {
        if (v == null) {
            return true;
        }
        return switch (type) {
            case STRING, PASSWORD -> v instanceof String;
            case NUMERIC -> v instanceof Number;
            case BOOLEAN -> v instanceof Boolean;
            case OBJECT -> v instanceof Map;
            case LIST -> v instanceof List;
            case ANY -> true;
        };
    }

    static String pythonType(Object v) {
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            return "int";
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            return "float";
        }
        return v instanceof List ? "list" : v instanceof Map ? "dict" : "None";
    }
}
