package dev.wisp.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.journal.JsonlJournal;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.run.RunOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An action that continues in steps, run by the embedded runtime in virtual time: its timers, state and resume. */
class RunContinuationTest {
    private static final String POLL = """
            playbook: poll
            blocks:
              p: { action: poll, app: test, parameters: { key: k, steps: 3, every: 60 } }
            edges: [start -> p, p -> end]
            """;

    @Test
    void eachStepRunsOnTheRunsTimerWithTheStateThePreviousOneHandedOn() {
        Harness h = new Harness();
        Instant t0 = h.time.clock().instant();
        RunOutcome o = h.run(POLL);
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(List.of("poll k step 0 {}", "poll k step 1 {step=1}", "poll k step 2 {step=2}"), h.app.calls);
        assertEquals(1, h.events(JournalEvent.ExecutionStarted.class).size());
        assertEquals(2, h.events(JournalEvent.ExecutionContinuing.class).size());
        JournalEvent.ExecutionFinished f = h.events(JournalEvent.ExecutionFinished.class).get(0);
        assertEquals(List.of(Map.of("step", 0), Map.of("step", 1), Map.of("step", 2)), f.result().get("data"));
        assertEquals(t0.plusSeconds(120), f.time(), "two waits of 60 s of the run's time");
        assertEquals(1, h.finished("p").executions());
    }

    @Test
    void aRunThatStoppedBetweenStepsGoesOnFromItsLastStepAtTheTimeItWasDue() {
        Harness first = new Harness();
        first.run(POLL);
        List<JournalEvent> prior = new ArrayList<>();
        for (JournalEvent e : first.events) {
            prior.add(e);
            if (e instanceof JournalEvent.ExecutionContinuing) {
                break; // the process died here, while it waited for step 1
            }
        }
        Harness resumed = new Harness();
        Instant t0 = resumed.time.clock().instant();
        RunOutcome o = resumed.finish(resumed.start(POLL, Map.of(), prior));
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(List.of("poll k step 1 {step=1}", "poll k step 2 {step=2}"), resumed.app.calls,
                "step 0 is not run again");
        JournalEvent.ExecutionFinished f = resumed.events(JournalEvent.ExecutionFinished.class).get(0);
        assertEquals(3, ((List<?>) f.result().get("data")).size(), "the data of the step before the stop is kept");
        assertEquals(t0.plusSeconds(120), f.time(), "step 1 ran when it was due (t0 + 60 s), not at once");
        assertTrue(resumed.events(JournalEvent.Log.class).stream().anyMatch(l -> l.message().equals(
                "execution 0 continues where the run stopped: step 2 with the state its step 1 handed on")),
                resumed.events.toString());
    }

    @Test
    void aRunThatDiedDuringAStepRunsThatStepAgainWithItsState() {
        Harness first = new Harness();
        first.run(POLL);
        List<JournalEvent> prior = new ArrayList<>();
        int continuing = 0;
        for (JournalEvent e : first.events) {
            if (e instanceof JournalEvent.ExecutionContinuing && ++continuing == 2) {
                break; // died while step 1 ran: its answer never reached the journal
            }
            prior.add(e);
        }
        Harness resumed = new Harness();
        RunOutcome o = resumed.finish(resumed.start(POLL, Map.of(), prior));
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(List.of("poll k step 1 {step=1}", "poll k step 2 {step=2}"), resumed.app.calls);
    }

    @Test
    void secretsInAStepsStateOrMessageNeverReachTheJournalFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Harness h = new Harness();
        try (JsonlJournal jsonl = new JsonlJournal(file, Redactor.none())) {
            h.also = jsonl;
            RunOutcome o = h.run("""
                    playbook: poll
                    blocks:
                      p: { action: poll, app: test, parameters: { key: k, steps: 2, secret: fake-password-for-tests-hunter2 } }
                    edges: [start -> p, p -> end]
                    """);
            assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        }
        String text = Files.readString(file);
        assertTrue(text.contains("\"type\":\"execution_continuing\""), text);
        assertTrue(text.contains("with ***"), text);
        assertFalse(text.contains("fake-password-for-tests-hunter2"), text);
    }
}
