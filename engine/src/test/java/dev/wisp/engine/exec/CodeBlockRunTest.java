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

    private RunOutcome one(String code, String extra) {
        return h.run("playbook: one\nblocks:\n  c:\n    code: |\n" + code.indent(6) + extra.indent(4)
                + "edges: [start -> c, c -> end]\n");
    }

    private String message(String block) {
        return String.valueOf(result(block).get("message"));
    }

    @Test
    void anExceptionFailsWithItsLastLineAndItsTracebackGoesToTheJournal() {
        RunOutcome o = one("x = 1\ndef f():\n    return {}['missing']\nf()", "");
        assertEquals(RunOutcome.Status.FAILED, o.status());
        assertEquals("KeyError: 'missing' (Python line 3)", message("c"));
        String tb = logs("c").stream().filter(l -> l.startsWith("traceback:")).findFirst().orElseThrow();
        assertTrue(tb.contains("line 4, in <module>") && tb.contains("line 3, in f"), tb);
        assertFalse(tb.contains("wisp_runner"), tb);
    }

    @Test
    void outputsMissingUndeclaredOrOfTheWrongTypeFailNamingEach() {
        one("outputs['n'] = 'seven'\noutputs['extra'] = 1",
                "outputs: { n: { type: numeric }, l: { type: list }, s: { type: string } }");
        assertEquals("outputs 'l', 's' were not written; output 'n' must be numeric, not str; output 'extra' is not "
                + "declared under outputs", message("c"));
    }

    @Test
    void anOutputThatIsNotJsonFailsNamingIt() {
        one("outputs['s'] = {1, 2}\noutputs['ok'] = 1", "outputs: { s: { type: any }, ok: { type: numeric } }");
        assertEquals("output 's' is not JSON-serialisable: set (Object of type set is not JSON serializable)",
                message("c"));
    }

    @Test
    void unicodeSurvivesTheRoundTrip() {
        RunOutcome o = h.run("""
                playbook: unicode
                outputs: { out: { value: c:custom_function:s } }
                blocks:
                  c:
                    code: |
                      print("héllo ✓ 🐍")
                      outputs["s"] = inputs["t"] + " ✓ 🐍 \\u00e9"
                    inputs: { t: "Zürich 東京" }
                    outputs: { s: { type: string } }
                edges: [start -> c, c -> end]
                """);
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals("Zürich 東京 ✓ 🐍 é", o.outputs().get("out"));
        assertEquals(List.of("stdout: héllo ✓ 🐍"), logs("c"));
    }

    @Test
    void anEndlessLoopThatIgnoresSigtermIsKilledWithItsChildrenAtItsTimeout() throws Exception {
        long t0 = System.nanoTime();
        one("""
                import signal, subprocess, sys
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                child = subprocess.Popen(["sleep", "60"])
                print("child", child.pid, flush=True)
                while True:
                    pass""", "timeout: 1s");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(message("c").startsWith("timed out after 1s"), message("c"));
        assertTrue(ms < 10_000, "took " + ms + " ms");
        long child = Long.parseLong(logs("c").stream().filter(l -> l.startsWith("stdout: child ")).findFirst()
                .orElseThrow().substring("stdout: child ".length()).strip());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "child " + child + " lives");
    }

    @Test
    void printingAHundredMegabytesStopsAtTheLimitAndFails() {
        one("import sys\nfor i in range(100):\n    print('x' * (1 << 20))", "");
        assertEquals("it printed more than the limit of 1 MiB (stdout and stderr)", message("c"));
        assertTrue(logs("c").size() < 5, "a few lines journaled, not 100 MB");
    }

    @Test
    void outputsLargerThanTheLimitFail() {
        one("outputs['big'] = 'x' * (100 << 20)", "outputs: { big: { type: string } }");
        assertEquals("its outputs are larger than the limit of 1 MiB of JSON", message("c"));
    }

    @Test
    void theEnvironmentIsScrubbedButForListedVariablesAndCodeRunsInTheWorkFolder(@org.junit.jupiter.api.io.TempDir
                                                                                     java.nio.file.Path dir)
            throws java.io.IOException {
        h.code = new CodeSettings(true, null, dir, Map.of("PATH", System.getenv("PATH"), "SECRET_TOKEN", "t0ken",
                "WANTED", "yes"), null);
        RunOutcome o = h.run("""
                playbook: env
                outputs: { env: { value: c:custom_function:env }, cwd: { value: c:custom_function:cwd } }
                blocks:
                  c:
                    code: |
                      import os
                      outputs["env"] = sorted(k for k in os.environ if k != "LC_CTYPE")
                      outputs["cwd"] = os.getcwd()
                    env: [WANTED]
                    outputs: { env: { type: list }, cwd: { type: string } }
                edges: [start -> c, c -> end]
                """);
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(List.of("HOME", "LANG", "PATH", "TMPDIR", "WANTED"), o.outputs().get("env"));
        assertEquals(dir.toRealPath().toString(), o.outputs().get("cwd"));
    }

    @Test
    void codeThatIsNotAllowedFailsSayingHowToAllowIt() {
        h.code = CodeSettings.off();
        one("outputs['x'] = 1", "outputs: { x: { type: numeric } }");
        assertTrue(message("c").startsWith("code blocks are off: running Python from a playbook needs --allow-code"),
                message("c"));
    }

    @Test
    void codeReadingStdinGetsNothingAndAnInterpreterThatDiesIsReplaced() {
        RunOutcome o = h.run("""
                playbook: stdin
                blocks:
                  a: { code: "input()" }
                  b: { code: "import os\\nos._exit(3)" }
                  c: { code: "import sys\\noutputs['read'] = sys.stdin.read()", outputs: { read: { type: string } } }
                edges: [start -> a, a.failure -> b, b.failure -> c, c -> end]
                """);
        assertEquals("EOFError: EOF when reading a line (Python line 1)", message("a"));
        assertEquals("the Python process ended unexpectedly (exit code 3)", message("b"));
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals("", ((Map<?, ?>) ((List<?>) result("c").get("data")).get(0)).get("read"));
    }

    @Test
    void anAssetNamedCodeKeepsItsOwnConnection() {
        RunOutcome o = h.run("""
                playbook: names
                assets: { code: { app: test } }
                outputs: { n: { value: c:custom_function:n } }
                blocks:
                  c: { code: "outputs['n'] = 1", outputs: { n: { type: numeric } } }
                  e: { action: echo, asset: code, parameters: { value: c:custom_function:n } }
                edges: [start -> c, c -> e, e -> end]
                """);
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(List.of("echo {value=1}"), h.app.calls);
    }

    @Test
    void aMissingInterpreterFailsTheBlockSayingSo() {
        h.code = new CodeSettings(true, "/no/such/python3", null, Map.of(), null);
        one("outputs['x'] = 1", "outputs: { x: { type: numeric } }");
        assertEquals("cannot start Python: code blocks need Python 3, but '/no/such/python3' was not found; install "
                + "it, or name the interpreter with WISP_PYTHON or 'code: {python: PATH}' in wisp-project.yaml",
                message("c"));
    }

    @Test
    void oneWarmInterpreterServesTheRunsBlocksOneAfterAnother() {
        RunOutcome o = h.run("""
                playbook: warm
                outputs: { a: { value: a:custom_function:pid }, b: { value: b:custom_function:pid } }
                blocks:
                  a: { code: "import os\\noutputs['pid'] = os.getpid()", outputs: { pid: { type: numeric } } }
                  b: { code: "import os\\noutputs['pid'] = os.getpid()", outputs: { pid: { type: numeric } } }
                edges: [start -> a, a -> b, b -> end]
                """);
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(o.outputs().get("a"), o.outputs().get("b"));
    }

    @Test
    void thePhantomModuleCoversWhatSoarCustomCodeUses() {
        h.container = Map.of("id", 7, "name", "alert");
        RunOutcome o = h.run("""
                playbook: phantom
                outputs:
                  rows: { value: b:custom_function:rows }
                  text: { value: b:custom_function:text }
                  saved: { value: b:custom_function:saved }
                  misc: { value: b:custom_function:misc }
                blocks:
                  l: { action: list, app: test, parameters: { count: 2 } }
                  f: { format: "ids {0}", parameters: [l:action_result.data.*.*.id] }
                  a:
                    code: |
                      import phantom.rules as phantom
                      phantom.save_run_data(key="note", value="from a")
                      phantom.save_run_data(key="count", value=2)
                      phantom.format(template="{0}!", parameters=["hi"], name="greeting")
                    outputs: { count: { type: numeric } }
                  b:
                    code: |
                      import phantom.rules as phantom
                      phantom.debug("rows coming")
                      phantom.error({"a": 1})
                      outputs["rows"] = phantom.collect2(container=phantom.get_container(), datapath=[
                          "l:action_result.data.*.*.id", "l:action_result.parameter.count"])
                      outputs["text"] = phantom.get_format_data(name="f") + " / " + phantom.get_format_data(name="greeting")
                      outputs["saved"] = phantom.get_run_data(key="note")
                      outputs["misc"] = [phantom.completed(action_names=["l"], custom_function_names=["a"]),
                                         phantom.completed(action_names=["never"]),
                                         phantom.concatenate([1, 2], 2, [3], dedup=True),
                                         phantom.get_container()["name"]]
                    inputs:
                      ids: l:action_result.data.*.*.id
                      count: l:action_result.parameter.count
                      text: f:formatted_data
                    outputs:
                      rows: { type: list }
                      text: { type: string }
                      saved: { type: string }
                      misc: { type: list }
                  c:
                    code: |
                      import phantom.rules as phantom
                      phantom.act("block ip", parameters=[])
                edges: [start -> l, l -> f, f -> a, a -> b, b -> c, c -> end]
                """);
        assertEquals(List.of(List.of("i-0", 2), List.of("i-1", 2)), o.outputs().get("rows"));
        assertEquals("ids i-0, i-1 / hi!", o.outputs().get("text"));
        assertEquals("from a", o.outputs().get("saved"));
        assertEquals(List.of(true, false, List.of(1, 2, 3), "alert"), o.outputs().get("misc"));
        assertEquals(2, result("a").get("data") instanceof List<?> l ? ((Map<?, ?>) l.get(0)).get("count") : null);
        assertEquals(List.of("debug: rows coming", "error: {\"a\": 1}"), logs("b"));
        assertTrue(message("c").startsWith("NotImplementedError: phantom.act is not supported in Wisp code blocks"),
                message("c"));
    }

    @Test
    void collect2RefusesAPathTheBlockDoesNotDeclare() {
        one("import phantom.rules as phantom\nphantom.collect2(container={}, datapath=['x:action_result.data'])", "");
        assertEquals("ValueError: phantom.collect2: data path 'x:action_result.data' is not an input of code block "
                + "'c'; declare it under inputs (for example  x: x:action_result.data) (Python line 2)", message("c"));
    }
}
