package dev.wisp.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.data.RunData;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.AssetConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The scheduler alone, as a table: events in, commands out. No threads, no clock, no sleeps: time is what the
 * events say it is.
 */
class SchedulerTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final TestApp APP = new TestApp();

    private static Scheduler scheduler(String yaml, List<JournalEvent> prior) {
        Playbook pb = Harness.playbook(yaml);
        Map<String, Scheduler.Resolved> resolved = new LinkedHashMap<>();
        for (Block b : pb.blocks().values()) {
            if (b instanceof Block.ActionBlock a) {
                resolved.put(a.name(), new Scheduler.Resolved(APP.spec().action(a.action()).orElseThrow(), "test",
                        new AssetConfig("test", "test", Map.of(), Set.of()), null, null));
            } else if (b instanceof Block.CodeBlock c) {
                resolved.put(c.name(), new Scheduler.Resolved(dev.wisp.engine.code.CodeApp.spec(c), "$code",
                        dev.wisp.engine.code.CodeApp.asset(), null, null));
            }
        }
        return new Scheduler("run-1", pb, new RunData(Map.of(), List.of(), Map.of()), resolved, 8, prior);
    }

    /** What the commands are, in order: journal records by their type name, other commands by theirs. */
    private static List<String> kinds(List<Step.Command> commands) {
        List<String> out = new ArrayList<>();
        for (Step.Command c : commands) {
            out.add(c instanceof Step.Record r ? dev.wisp.engine.journal.JournalCodec.type(r.event().getClass())
                    : c.getClass().getSimpleName());
        }
        return out;
    }

    private static <T extends Step.Command> T first(List<Step.Command> commands, Class<T> type) {
        return commands.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow(
                () -> new AssertionError("no " + type.getSimpleName() + " in " + commands));
    }

    @Test
    void anActionRunsOnceItsResultComesBackAndThenTheRunEnds() {
        Scheduler s = scheduler("""
                playbook: one
                blocks:
                  e: { action: echo, app: test, parameters: { value: hi } }
                edges: [start -> e, e -> end]
                """, List.of());
        List<Step.Command> start = s.on(new Step.Start(T0));
        assertEquals(List.of("run_started", "block_started", "execution_started", "Execute"), kinds(start));
        Step.Execute x = first(start, Step.Execute.class);
        assertEquals(Map.of("value", "hi"), x.parameters());
        assertTrue(x.safeToRepeat());
        List<Step.Command> done = s.on(new Step.ExecutionDone(T0.plusMillis(40), x.id(),
                ActionResult.success(x.parameters(), List.of(Map.of("value", "hi")), Map.of(), "ok")));
        assertEquals(List.of("execution_finished", "block_finished", "run_finished", "Finish"), kinds(done));
        assertEquals(RunOutcome.Status.SUCCESS, first(done, Step.Finish.class).outcome().status());
        assertEquals(List.of(), s.on(new Step.ExecutionDone(T0, x.id(), ActionResult.failed(Map.of(), "late"))),
                "after the end nothing more happens");
    }

    @Test
    void aCodeBlockIsOneExecutionOfTheCodeAppWithAllItsInputsAndItsTimeoutIsATimer() {
        Scheduler s = scheduler("""
                playbook: code
                blocks:
                  l: { action: list, app: test, parameters: { count: 2 } }
                  c:
                    code: "outputs['n'] = len(inputs['ids'])"
                    inputs: { ids: l:action_result.data.*.*.id, tag: x }
                    outputs: { n: { type: numeric } }
                    timeout: 5s
                  e: { action: echo, app: test, parameters: { value: c:custom_function:n } }
                edges: [start -> l, l -> c, c -> e, e -> end]
                """, List.of());
        Step.Execute list = first(s.on(new Step.Start(T0)), Step.Execute.class);
        List<Step.Command> next = s.on(new Step.ExecutionDone(T0, list.id(), ActionResult.success(list.parameters(),
                List.of(List.of(Map.of("id", "i-0"), Map.of("id", "i-1"))), Map.of(), "ok")));
        assertEquals(List.of("execution_finished", "block_finished", "block_started", "execution_started", "Execute",
                "SetTimer"), kinds(next));
        Step.Execute code = first(next, Step.Execute.class);
        assertEquals("$code", code.asset());
        assertEquals(List.of("i-0", "i-1"), code.parameters().get("ids"));
        assertEquals("x", code.parameters().get("tag"));
        assertEquals(Map.of("keys", Map.of("ids", List.of(List.of(0, 0, 0), List.of(0, 0, 1))),
                "finished", List.of("l")), code.parameters().get("$phantom"));
        assertEquals(T0.plusSeconds(5), first(next, Step.SetTimer.class).at());
        List<Step.Command> after = s.on(new Step.ExecutionDone(T0.plusMillis(3), code.id(),
                ActionResult.success(code.parameters(), List.of(Map.of("n", 2)), Map.of(), "ran")));
        assertEquals(Map.of("value", 2), first(after, Step.Execute.class).parameters());
    }

    @Test
    void aTimeoutIsATimerThatCancelsTheExecution() {
        Scheduler s = scheduler("""
                playbook: slow
                blocks:
                  e: { action: echo, app: test, parameters: { value: hi }, timeout: 10s }
                edges: [start -> e, e -> end]
                """, List.of());
        List<Step.Command> start = s.on(new Step.Start(T0));
        Step.Execute x = first(start, Step.Execute.class);
        Step.SetTimer timer = first(start, Step.SetTimer.class);
        assertEquals(T0.plusSeconds(10), timer.at());
        List<Step.Command> fired = s.on(new Step.TimerFired(T0.plusSeconds(10), timer.id()));
        assertEquals(new Step.CancelExecution(x.id()), fired.get(0));
        assertEquals(RunOutcome.Status.FAILED, first(fired, Step.Finish.class).outcome().status());
        assertTrue(first(fired, Step.Finish.class).outcome().message().contains("timed out after 10s"));
    }

    @Test
    void aRetryWaitsItsBackoffOnATimerAndOnlyThenRunsTheNextAttempt() {
        Scheduler s = scheduler("""
                playbook: flaky
                blocks:
                  f: { action: flaky, app: test, parameters: { key: k }, retry: { attempts: 2, backoff: 5s } }
                edges: [start -> f, f -> end]
                """, List.of());
        Step.Execute first = first(s.on(new Step.Start(T0)), Step.Execute.class);
        List<Step.Command> failed = s.on(new Step.ExecutionDone(T0.plusSeconds(1), first.id(),
                ActionResult.failed(first.parameters(), "HTTP 503")));
        assertEquals(List.of("execution_finished", "execution_retrying", "SetTimer"), kinds(failed));
        Step.SetTimer backoff = first(failed, Step.SetTimer.class);
        assertEquals(T0.plusSeconds(6), backoff.at());
        List<Step.Command> again = s.on(new Step.TimerFired(backoff.at(), backoff.id()));
        assertEquals(List.of("execution_started", "Execute"), kinds(again));
        assertEquals(2, first(again, Step.Execute.class).attempt());
    }

    @Test
    void aPermanentFailureIsNotRetriedATransientOneIsAndTheJournalSaysWhich() {
        String yaml = """
                playbook: flaky
                blocks:
                  f: { action: flaky, app: test, parameters: { key: k }, retry: { attempts: 3, backoff: 5s } }
                edges: [start -> f, f -> end]
                """;
        Scheduler s = scheduler(yaml, List.of());
        Step.Execute first = first(s.on(new Step.Start(T0)), Step.Execute.class);
        List<Step.Command> permanent = s.on(new Step.ExecutionDone(T0.plusSeconds(1), first.id(),
                ActionResult.failed(first.parameters(), "HTTP 404", ActionResult.Failure.PERMANENT)));
        assertEquals(List.of("log", "execution_finished", "block_finished", "run_finished", "Finish"),
                kinds(permanent));
        JournalEvent.ExecutionFinished f = (JournalEvent.ExecutionFinished) permanent.stream()
                .filter(c -> c instanceof Step.Record r && r.event() instanceof JournalEvent.ExecutionFinished)
                .map(c -> ((Step.Record) c).event()).findFirst().orElseThrow();
        assertEquals("permanent", f.result().get("failure"));

        Scheduler t = scheduler(yaml, List.of());
        Step.Execute once = first(t.on(new Step.Start(T0)), Step.Execute.class);
        List<Step.Command> passing = t.on(new Step.ExecutionDone(T0.plusSeconds(1), once.id(),
                ActionResult.failed(once.parameters(), "HTTP 503", ActionResult.Failure.TRANSIENT)));
        assertEquals(List.of("execution_finished", "execution_retrying", "SetTimer"), kinds(passing));
    }

    @Test
    void passwordParametersAreMaskedBeforeAnyEventCarriesThem() {
        Scheduler s = scheduler("""
                playbook: login
                blocks:
                  e: { action: echo, app: test, parameters: { value: hunter2-but-longer } }
                  lit: { action: login, app: test, parameters: { user: ada, password: literal-pass-123 } }
                  path: { action: login, app: test, parameters: { user: ada, password: e:action_result.data.*.value } }
                edges: [start -> e, start -> lit, e -> path, lit -> end, path -> end]
                """, List.of());
        List<Step.Command> start = s.on(new Step.Start(T0));
        assertEquals(new Step.Mask("literal-pass-123"), start.get(0), "before run_started");
        assertTrue(start.stream().noneMatch(c -> c.equals(new Step.Mask("hunter2-but-longer"))));
        Step.Execute echo = start.stream().filter(Step.Execute.class::isInstance).map(Step.Execute.class::cast)
                .filter(x -> x.block().equals("e")).findFirst().orElseThrow();
        List<Step.Command> next = s.on(new Step.ExecutionDone(T0.plusSeconds(1), echo.id(), ActionResult.success(
                echo.parameters(), List.of(Map.of("value", "hunter2-but-longer")), Map.of(), "ok")));
        int mask = next.indexOf(new Step.Mask("hunter2-but-longer"));
        int started = kinds(next).lastIndexOf("execution_started");
        assertTrue(mask >= 0 && mask < started, kinds(next).toString());
    }

    @Test
    void aPromptsDeadlineIsATimerAndTheQuestionIsWithdrawnWhenItFires() {
        Scheduler s = scheduler("""
                playbook: ask
                blocks:
                  q: { prompt: Go on, responses: [{ prompt: Go, type: yes/no }], timeout: 5m }
                edges: [start -> q, q -> end]
                """, List.of());
        List<Step.Command> start = s.on(new Step.Start(T0));
        Step.Ask ask = first(start, Step.Ask.class);
        Step.SetTimer deadline = first(start, Step.SetTimer.class);
        assertEquals(T0.plus(Duration.ofMinutes(5)), deadline.at());
        assertEquals(deadline.at(), ask.request().deadline());
        List<Step.Command> fired = s.on(new Step.TimerFired(deadline.at(), deadline.id()));
        assertEquals(new Step.Withdraw(ask.id()), fired.get(0));
        assertEquals(List.of(), s.on(new Step.Answered(deadline.at(), ask.id(), List.of("yes"), "ada", "terminal")),
                "an answer after the deadline changes nothing");
    }

    @Test
    void maxConcurrencyHoldsBackExecutionsUntilOthersEnd() {
        Scheduler s = scheduler("""
                playbook: fan
                blocks:
                  l: { action: list, app: test, parameters: { count: 3 } }
                  e: { action: echo, app: test, max_concurrency: 1, parameters: { value: l:action_result.data.*.*.id } }
                edges: [start -> l, l -> e, e -> end]
                """, List.of());
        Step.Execute list = first(s.on(new Step.Start(T0)), Step.Execute.class);
        List<Map<String, Object>> rows = List.of(Map.of("id", "a"), Map.of("id", "b"), Map.of("id", "c"));
        List<Step.Command> listed = s.on(new Step.ExecutionDone(T0, list.id(),
                ActionResult.success(list.parameters(), List.of(rows), Map.of(), "3 items")));
        List<Step.Execute> running = listed.stream().filter(Step.Execute.class::isInstance)
                .map(Step.Execute.class::cast).toList();
        assertEquals(1, running.size(), "one at a time");
        List<String> order = new ArrayList<>();
        Step.Execute next = running.get(0);
        for (int i = 0; i < 3; i++) {
            order.add(String.valueOf(next.parameters().get("value")));
            List<Step.Command> after = s.on(new Step.ExecutionDone(T0, next.id(),
                    ActionResult.success(next.parameters(), List.of(), Map.of(), "ok")));
            next = after.stream().filter(Step.Execute.class::isInstance).map(Step.Execute.class::cast).findFirst()
                    .orElse(null);
        }
        assertEquals(List.of("a", "b", "c"), order);
    }

    @Test
    void theSameEventsAlwaysGiveTheSameCommands() {
        String yaml = """
                playbook: same
                blocks:
                  l: { action: list, app: test, parameters: { count: 2 } }
                  e: { action: echo, app: test, parameters: { value: l:action_result.data.*.*.id }, timeout: 1m }
                edges: [start -> l, l -> e, e -> end]
                """;
        List<List<Step.Command>> runs = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            Scheduler s = scheduler(yaml, List.of());
            List<Step.Command> all = new ArrayList<>(s.on(new Step.Start(T0)));
            Step.Execute list = first(all, Step.Execute.class);
            all.addAll(s.on(new Step.ExecutionDone(T0.plusSeconds(1), list.id(), ActionResult.success(
                    list.parameters(), List.of(List.of(Map.of("id", "a"), Map.of("id", "b"))), Map.of(), "2"))));
            for (Step.Command c : List.copyOf(all)) {
                if (c instanceof Step.Execute x && x.block().equals("e")) {
                    all.addAll(s.on(new Step.ExecutionDone(T0.plusSeconds(2), x.id(),
                            ActionResult.success(x.parameters(), List.of(), Map.of(), "ok"))));
                }
            }
            runs.add(all);
        }
        assertEquals(runs.get(0), runs.get(1));
        assertEquals(RunOutcome.Status.SUCCESS, first(runs.get(0), Step.Finish.class).outcome().status());
    }

    // ---- resumed timers: a resume continues from the deadlines the journal recorded, it does not start them over

    private static final String FLAKY = """
            playbook: flaky
            blocks:
              f: { action: flaky, app: test, parameters: { key: k }, retry: { attempts: 3, backoff: 60s } }
            edges: [start -> f, f -> end]
            """;

    /** A failed result of the {@code k} execution, as the journal records it. */
    private static Map<String, Object> failedResult(String message) {
        return Map.of("status", "failed", "message", message, "parameter", Map.of("key", "k"));
    }

    /** The journal of a run that stopped while a retry of {@code f} waited its backoff (due at T0+61s). */
    private static List<JournalEvent> stoppedDuringBackoff() {
        Map<String, Object> failed = failedResult("HTTP 503");
        return List.of(
                new JournalEvent.RunStarted(T0, "run-1", "flaky", "flaky.yaml", Map.of(), null),
                new JournalEvent.BlockStarted(T0, "f", "action"),
                new JournalEvent.ExecutionStarted(T0, "f", 0, 0, 1, Map.of("key", "k")),
                new JournalEvent.ExecutionFinished(T0.plusSeconds(1), "f", 0, 0, 1, failed, 1000, false),
                new JournalEvent.ExecutionRetrying(T0.plusSeconds(1), "f", 0, 1, 60_000, "HTTP 503"));
    }

    @Test
    void aResumedRetryWaitsOnlyWhatIsLeftOfItsBackoffAndCountsItsAttempts() {
        Scheduler s = scheduler(FLAKY, stoppedDuringBackoff());
        List<Step.Command> start = s.on(new Step.Start(T0.plusSeconds(10)));
        assertEquals(List.of("run_resumed", "block_started", "SetTimer"), kinds(start),
                "nothing runs before the backoff is over");
        Step.SetTimer backoff = first(start, Step.SetTimer.class);
        assertEquals(T0.plusSeconds(61), backoff.at(), "the deadline the journal recorded, not 60s from the resume");
        Step.Execute again = first(s.on(new Step.TimerFired(backoff.at(), backoff.id())), Step.Execute.class);
        assertEquals(2, again.attempt(), "the second attempt, not the first again");
    }

    @Test
    void aRetryWhoseBackoffPassedWhileTheRunWasStoppedRunsAtOnce() {
        Scheduler s = scheduler(FLAKY, stoppedDuringBackoff());
        Step.SetTimer backoff = first(s.on(new Step.Start(T0.plusSeconds(3600))), Step.SetTimer.class);
        assertEquals(T0.plusSeconds(61), backoff.at(), "in the past: the runtime fires it at once");
    }

    @Test
    void aResumedRetryAfterItsLastAttemptFailedDoesNotRetryAgain() {
        List<JournalEvent> prior = new ArrayList<>(stoppedDuringBackoff());
        Map<String, Object> failed = failedResult("HTTP 503");
        prior.add(new JournalEvent.ExecutionStarted(T0.plusSeconds(61), "f", 0, 0, 2, Map.of("key", "k")));
        prior.add(new JournalEvent.ExecutionFinished(T0.plusSeconds(62), "f", 0, 0, 2, failed, 1000, false));
        prior.add(new JournalEvent.ExecutionRetrying(T0.plusSeconds(62), "f", 0, 2, 60_000, "HTTP 503"));
        Scheduler s = scheduler(FLAKY, prior);
        Step.SetTimer backoff = first(s.on(new Step.Start(T0.plusSeconds(70))), Step.SetTimer.class);
        assertEquals(T0.plusSeconds(122), backoff.at());
        List<Step.Command> third = s.on(new Step.TimerFired(backoff.at(), backoff.id()));
        Step.Execute x = first(third, Step.Execute.class);
        assertEquals(3, x.attempt());
        List<Step.Command> end = s.on(new Step.ExecutionDone(T0.plusSeconds(123), x.id(),
                ActionResult.failed(x.parameters(), "HTTP 503")));
        assertEquals(RunOutcome.Status.FAILED, first(end, Step.Finish.class).outcome().status(),
                "three attempts in all, across the resume");
    }

    private static final String POLL = """
            playbook: poll
            blocks:
              p:
                action: flaky
                app: test
                parameters: { key: k }
                repeat: { until: [[p:action_result.status, ==, success]], interval: 1m, max_iterations: 10, max_duration: 5m }
            edges: [start -> p, p -> end]
            """;

    private static List<JournalEvent> polledTwice() {
        Map<String, Object> failed = failedResult("not yet");
        return List.of(
                new JournalEvent.RunStarted(T0, "run-1", "poll", "poll.yaml", Map.of(), null),
                new JournalEvent.BlockStarted(T0, "p", "action"),
                new JournalEvent.ExecutionStarted(T0, "p", 0, 0, 1, Map.of("key", "k")),
                new JournalEvent.ExecutionFinished(T0.plusSeconds(1), "p", 0, 0, 1, failed, 1000, true),
                new JournalEvent.ExecutionStarted(T0.plusSeconds(61), "p", 0, 1, 1, Map.of("key", "k")),
                new JournalEvent.ExecutionFinished(T0.plusSeconds(62), "p", 0, 1, 1, failed, 1000, true));
    }

    @Test
    void aResumedRepeatWaitsForItsNextIterationFromWhenTheLastOneEnded() {
        Scheduler s = scheduler(POLL, polledTwice());
        List<Step.Command> start = s.on(new Step.Start(T0.plusSeconds(90)));
        assertEquals(0, start.stream().filter(Step.Execute.class::isInstance).count(),
                "the two iterations that ran are not run again");
        List<Step.SetTimer> timers = start.stream().filter(Step.SetTimer.class::isInstance)
                .map(Step.SetTimer.class::cast).toList();
        assertEquals(1, timers.size(), "one wait, for the third iteration only: " + start);
        assertEquals(T0.plusSeconds(122), timers.get(0).at(), "a minute after the second iteration ended");
        Step.Execute third = first(s.on(new Step.TimerFired(timers.get(0).at(), timers.get(0).id())),
                Step.Execute.class);
        assertEquals(2, s.on(new Step.ExecutionDone(T0.plusSeconds(123), third.id(),
                ActionResult.success(third.parameters(), List.of(), Map.of(), "done"))).stream()
                .filter(c -> c instanceof Step.Record r && r.event() instanceof JournalEvent.BlockFinished f
                        && f.status().equals("success") || c instanceof Step.Finish).count());
    }

    @Test
    void aResumedRepeatMeasuresItsMaxDurationFromTheBlocksFirstStart() {
        // the block started at T0 with max_duration 5m: at T0+4m30s no further iteration fits (4m30s + 1m > 5m)
        List<JournalEvent> prior = new ArrayList<>(polledTwice());
        Map<String, Object> failed = failedResult("not yet");
        Instant t = T0.plusSeconds(62);
        for (int it = 2; it < 5; it++) {
            t = t.plusSeconds(60);
            prior.add(new JournalEvent.ExecutionStarted(t, "p", 0, it, 1, Map.of("key", "k")));
            prior.add(new JournalEvent.ExecutionFinished(t.plusSeconds(28), "p", 0, it, 1, failed, 1000, true));
        }
        Scheduler s = scheduler(POLL, prior);
        List<Step.Command> start = s.on(new Step.Start(T0.plusSeconds(600)));
        Step.Finish end = first(start, Step.Finish.class);
        assertEquals(RunOutcome.Status.FAILED, end.outcome().status());
        assertTrue(end.outcome().message().contains("repeat ended before its until condition held (5 iterations"),
                end.outcome().message());
    }
}
