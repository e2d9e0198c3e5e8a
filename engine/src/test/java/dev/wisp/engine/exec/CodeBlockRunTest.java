package dev.wisp.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.code.CodeSettings;
import dev.wisp.engine.code.Python;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.run.RunOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Code blocks run for real in a child Python: inputs in, typed outputs out, and every way that can go wrong. */
class CodeBlockRunTest {
    private final Harness h = new Harness();

    @BeforeEach
    void needsPython() {
        Assumptions.assumeTrue(Python.find(CodeSettings.DEFAULT_PYTHON, System.getenv()).isPresent(),
                "python3 is not on the PATH: code block tests skipped (CI has it)");
        h.code = CodeSettings.allowed(null);
    }

    private Map<String, Object> result(String block) {
        return h.events(JournalEvent.ExecutionFinished.class).stream().filter(e -> e.block().equals(block))
                .findFirst().orElseThrow(() -> new AssertionError(block + " did not run: " + h.events)).result();
    }

    private List<String> logs(String block) {
        return h.events(JournalEvent.Log.class).stream().filter(e -> e.block().equals(block))
                .map(JournalEvent.Log::message).toList();
    }

    @Test
    void runsWithItsInputsAndItsOutputsAreReadDownstream() {
        RunOutcome o = h.run("""
                playbook: code
                outputs:
                  users: { value: normalize:custom_function:observable_array.*.value }
                blocks:
                  l: { action: list, app: test, parameters: { count: 2 } }
                  normalize:
                    code: |
                      observable_array = []
                      for user, status in zip(inputs["users"], inputs["states"]):
                          observable_array.append({"type": "user name", "value": user, "status": status})
                      print("normalised", len(observable_array))
                      outputs["observable_array"] = observable_array
                    inputs:
                      users: l:action_result.data.*.*.id
                      states: l:action_result.data.*.*.state
                    outputs:
                      observable_array: { type: list }
                  e: { action: echo, app: test, parameters: { value: normalize:custom_function:observable_array.*.value } }
                edges: [start -> l, l -> normalize, normalize -> e, e -> end]
                """);
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(Map.of("users", List.of("i-0", "i-1")), o.outputs());
        assertEquals(List.of("echo {value=i-0}", "echo {value=i-1}"),
                h.app.calls.stream().filter(c -> c.startsWith("echo")).sorted().toList());
        assertEquals(List.of("stdout: normalised 2"), logs("normalize"));
    }
}
