package dev.wisp.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.Engine;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.prompt.PromptOutcome;
import dev.wisp.engine.run.RunOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunTest {
    final Harness h = harness();

    /** The harness every test runs on: its app's connections block (they are called on worker threads). */
    Harness harness() {
        return new Harness();
    }

    @Test
    void callsABlockingConnectionOnAWorkerThread() {
        h.run("""
                playbook: where
                blocks:
                  one: { action: echo, app: test, parameters: { value: 1 } }
                edges: [start -> one, one -> end]
                """);
        assertEquals(List.of(h.app.nonBlocking), h.app.threads.stream().map(t -> t.startsWith("wisp-run-")).toList());
    }

    @Test
    void runsBlocksInOrderAndPassesDataAlongPaths() {
        RunOutcome o = h.run("""
                playbook: chain
                outputs:
                  last: { value: b:action_result.data.*.value }
                blocks:
                  a: { action: echo, app: test, parameters: { value: hello } }
                  b: { action: echo, app: test, parameters: { value: a:action_result.data.*.value } }
                edges: [start -> a, a -> b, b -> end]
                """);
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(List.of("echo {value=hello}", "echo {value=hello}"), h.app.calls);
        assertEquals(Map.of("last", "hello"), o.outputs());
    }

    @Test
    void runsOncePerRowZippingOneSourceAndFailingABlockWhoseRowsWereAllSkipped() {
        RunOutcome o = h.run("""
                playbook: fanout
                blocks:
                  l: { action: list, app: test, parameters: { count: 3 } }
                  e:
                    action: echo
                    app: test
                    parameters: { value: l:action_result.data.*.*.id, n: l:action_result.data.*.*.n }
                  g: { action: echo, app: test, parameters: { value: l:action_result.data.*.*.missing } }
                edges: [start -> l, l -> e, e -> g, g -> end]
                """);
        assertEquals(RunOutcome.Status.FAILED, o.status(), o.message());
        assertEquals("block g failed: no execution: 3 rows were skipped (required parameter value had no value)",
                o.message());
        assertEquals(List.of("echo {n=0, value=i-0}", "echo {n=1, value=i-1}", "echo {n=2, value=i-2}"),
                h.app.calls.stream().filter(c -> c.startsWith("echo")).sorted().toList());
        JournalEvent.RowsSkipped skipped = h.events(JournalEvent.RowsSkipped.class).get(0);
        assertEquals("g", skipped.block());
        assertEquals(3, skipped.count());
        assertEquals("required parameter value had no value", skipped.reason());
    }

    @Test
    void combinesDifferentSourcesAsAProductOrAZip() {
        String yaml = """
                playbook: combine
                blocks:
                  a: { action: list, app: test, parameters: { count: 2 } }
                  b: { action: list, app: test, parameters: { count: 2 } }
                  e:
                    action: echo
                    app: test
                    COMBINE
                    parameters: { value: a:action_result.data.*.*.id, other: b:action_result.data.*.*.n }
                edges: [start -> a, a -> b, b -> e, e -> end]
                """;
        h.run(yaml.replace("COMBINE", "combine: product"));
        assertEquals(4, h.app.calls.stream().filter(c -> c.startsWith("echo")).count());
        Harness zip = new Harness();
        zip.run(yaml.replace("COMBINE", "combine: zip"));
        assertEquals(List.of("echo {other=0, value=i-0}", "echo {other=1, value=i-1}"),
                zip.app.calls.stream().filter(c -> c.startsWith("echo")).sorted().toList());
    }

    @Test
    void filtersFireIndependentConditionsAndRestrictFilteredData() {
        RunOutcome o = h.run("""
                playbook: filters
                blocks:
                  l: { action: list, app: test, parameters: { count: 4 } }
                  f:
                    filter:
                      running: [[l:action_result.data.*.*.state, ==, running]]
                      big: [[l:action_result.data.*.*.n, ">", 10]]
                  e: { action: echo, app: test, parameters: { value: filtered-data:f:running:l:action_result.data.*.*.id } }
                  never: { action: echo, app: test, parameters: { value: x } }
                edges: [start -> l, l -> f, f.running -> e, f.big -> never, e -> end, never -> end]
                """);
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(List.of("echo {value=i-0}", "echo {value=i-2}"),
                h.app.calls.stream().filter(c -> c.startsWith("echo")).sorted().toList());
        assertEquals("none of its incoming edges was taken (f.big)", h.skipped("never"));
        assertEquals(List.of("running"), h.finished("f").ports());
    }

    @Test
    void joinAllWaitsForEveryBranchThatCanRunAndNeverHaltsSilently() {
        RunOutcome o = h.run("""
                playbook: joins
                inputs: { level: { type: numeric, default: 1 } }
                blocks:
                  d:
                    decision:
                      high: [[playbook_input:level, ">", 5]]
                  capture: { action: echo, app: test, parameters: { value: captured } }
                  note: { action: echo, app: test, parameters: { value: note } }
                  after_any: { action: echo, app: test, parameters: { value: any }, join: any }
                edges:
                  - start -> d
                  - d.high -> capture
                  - d.else -> note
                  - capture -> after_any
                  - note -> after_any
                  - after_any -> end
                  - capture -> end
                """);
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals("none of its incoming edges was taken (d.high)", h.skipped("capture"));
        assertEquals(List.of("echo {value=note}", "echo {value=any}"), h.app.calls);
        assertEquals(Map.of("branch", "else"), h.finished("d").output());
    }

    @Test
    void aBlockThatFinishesAtOnceDoesNotEndTheRunWhileSiblingEdgesAreStillFollowed() {
        RunOutcome o = h.run("""
                playbook: reentrant
                blocks:
                  d: { decision: { first: [[container:x, not exists]] } }
                  empty: { action: echo, app: test, parameters: { value: first }, join: any }
                  other: { action: echo, app: test, parameters: { value: other } }
                  after: { action: echo, app: test, parameters: { value: after } }
                edges:
                  - start -> d
                  - d.first -> empty
                  - d.else -> other
                  - other -> empty
                  - empty -> after
                  - after -> end
                """);
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals("none of its incoming edges was taken (d.else)", h.skipped("other"));
        assertEquals(List.of("echo {value=first}", "echo {value=after}"), h.app.calls);
    }

    @Test
    void subPlaybooksGetInputsAndReturnTheirOutputs() {
        h.subs = (parent, path) -> Harness.playbook(path, """
                playbook: child
                inputs: { who: { type: string } }
                outputs: { greeting: { value: "hi:formatted_data" } }
                blocks:
                  hi: { format: "hello {0}", parameters: [playbook_input:who] }
                  e: { action: echo, app: test, parameters: { value: hi:formatted_data } }
                edges: [start -> hi, hi -> e, e -> end]
                """);
        RunOutcome o = h.run("""
                playbook: parent
                blocks:
                  sub: { playbook: child.yaml, inputs: { who: world } }
                  use: { action: echo, app: test, parameters: { value: sub:playbook_output:greeting } }
                edges: [start -> sub, sub -> use, use -> end]
                """);
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(List.of("echo {value=hello world}", "echo {value=hello world}"), h.app.calls);
        assertTrue(h.events(JournalEvent.BlockFinished.class).stream().anyMatch(e -> e.block().equals("sub/e")),
                "the child's blocks are journaled under the parent block");
    }

    @Test
    void aDecisionWithoutMatchOrElseEndsItsBranchAndSaysSo() {
        h.run("""
                playbook: nomatch
                blocks:
                  d: { decision: { yes_branch: [[container:x, ==, 1]] } }
                  a: { action: echo, app: test, parameters: { value: 1 } }
                edges: [start -> d, d.yes_branch -> a, a -> end]
                """);
        assertTrue(h.finished("d").output().get("note").toString().startsWith("no branch matched and there is no else"));
        assertEquals("none of its incoming edges was taken (d.yes_branch)", h.skipped("a"));
    }

    @Test
    void formatsRenderWholeAndPerRowTexts() {
        h.run("""
                playbook: fmt
                blocks:
                  l: { action: list, app: test, parameters: { count: 2 } }
                  f: { format: "{0} is {1} {{ok}}", parameters: [l:action_result.data.*.*.id, l:action_result.data.*.*.state] }
                  e: { action: echo, app: test, parameters: { value: f:formatted_data.* } }
                  w: { action: echo, app: test, parameters: { value: f:formatted_data } }
                edges: [start -> l, l -> f, f -> e, e -> w, w -> end]
                """);
        assertEquals(List.of("echo {value=i-0 is running {ok}}", "echo {value=i-1 is stopped {ok}}"),
                h.app.calls.subList(1, 3).stream().sorted().toList());
        assertEquals("echo {value=i-0, i-1 is running, stopped {ok}}", h.app.calls.get(3));
    }

    @Test
    void failureEdgesRouteFailuresAndOnFailureStopStopsTheRun() {
        h.app.failuresLeft.put("k", new AtomicInteger(99));
        RunOutcome routed = h.run("""
                playbook: failures
                blocks:
                  c: { action: create, app: test, parameters: { key: k } }
                  ok: { action: echo, app: test, parameters: { value: ok } }
                  bad: { action: echo, app: test, parameters: { value: c:action_result.message } }
                edges: [start -> c, c -> ok, c.failure -> bad, ok -> end, bad -> end]
                """);
        assertEquals(RunOutcome.Status.SUCCESS, routed.status(), "a routed failure does not fail the run");
        assertEquals("none of its incoming edges was taken (c)", h.skipped("ok"));
        assertTrue(h.app.calls.contains("echo {value=failed k}"));

        Harness stop = new Harness();
        stop.app.failuresLeft.put("k", new AtomicInteger(99));
        RunOutcome stopped = stop.run("""
                playbook: stop
                blocks:
                  c: { action: create, app: test, parameters: { key: k }, on_failure: stop }
                  next: { action: echo, app: test, parameters: { value: x } }
                edges: [start -> c, c -> next, next -> end]
                """);
        assertEquals(RunOutcome.Status.FAILED, stopped.status());
        assertEquals("the run stopped after block c failed", stop.skipped("next"));
    }

    @Test
    void retriesIdempotentActionsWithBackoffButNeverRepeatsUnsafeOnes() {
        h.app.failuresLeft.put("a", new AtomicInteger(2));
        h.app.failuresLeft.put("b", new AtomicInteger(2));
        RunOutcome o = h.run("""
                playbook: retries
                blocks:
                  f: { action: flaky, app: test, parameters: { key: a }, retry: { attempts: 3, backoff: 2s } }
                  c: { action: create, app: test, parameters: { key: b }, retry: { attempts: 3, backoff: 2s } }
                edges: [start -> f, f -> c, c.failure -> end, c -> end]
                """);
        assertEquals(3, h.app.calls.stream().filter(c -> c.startsWith("flaky")).count());
        assertEquals(List.of(2000L, 4000L), h.events(JournalEvent.ExecutionRetrying.class).stream()
                .map(JournalEvent.ExecutionRetrying::delayMillis).toList());
        assertEquals(1, h.app.calls.stream().filter(c -> c.startsWith("create")).count());
        assertEquals("success", h.finished("f").status());
        assertEquals("failed", h.finished("c").status());
        assertEquals(RunOutcome.Status.SUCCESS, o.status());
    }

    @Test
    void aHangingPluginTimesOutAsAReadableFailure() {
        var handle = h.start("""
                playbook: hang
                blocks:
                  x: { action: hang, app: test, timeout: 10s }
                edges: [start -> x, x.failure -> end, x -> end]
                """, Map.of(), List.of());
        RunOutcome o = h.finish(handle);
        assertEquals(RunOutcome.Status.SUCCESS, o.status());
        var result = (Map<?, ?>) ((List<?>) h.finished("x").output().get("results")).get(0);
        assertEquals("timed out after 10s", result.get("message"));
    }

    @Test
    void pluginsThatThrowOrReturnNothingFailTheirBlockNotTheRun() {
        RunOutcome o = h.run("""
                playbook: faults
                blocks:
                  b: { action: boom, app: test }
                  n: { action: nothing, app: test }
                edges: [start -> b, b -> n, b.failure -> n, n -> end]
                """);
        assertEquals(RunOutcome.Status.FAILED, o.status());
        var b = (Map<?, ?>) ((List<?>) h.finished("b").output().get("results")).get(0);
        assertEquals("the plugin failed: IllegalStateException: kaboom", b.get("message"));
        var n = (Map<?, ?>) ((List<?>) h.finished("n").output().get("results")).get(0);
        assertEquals("the plugin returned no result", n.get("message"));
    }

    @Test
    void repeatsUntilTheConditionHolds() {
        h.app.failuresLeft.put("r", new AtomicInteger(3));
        h.run("""
                playbook: repeat
                blocks:
                  p:
                    action: flaky
                    app: test
                    parameters: { key: r }
                    repeat: { until: [[p:action_result.status, ==, success]], interval: 30s, max_iterations: 10 }
                edges: [start -> p, p -> end]
                """);
        assertEquals(4, h.app.calls.size());
        assertEquals("success", h.finished("p").status());
    }

    @Test
    void boundsConcurrencyPerBlock() {
        h.maxConcurrency = 50;
        h.run("""
                playbook: limits
                blocks:
                  l: { action: list, app: test, parameters: { count: 40 } }
                  e: { action: echo, app: test, parameters: { value: l:action_result.data.*.*.id }, max_concurrency: 3 }
                edges: [start -> l, l -> e, e -> end]
                """);
        assertEquals(40, h.app.calls.stream().filter(c -> c.startsWith("echo")).count());
        assertTrue(h.app.maxConcurrent.get() <= 3, "max concurrent " + h.app.maxConcurrent.get());
    }

    @Test
    void aListParameterTakesEveryValueAtOnce() {
        h.run("""
                playbook: gather
                blocks:
                  l: { action: list, app: test, parameters: { count: 5 } }
                  g: { action: gather, app: test, parameters: { items: l:action_result.data.*.*.id } }
                edges: [start -> l, l -> g, g -> end]
                """);
        assertEquals("gather {items=[i-0, i-1, i-2, i-3, i-4]}", h.app.calls.get(1));
    }

    @Test
    void promptsAnswerAndSuspendedRunsResumeWithoutRepeatingFinishedActions() {
        String yaml = """
                playbook: ask
                blocks:
                  c: { action: create, app: test, parameters: { key: once } }
                  q: { prompt: "Go on with {0}?", parameters: [c:action_result.parameter.key], responses: [{ prompt: Go, type: yes/no }] }
                  e: { action: echo, app: test, parameters: { value: q:action_result.summary.responses.0 } }
                edges: [start -> c, c -> q, q -> e, e -> end]
                """;
        RunOutcome suspended = h.run(yaml);
        assertEquals(RunOutcome.Status.SUSPENDED, suspended.status());
        assertEquals(List.of("q"), suspended.waitingFor());
        assertEquals("Go on with once?", h.events(JournalEvent.PromptAsked.class).get(0).message());
        List<JournalEvent> prior = new ArrayList<>(h.events);

        Harness resumed = new Harness();
        resumed.prompts = r -> CompletableFuture.completedFuture(new PromptOutcome.Answered(List.of("yes"), "alice",
                "resume"));
        RunOutcome done = resumed.finish(resumed.start(yaml, Map.of(), prior));
        assertEquals(RunOutcome.Status.SUCCESS, done.status(), done.message());
        assertEquals(List.of("echo {value=yes}"), resumed.app.calls, "create ran before the suspension only");
        assertTrue(resumed.events.get(0) instanceof JournalEvent.RunResumed);
    }

    @Test
    void aTimedOutPromptFailsAndTheRunGoesOn() {
        h.prompts = r -> CompletableFuture.completedFuture(new PromptOutcome.TimedOut());
        RunOutcome o = h.run("""
                playbook: timeout
                blocks:
                  q: { prompt: "Approve?", responses: [{ prompt: Ok, type: yes/no }], timeout: 5m }
                  no: { action: echo, app: test, parameters: { value: q:action_result.message } }
                edges: [start -> q, q.failure -> no, q -> end, no -> end]
                """);
        assertEquals(RunOutcome.Status.SUCCESS, o.status());
        assertEquals(List.of("echo {value=no answer within 5m (the deadline was 2026-11-22T10:05:00Z)}"), h.app.calls);
    }

    @Test
    void cancellingStopsRunningExecutionsAndSkipsTheRest() {
        var handle = h.start("""
                playbook: cancel
                blocks:
                  x: { action: hang, app: test }
                  y: { action: echo, app: test, parameters: { value: 1 } }
                edges: [start -> x, x -> y, y -> end]
                """, Map.of(), List.of());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (h.app.hanging.isEmpty() && System.nanoTime() < deadline) {
            Thread.yield();
        }
        handle.cancel();
        h.app.hanging.forEach(f -> f.complete(null));
        RunOutcome o = h.finish(handle);
        assertEquals(RunOutcome.Status.CANCELLED, o.status());
        assertEquals("the run was cancelled", h.skipped("y"));
        assertTrue(h.events.get(h.events.size() - 1) instanceof JournalEvent.RunFinished);
    }

    @Test
    void fansOutOverAHundredThousandItems() {
        h.maxConcurrency = 64;
        long t0 = System.nanoTime();
        RunOutcome o = h.run("""
                playbook: huge
                blocks:
                  l: { action: list, app: test, parameters: { count: 100000 } }
                  e: { action: echo, app: test, parameters: { value: l:action_result.data.*.*.id } }
                edges: [start -> l, l -> e, e -> end]
                """);
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(100_000, h.finished("e").executions());
        System.out.printf("100,000 executions in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void nullsMissingValuesAndMixedTypesDoNotBreakConditions() {
        h.container = Map.of("severity", "High", "score", "42");
        h.artifacts = List.of(Map.of("cef", Map.of("ip", "10.1.2.3")), Map.of("cef", Map.of()),
                Map.of("cef", Map.of("ip", "192.168.0.1")));
        h.run("""
                playbook: mixed
                blocks:
                  f:
                    filter:
                      internal: [[artifact:*.cef.ip, in, 10.0.0.0/8]]
                      missing: [[artifact:*.cef.ip, not exists]]
                  d: { decision: { hi: { all: [[container:severity, ==, high], [container:score, ">=", 40]], case_sensitive: false } } }
                  e: { action: echo, app: test, parameters: { value: filtered-data:f:internal:artifact:*.cef.ip } }
                edges: [start -> f, f.internal -> d, f.missing -> end, d.hi -> e, d.else -> end, e -> end]
                """);
        assertEquals(List.of("internal", "missing"), h.finished("f").ports());
        assertEquals(List.of("echo {value=10.1.2.3}"), h.app.calls);
        assertNull(h.skipped("e"));
    }

    @Test
    void aSubPlaybookThatCallsItselfStopsWithTheChainInsteadOfRecursing() {
        String self = """
                playbook: self
                blocks:
                  again: { playbook: self.yaml }
                edges: [start -> again, again -> end]
                """;
        h.subs = (parent, path) -> Harness.playbook("self.yaml", self);
        RunOutcome o = h.run(self);
        assertEquals(RunOutcome.Status.FAILED, o.status(), o.message());
        assertTrue(o.message().contains("calls itself: test.yaml -> self.yaml -> self.yaml"), o.message());
        assertTrue(h.events.size() < 60, "a few events, not a runaway journal: " + h.events.size());
    }

    @Test
    void cancellingWhileAPromptWaitsEndsTheRunAtOnceWithItsEndInTheJournal() throws Exception {
        h.prompts = request -> new java.util.concurrent.CompletableFuture<>(); // nobody ever answers
        Engine.Handle handle = h.start("""
                playbook: waiting
                blocks:
                  ask: { prompt: "Go ahead", responses: [{ prompt: Go, type: yes/no }] }
                  after: { action: echo, app: test, parameters: { value: after } }
                edges: [start -> ask, ask -> after, after -> end]
                """, Map.of(), List.of());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (h.events(JournalEvent.PromptAsked.class).isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        handle.cancel();
        RunOutcome o = handle.outcome().toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(RunOutcome.Status.CANCELLED, o.status());
        JournalEvent last = h.events.get(h.events.size() - 1);
        assertTrue(last instanceof JournalEvent.RunFinished f && f.status().equals("cancelled"), last.toString());
        assertEquals("cancelled", h.finished("ask").status());
        assertEquals("the run was cancelled", h.skipped("after"));
    }

    /** A journal that stopped (kill -9) while {@code block} had started an execution with {@code params}. */
    private static List<JournalEvent> crashedDuring(String block, Map<String, Object> params) {
        java.time.Instant t = java.time.Instant.parse("2026-11-22T10:00:00Z");
        return List.of(new JournalEvent.RunStarted(t, "run-1", "doubt", "test.yaml", Map.of(), null),
                new JournalEvent.BlockStarted(t, block, "action"),
                new JournalEvent.ExecutionStarted(t, block, 0, 0, 1, params));
    }

    private static final String DOUBT = """
            playbook: doubt
            blocks:
              c: { action: create, app: test, parameters: { key: KEY } }
              e: { action: echo, app: test, parameters: { value: c:action_result.data.*.key } }
            edges: [start -> c, c -> e, e -> end]
            """;

    @Test
    void anInDoubtActionWhoseEffectIsFoundFinishesWithWhatWasFoundAndRunsNothingAgain() {
        RunOutcome o = h.finish(h.start(DOUBT.replace("KEY", "found-7"), Map.of(),
                crashedDuring("c", Map.of("key", "found-7"))));
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(List.of("reconcile create {key=found-7}", "echo {value=found-7}"), h.app.calls);
        assertEquals("found", h.events(JournalEvent.ExecutionReconciled.class).get(0).outcome());
    }

    @Test
    void anInDoubtActionProvablyNotDoneRunsOnce() {
        RunOutcome o = h.finish(h.start(DOUBT.replace("KEY", "absent-1"), Map.of(),
                crashedDuring("c", Map.of("key", "absent-1"))));
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(List.of("reconcile create {key=absent-1}", "create {key=absent-1}", "echo {value=absent-1}"),
                h.app.calls);
    }

    @Test
    void anInDoubtActionThatCannotBeCheckedFailsSayingHowToDecideAndIsNeverRepeatedSilently() {
        RunOutcome o = h.finish(h.start(DOUBT.replace("KEY", "k"), Map.of(), crashedDuring("c", Map.of("key", "k"))));
        assertEquals(RunOutcome.Status.FAILED, o.status());
        assertEquals(List.of("reconcile create {key=k}"), h.app.calls, "create is not sent again");
        assertTrue(o.message().contains("in doubt: the run stopped while 'create' ran")
                && o.message().contains("--retry-in-doubt c"), o.message());
    }

    @Test
    void retryInDoubtRunsItAgainWithoutLooking() {
        Harness again = new Harness();
        again.retryInDoubt = java.util.Set.of("c");
        RunOutcome o = again.finish(again.start(DOUBT.replace("KEY", "k"), Map.of(),
                crashedDuring("c", Map.of("key", "k"))));
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(List.of("create {key=k}", "echo {value=k}"), again.app.calls);
    }

    @Test
    void anInDoubtActionSafeToRepeatIsRepeated() {
        String yaml = """
                playbook: doubt
                blocks:
                  e: { action: echo, app: test, parameters: { value: v } }
                edges: [start -> e, e -> end]
                """;
        RunOutcome o = h.finish(h.start(yaml, Map.of(), crashedDuring("e", Map.of("value", "v"))));
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(List.of("echo {value=v}"), h.app.calls);
    }

    private static final java.time.Instant T0 = java.time.Instant.parse("2026-11-22T10:00:00Z");

    private static final String CHILD_ASKS = """
            playbook: child
            outputs: { answer: { value: "q:action_result.summary.responses.0" } }
            blocks:
              c: { action: create, app: test, parameters: { key: child-once } }
              q: { prompt: "Go on?", responses: [{ prompt: Go, type: yes/no }] }
            edges: [start -> c, c -> q, q -> end]
            """;

    private static final String PARENT = """
            playbook: parent
            blocks:
              sub: { playbook: child.yaml }
              use: { action: echo, app: test, parameters: { value: sub:playbook_output:answer } }
            edges: [start -> sub, sub -> use, use -> end]
            """;

    @Test
    void aSuspendedSubPlaybookResumesFromItsOwnJournalWithoutRepeatingWhatItDid() {
        h.subs = (parent, path) -> Harness.playbook(path, CHILD_ASKS);
        RunOutcome suspended = h.run(PARENT);
        assertEquals(RunOutcome.Status.SUSPENDED, suspended.status(), suspended.message());
        assertEquals(List.of("create {key=child-once}"), h.app.calls);

        Harness resumed = new Harness();
        resumed.subs = h.subs;
        resumed.prompts = r -> CompletableFuture.completedFuture(new PromptOutcome.Answered(List.of("yes"), "ada",
                "resume"));
        RunOutcome done = resumed.finish(resumed.start(PARENT, Map.of(), new ArrayList<>(h.events)));
        assertEquals(RunOutcome.Status.SUCCESS, done.status(), done.message());
        assertEquals(List.of("echo {value=yes}"), resumed.app.calls, "the child's create is not sent again");
        assertTrue(resumed.events.stream().noneMatch(e -> e instanceof JournalEvent.RunResumed r
                && !r.runId().equals("run-1")), "the child's resume is a line of its block, not a second run");
        assertTrue(resumed.events(JournalEvent.Log.class).stream().anyMatch(l -> l.block().equals("sub")
                && l.message().equals("sub-playbook resumed")));
    }

    @Test
    void aSubPlaybookThatCrashedDuringAnUnsafeActionIsReconciledNotRepeated() {
        String child = """
                playbook: child
                blocks:
                  c: { action: create, app: test, parameters: { key: found-3 } }
                edges: [start -> c, c -> end]
                """;
        h.subs = (parent, path) -> Harness.playbook(path, child);
        String parent = """
                playbook: parent
                blocks:
                  sub: { playbook: child.yaml }
                edges: [start -> sub, sub -> end]
                """;
        List<JournalEvent> prior = List.of(
                new JournalEvent.RunStarted(T0, "run-1", "parent", "test.yaml", Map.of(), null),
                new JournalEvent.BlockStarted(T0, "sub", "playbook"),
                new JournalEvent.Log(T0, "sub", "sub-playbook child started"),
                new JournalEvent.BlockStarted(T0, "sub/c", "action"),
                new JournalEvent.ExecutionStarted(T0, "sub/c", 0, 0, 1, Map.of("key", "found-3")));
        RunOutcome o = h.finish(h.start(parent, Map.of(), prior));
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(List.of("reconcile create {key=found-3}"), h.app.calls, "looked for, never sent again");
        assertEquals("found", h.events(JournalEvent.ExecutionReconciled.class).get(0).outcome());
        assertEquals("sub/c", h.events(JournalEvent.ExecutionReconciled.class).get(0).block());
    }

    @Test
    void passwordValuesNeverReachTheJournalFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("journal.jsonl");
        Harness h = new Harness();
        try (dev.wisp.engine.journal.JsonlJournal jsonl = new dev.wisp.engine.journal.JsonlJournal(file,
                dev.wisp.engine.journal.Redactor.none())) {
            h.also = jsonl;
            RunOutcome o = h.finish(h.start("""
                    playbook: login
                    inputs:
                      pw: { type: password }
                    blocks:
                      from_input: { action: login, app: test, parameters: { user: ada, password: playbook_input:pw } }
                      literal: { action: login, app: test, parameters: { user: ada, password: literal-pass-123 } }
                    edges: [start -> from_input, start -> literal, from_input -> end, literal -> end]
                    """, Map.of("pw", "input-pass-456"), List.of()));
            assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        }
        String text = java.nio.file.Files.readString(file);
        assertTrue(text.contains("logged in with ***"), text);
        assertFalse(text.contains("input-pass-456"), text);
        assertFalse(text.contains("literal-pass-123"), text);
    }
}
