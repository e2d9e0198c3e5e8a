package dev.wisp.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.data.RunData;
import dev.wisp.engine.journal.JournalCodec;
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
 * An execution that continues in steps ({@link ActionResult#continueAfter}), in the scheduler alone: each step an
 * Execute, the wait between steps a timer, one execution in the journal and the block, the timeout over all steps, a
 * retry of a failed step with its state, cancellation while it waits, and a resume that goes on from the last step.
 */
class ContinuationTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final TestApp APP = new TestApp();

    private static Scheduler scheduler(String yaml, List<JournalEvent> prior) {
        return scheduler(yaml, prior, 8);
    }

    private static Scheduler scheduler(String yaml, List<JournalEvent> prior, int maxConcurrency) {
        Playbook pb = Harness.playbook(yaml);
        Map<String, Scheduler.Resolved> resolved = new LinkedHashMap<>();
        for (Block b : pb.blocks().values()) {
            if (b instanceof Block.ActionBlock a) {
                resolved.put(a.name(), new Scheduler.Resolved(APP.spec().action(a.action()).orElseThrow(), "test",
                        new AssetConfig("test", "test", Map.of(), Set.of()), null, null));
            }
        }
        return new Scheduler("run-1", pb, new RunData(Map.of(), List.of(), Map.of()), resolved, maxConcurrency,
                prior);
    }

    private static List<String> kinds(List<Step.Command> commands) {
        List<String> out = new ArrayList<>();
        for (Step.Command c : commands) {
            out.add(c instanceof Step.Record r ? JournalCodec.type(r.event().getClass())
                    : c.getClass().getSimpleName());
        }
        return out;
    }

    private static <T> T first(List<Step.Command> commands, Class<T> type) {
        for (Step.Command c : commands) {
            Object x = c instanceof Step.Record r ? r.event() : c;
            if (type.isInstance(x)) {
                return type.cast(x);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + commands);
    }

    private static ActionResult step(int next, String message, int item) {
        return ActionResult.continueAfter(Duration.ofSeconds(30), Map.of("step", next), message)
                .withData(List.of(Map.of("step", item)));
    }

    private static final String POLL = """
            playbook: poll
            blocks:
              p: { action: poll, app: test, parameters: { key: k, steps: 3 } }
            edges: [start -> p, p -> end]
            """;

    @Test
    void eachStepIsAnExecuteTheWaitATimerAndTheBlockHasOneExecutionWithEveryStepsData() {
        Scheduler s = scheduler(POLL, List.of());
        Step.Execute x0 = first(s.on(new Step.Start(T0)), Step.Execute.class);
        assertEquals(0, x0.step());
        assertEquals(Map.of(), x0.state());
        List<Step.Command> wait = s.on(new Step.ExecutionDone(T0.plusSeconds(1), x0.id(), step(1, "step 0 of 3", 0)));
        assertEquals(List.of("execution_continuing", "SetTimer"), kinds(wait));
        JournalEvent.ExecutionContinuing c = first(wait, JournalEvent.ExecutionContinuing.class);
        assertEquals(List.of(1, 30_000L, "step 0 of 3", Map.of("step", 1), List.of(Map.of("step", 0)), T0),
                List.of(c.step(), c.delayMillis(), c.message(), c.state(), c.data(), c.started()));
        Step.SetTimer timer = first(wait, Step.SetTimer.class);
        assertEquals(T0.plusSeconds(31), timer.at(), "the wait counts from the end of the step");

        List<Step.Command> next = s.on(new Step.TimerFired(timer.at(), timer.id()));
        assertEquals(List.of("Execute"), kinds(next), "a later step is no new execution: no execution_started");
        Step.Execute x1 = first(next, Step.Execute.class);
        assertEquals(List.of(1, Map.of("step", 1), 1, x0.parameters()),
                List.of(x1.step(), x1.state(), x1.attempt(), x1.parameters()));

        Step.SetTimer t2 = first(s.on(new Step.ExecutionDone(T0.plusSeconds(32), x1.id(), step(2, "step 1", 1))),
                Step.SetTimer.class);
        Step.Execute x2 = first(s.on(new Step.TimerFired(t2.at(), t2.id())), Step.Execute.class);
        assertEquals(2, x2.step());
        List<Step.Command> end = s.on(new Step.ExecutionDone(T0.plusSeconds(63), x2.id(),
                ActionResult.success(x2.parameters(), List.of(Map.of("step", 2)), Map.of("steps", 3), "done")));
        assertEquals(List.of("execution_finished", "block_finished", "run_finished", "Finish"), kinds(end));
        JournalEvent.ExecutionFinished f = first(end, JournalEvent.ExecutionFinished.class);
        assertEquals(List.of(Map.of("step", 0), Map.of("step", 1), Map.of("step", 2)), f.result().get("data"));
        assertEquals(63_000, f.durationMillis(), "one execution, from its first step to its last");
        assertEquals(1, first(end, JournalEvent.BlockFinished.class).executions());
    }

    @Test
    void theBlocksTimeoutCoversEveryStepAndIsNotRetried() {
        Scheduler s = scheduler("""
                playbook: poll
                blocks:
                  p: { action: poll, app: test, parameters: { key: k, steps: 9 }, timeout: 1m,
                       retry: { attempts: 3, backoff: 1s } }
                edges: [start -> p, p -> end]
                """, List.of());
        List<Step.Command> start = s.on(new Step.Start(T0));
        assertEquals(T0.plusSeconds(60), first(start, Step.SetTimer.class).at());
        Step.Execute x0 = first(start, Step.Execute.class);
        Step.SetTimer wait = first(s.on(new Step.ExecutionDone(T0.plusSeconds(10), x0.id(), step(1, "", 0))),
                Step.SetTimer.class);
        Step.Execute x1 = first(s.on(new Step.TimerFired(wait.at(), wait.id())), Step.Execute.class);
        List<Step.Command> second = s.on(new Step.ExecutionDone(T0.plusSeconds(45), x1.id(), step(2, "", 1)));
        Step.SetTimer capped = first(second, Step.SetTimer.class);
        assertEquals(T0.plusSeconds(60), capped.at(), "the next step would be due after the deadline: wait for it");
        List<Step.Command> out = s.on(new Step.TimerFired(capped.at(), capped.id()));
        JournalEvent.ExecutionFinished f = first(out, JournalEvent.ExecutionFinished.class);
        assertEquals("timed out after 1m", f.result().get("message"));
        assertTrue(f.final_());
        assertEquals(List.of(Map.of("step", 0), Map.of("step", 1)), f.result().get("data"));
        assertEquals("not retried: the timeout covers every step of 'poll', and they took all of it",
                first(out, JournalEvent.Log.class).message());
        assertEquals(RunOutcome.Status.FAILED, first(out, Step.Finish.class).outcome().status());
    }

    @Test
    void aStepThatRunsPastTheDeadlineIsCancelled() {
        Scheduler s = scheduler("""
                playbook: poll
                blocks:
                  p: { action: poll, app: test, parameters: { key: k, steps: 9 }, timeout: 1m }
                edges: [start -> p, p -> end]
                """, List.of());
        Step.Execute x0 = first(s.on(new Step.Start(T0)), Step.Execute.class);
        Step.SetTimer wait = first(s.on(new Step.ExecutionDone(T0.plusSeconds(20), x0.id(), step(1, "", 0))),
                Step.SetTimer.class);
        List<Step.Command> launched = s.on(new Step.TimerFired(wait.at(), wait.id()));
        Step.Execute x1 = first(launched, Step.Execute.class);
        Step.SetTimer deadline = launched.stream().filter(c -> c instanceof Step.SetTimer).map(Step.SetTimer.class::cast)
                .findFirst().orElseThrow();
        assertEquals(T0.plusSeconds(60), deadline.at(), "the step's timeout is the loop's deadline, not its own");
        List<Step.Command> out = s.on(new Step.TimerFired(deadline.at(), deadline.id()));
        assertEquals(x1.id(), first(out, Step.CancelExecution.class).id());
    }

    @Test
    void cancellingTheRunWhileItWaitsForTheNextStepCancelsTheTimer() {
        Scheduler s = scheduler(POLL, List.of());
        Step.Execute x0 = first(s.on(new Step.Start(T0)), Step.Execute.class);
        Step.SetTimer wait = first(s.on(new Step.ExecutionDone(T0, x0.id(), step(1, "", 0))), Step.SetTimer.class);
        List<Step.Command> out = s.on(new Step.Cancel(T0.plusSeconds(5)));
        assertTrue(out.stream().anyMatch(c -> c instanceof Step.CancelTimer t && t.id() == wait.id()), out.toString());
        assertEquals("cancelled", first(out, JournalEvent.BlockFinished.class).status());
        assertEquals(RunOutcome.Status.CANCELLED, first(out, Step.Finish.class).outcome().status());
        assertEquals(List.of(), s.on(new Step.TimerFired(wait.at(), wait.id())));
    }

    @Test
    void aFailedStepIsRetriedWithTheStateItWasGivenAndKeepsTheStepsData() {
        Scheduler s = scheduler("""
                playbook: poll
                blocks:
                  p: { action: poll, app: test, parameters: { key: k, steps: 3 }, retry: { attempts: 2, backoff: 5s } }
                edges: [start -> p, p -> end]
                """, List.of());
        Step.Execute x0 = first(s.on(new Step.Start(T0)), Step.Execute.class);
        Step.SetTimer wait = first(s.on(new Step.ExecutionDone(T0, x0.id(), step(1, "", 0))), Step.SetTimer.class);
        Step.Execute x1 = first(s.on(new Step.TimerFired(wait.at(), wait.id())), Step.Execute.class);
        List<Step.Command> failed = s.on(new Step.ExecutionDone(T0.plusSeconds(31), x1.id(),
                ActionResult.failed(x1.parameters(), "HTTP 503", ActionResult.Failure.TRANSIENT)));
        assertEquals(List.of("execution_finished", "execution_retrying", "SetTimer"), kinds(failed));
        Step.SetTimer backoff = first(failed, Step.SetTimer.class);
        List<Step.Command> again = s.on(new Step.TimerFired(backoff.at(), backoff.id()));
        assertEquals(List.of("execution_started", "Execute"), kinds(again));
        Step.Execute retried = first(again, Step.Execute.class);
        assertEquals(List.of(2, 1, Map.of("step", 1)), List.of(retried.attempt(), retried.step(), retried.state()));
        List<Step.Command> end = s.on(new Step.ExecutionDone(T0.plusSeconds(40), retried.id(),
                ActionResult.success(retried.parameters(), List.of(Map.of("step", 1)), Map.of(), "done")));
        assertEquals(List.of(Map.of("step", 0), Map.of("step", 1)),
                first(end, JournalEvent.ExecutionFinished.class).result().get("data"));
    }

    @Test
    void anActionThatDoesNotDeclareItContinuesIsNotRunAgain() {
        Scheduler s = scheduler("""
                playbook: eager
                blocks:
                  e: { action: eager, app: test }
                edges: [start -> e, e -> end]
                """, List.of());
        Step.Execute x = first(s.on(new Step.Start(T0)), Step.Execute.class);
        List<Step.Command> out = s.on(new Step.ExecutionDone(T0, x.id(),
                ActionResult.continueAfter(Duration.ofSeconds(1), Map.of(), "later")));
        assertFalse(kinds(out).contains("SetTimer"));
        JournalEvent.ExecutionFinished f = first(out, JournalEvent.ExecutionFinished.class);
        assertEquals("'eager' asked to run again later, but its app does not declare that it continues in steps "
                + "(ActionSpec.continues): it is not run again", f.result().get("message"));
        assertEquals("permanent", f.result().get("failure"));
    }

    @Test
    void aWaitingExecutionKeepsItsPlaceAgainstTheConcurrencyLimit() {
        Scheduler s = scheduler("""
                playbook: two
                blocks:
                  p: { action: poll, app: test, parameters: { key: a, steps: 2 } }
                  q: { action: poll, app: test, parameters: { key: b, steps: 2 } }
                edges: [start -> p, start -> q, p -> end, q -> end]
                """, List.of(), 1);
        List<Step.Command> start = s.on(new Step.Start(T0));
        assertEquals(1, start.stream().filter(c -> c instanceof Step.Execute).count());
        Step.Execute a = first(start, Step.Execute.class);
        List<Step.Command> wait = s.on(new Step.ExecutionDone(T0, a.id(), step(1, "", 0)));
        assertEquals(List.of("execution_continuing", "SetTimer"), kinds(wait), "b waits: a still polls");
        Step.SetTimer t = first(wait, Step.SetTimer.class);
        Step.Execute a1 = first(s.on(new Step.TimerFired(t.at(), t.id())), Step.Execute.class);
        List<Step.Command> done = s.on(new Step.ExecutionDone(t.at(), a1.id(),
                ActionResult.success(a1.parameters(), List.of(), Map.of(), "done")));
        assertEquals("b", first(done, Step.Execute.class).parameters().get("key"));
    }

    @Test
    void anApprovalIsAskedOnceBeforeTheFirstStepNotForEachStep() {
        dev.wisp.spi.ActionSpec deploy = new dev.wisp.spi.ActionSpec("deploy", "deploy", dev.wisp.spi.ActionType.CORRECT,
                "", false, true, List.of(), List.of()).continuing();
        Playbook pb = Harness.playbook("""
                playbook: deploy
                blocks:
                  d: { action: deploy, app: test }
                edges: [start -> d, d -> end]
                """);
        Scheduler s = new Scheduler("run-1", pb, new RunData(Map.of(), List.of(), Map.of()), Map.of("d",
                new Scheduler.Resolved(deploy, "test", new AssetConfig("test", "test", Map.of(), Set.of()),
                        new dev.wisp.engine.asset.ApprovalPolicy(List.of("alice"), List.of(),
                                Set.of(dev.wisp.spi.ActionType.CORRECT), Duration.ofHours(1)), null)), 8, List.of());
        Step.Ask ask = first(s.on(new Step.Start(T0)), Step.Ask.class);
        Step.Execute x0 = first(s.on(new Step.Answered(T0.plusSeconds(5), ask.id(), List.of("yes"), "alice", "test")),
                Step.Execute.class);
        Step.SetTimer wait = first(s.on(new Step.ExecutionDone(T0.plusSeconds(6), x0.id(), step(1, "", 0))),
                Step.SetTimer.class);
        List<Step.Command> next = s.on(new Step.TimerFired(wait.at(), wait.id()));
        assertEquals(List.of("Execute"), kinds(next), "no second approval");
        Step.Execute x1 = first(next, Step.Execute.class);
        assertEquals("success", first(s.on(new Step.ExecutionDone(wait.at(), x1.id(),
                ActionResult.success(Map.of(), List.of(), Map.of(), "deployed"))), JournalEvent.BlockFinished.class)
                .status());
    }

    /** A journal of a run that stopped while p waited for its step 2 (due at T0+70s). */
    private static List<JournalEvent> stoppedWhileWaiting() {
        Map<String, Object> params = Map.of("key", "k", "steps", 3);
        return List.of(
                new JournalEvent.RunStarted(T0, "run-1", "poll", "test.yaml", Map.of(), null),
                new JournalEvent.BlockStarted(T0, "p", "action"),
                new JournalEvent.ExecutionStarted(T0, "p", 0, 0, 1, params),
                new JournalEvent.ExecutionContinuing(T0.plusSeconds(1), "p", 0, 0, 1, 1, 30_000, "", Map.of("step", 1),
                        List.of(Map.of("step", 0)), T0),
                new JournalEvent.ExecutionContinuing(T0.plusSeconds(40), "p", 0, 0, 1, 2, 30_000, "",
                        Map.of("step", 2), List.of(Map.of("step", 1)), T0));
    }

    @Test
    void aResumedExecutionWaitsWhatIsLeftOfItsWaitAndGoesOnWithItsStateAndData() {
        Scheduler s = scheduler(POLL, stoppedWhileWaiting());
        List<Step.Command> start = s.on(new Step.Start(T0.plusSeconds(50)));
        assertFalse(kinds(start).contains("Execute"), kinds(start).toString());
        Step.SetTimer wait = first(start, Step.SetTimer.class);
        assertEquals(T0.plusSeconds(70), wait.at(), "the original time of the next step");
        List<Step.Command> next = s.on(new Step.TimerFired(wait.at(), wait.id()));
        assertEquals(List.of("Execute"), kinds(next));
        Step.Execute x = first(next, Step.Execute.class);
        assertEquals(List.of(2, Map.of("step", 2)), List.of(x.step(), x.state()));
        List<Step.Command> end = s.on(new Step.ExecutionDone(T0.plusSeconds(71), x.id(),
                ActionResult.success(x.parameters(), List.of(Map.of("step", 2)), Map.of(), "done")));
        JournalEvent.ExecutionFinished f = first(end, JournalEvent.ExecutionFinished.class);
        assertEquals(List.of(Map.of("step", 0), Map.of("step", 1), Map.of("step", 2)), f.result().get("data"));
        assertEquals(71_000, f.durationMillis());
    }

    @Test
    void aResumeAfterTheStepWasDueRunsItAtOnce() {
        Scheduler s = scheduler(POLL, stoppedWhileWaiting());
        Step.SetTimer wait = first(s.on(new Step.Start(T0.plusSeconds(3600))), Step.SetTimer.class);
        assertEquals(T0.plusSeconds(70), wait.at(), "past: the runtime fires it at once");
    }
}
