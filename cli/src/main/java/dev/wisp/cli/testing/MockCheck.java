package dev.wisp.cli.testing;

import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a mock against the action's declared outputs, so a mock cannot drift from what the real app returns:
 * every value in {@code data} and {@code summary} must sit at a declared data path, with a value of its type.
 */
final class MockCheck {
    private static final Set<String> KEYS = Set.of("status", "message", "data", "summary", "continue_after", "state");

    private MockCheck() {
    }

    static List<String> problems(ActionSpec action, Map<String, Object> mock) {
        return problems(action, mock, false);
    }

    /** As above; with {@code openOutputs}, data at undeclared paths is the app's business (docs/app-specs.md). */
    static List<String> problems(ActionSpec action, Map<String, Object> mock, boolean openOutputs) {
        List<String> out = new ArrayList<>();
        for (String k : mock.keySet()) {
            if (!KEYS.contains(k)) {
                out.add("unknown key '" + k + "' (a mock has status, message, data, summary; continue_after, "
                        + "state)");
            }
        }
        continuation(action, mock, out);
        Object status = mock.get("status");
        if (status != null && !status.equals("success") && !status.equals("failed")) {
            out.add("status must be success or failed, not '" + status + "'");
        }
        Object data = mock.get("data");
        if (data != null) {
            walk(action, "action_result.data", data instanceof List ? data : List.of(data), openOutputs, out);
        }
        if (mock.get("summary") instanceof Map<?, ?> summary) {
            summary.forEach((k, v) -> walk(action, "action_result.summary." + k, v, false, out));
        }
        return out;
    }

    /** A step that continues: only of an action that declares it, never a failure, a duration and a mapping. */
    private static void continuation(ActionSpec action, Map<String, Object> mock, List<String> out) {
        Object after = mock.get("continue_after");
        if (after == null) {
            if (mock.containsKey("state")) {
                out.add("state is what a step hands on with continue_after; give continue_after too");
            }
            return;
        }
        if (!action.continues()) {
            out.add("'" + action.name() + "' does not continue in steps, so a mock of it cannot have continue_after");
        } else if (dev.wisp.dsl.parse.Durations.parse(String.valueOf(after)) == null) {
            out.add("continue_after must be a duration such as 30s or 5m, not '" + after + "'");
        }
        if ("failed".equals(mock.get("status"))) {
            out.add("a failed step is a result: it cannot have continue_after");
        }
        if (mock.get("state") != null && !(mock.get("state") instanceof Map)) {
            out.add("state must be a mapping, not " + mock.get("state"));
        }
    }

    private static void walk(ActionSpec action, String path, Object value, boolean open, List<String> out) {
        Optional<OutputSpec> declared = action.output(path);
        if (declared.isPresent() && (declared.get().type() == DataType.ANY || declared.get().type() == DataType.LIST
                || declared.get().type() == DataType.OBJECT)) {
            return; // a declared structured value: its contents are the app's business
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(action, path + "." + k, v, open, out));
        } else if (value instanceof List<?> l) {
            for (Object v : l) {
                walk(action, path + ".*", v, open, out);
            }
        } else if (declared.isEmpty() && open) {
            return; // an open action's undeclared data: whatever the app returns
        } else if (declared.isEmpty()) {
            List<String> outputs = action.outputs().stream().map(OutputSpec::dataPath)
                    .filter(p -> p.startsWith("action_result.data") || p.startsWith("action_result.summary")).toList();
            out.add(path + " is not an output of '" + action.name() + "' (its outputs: " + String.join(", ", outputs)
                    + ")");
        } else if (value != null && !declared.get().type().accepts(value)) {
            out.add(path + " must be " + declared.get().type().id() + ", not " + value);
        }
    }
}
