package dev.wisp.cli.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.journal.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
    private static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");
    private static final long LIVE_PID = 4242;

    @TempDir
    Path root;

    /** A history whose only live process is {@link #LIVE_PID}. */
    private RunHistory history() {
        return new RunHistory(root, pid -> pid == LIVE_PID);
    }

    private void run(String id, Long pid, JournalEvent... events) throws IOException {
        Path dir = Files.createDirectories(root.resolve(id));
        Files.writeString(dir.resolve("journal.jsonl"), List.of(events).stream()
                .map(e -> JournalCodec.encode(e, Redactor.none())).collect(Collectors.joining("\n", "", "\n")));
        if (pid != null) {
            Files.writeString(dir.resolve("process.pid"), pid + "\n");
        }
    }

    private static JournalEvent started(Instant t, String playbook) {
        return new JournalEvent.RunStarted(t, "id", playbook, "/p/" + playbook + ".yaml", Map.of(), null);
    }

    @Test
    void readsEachRunsStatusFromItsJournalNewestFirst() throws IOException {
        run("a-success", null, started(T0, "one"), new JournalEvent.RunFinished(T0.plusSeconds(5), "success",
                "finished", Map.of()));
        run("b-failed", null, started(T0.plusSeconds(60), "two"), new JournalEvent.RunFinished(T0.plusSeconds(61),
                "failed", "block x failed", Map.of()));
        run("c-suspended", null, started(T0.plusSeconds(120), "one"),
                new JournalEvent.RunSuspended(T0.plusSeconds(121), List.of("ask")));
        run("d-running", LIVE_PID, started(T0.plusSeconds(180), "one"));
        run("e-died", 99L, started(T0.plusSeconds(240), "one"));
        run("f-resumed-running", LIVE_PID, started(T0.plusSeconds(300), "one"),
                new JournalEvent.RunSuspended(T0.plusSeconds(301), List.of("ask")),
                new JournalEvent.RunResumed(T0.plusSeconds(400), "f"));
        Files.createDirectories(root.resolve("not-a-run"));

        List<RunSummary> runs = history().list();
        assertEquals(List.of("f-resumed-running", "e-died", "d-running", "c-suspended", "b-failed", "a-success"),
                runs.stream().map(RunSummary::runId).toList());
        assertEquals(List.of("running", "interrupted", "running", "suspended", "failed", "success"),
                runs.stream().map(r -> r.status().id()).toList());
        RunSummary failed = runs.get(4);
        assertEquals("two", failed.playbook());
        assertEquals("block x failed", failed.message());
        assertEquals(1000L, failed.durationMillis(T0.plusSeconds(9999)));
        assertEquals(List.of("ask"), runs.get(3).waitingFor());
        assertEquals(60_000L, runs.get(2).durationMillis(T0.plusSeconds(240)), "a running run's time goes on");
        assertEquals(null, runs.get(1).durationMillis(T0.plusSeconds(9999)), "an interrupted run has no end");
        assertEquals(null, runs.get(5).message(), "'finished' is no news");
    }

    @Test
    void aDamagedJournalIsReportedNotFatal() throws IOException {
        Path dir = Files.createDirectories(root.resolve("broken"));
        Files.writeString(dir.resolve("journal.jsonl"), "{oops\n{\"type\":\"run_resumed\"}\n");
        RunSummary s = history().summary("broken");
        assertEquals(RunSummary.Status.INTERRUPTED, s.status());
        assertTrue(s.message().startsWith("the journal cannot be read: "), s.message());
    }

    @Test
    void pruningKeepsLiveRunsUnlessForced() throws IOException {
        run("old-success", null, started(T0, "one"), new JournalEvent.RunFinished(T0, "success", "finished",
                Map.of()));
        run("old-suspended", null, started(T0, "one"), new JournalEvent.RunSuspended(T0, List.of("ask")));
        run("old-running", LIVE_PID, started(T0, "one"));
        run("old-died", 1L, started(T0, "one"));
        run("new-success", null, started(T0.plus(Duration.ofDays(29)), "one"),
                new JournalEvent.RunFinished(T0.plus(Duration.ofDays(29)), "success", "finished", Map.of()));
        Instant now = T0.plus(Duration.ofDays(31));

        RunHistory.Pruned dry = history().prune(Duration.ofDays(30), now, false, true);
        assertEquals(List.of("old-died", "old-success"), ids(dry.removed()));
        assertTrue(Files.isDirectory(root.resolve("old-success")), "a dry run removes nothing");

        RunHistory.Pruned p = history().prune(Duration.ofDays(30), now, false, false);
        assertEquals(List.of("old-died", "old-success"), ids(p.removed()));
        assertEquals(List.of("old-running", "old-suspended"), ids(p.kept()));
        assertFalse(Files.exists(root.resolve("old-success")));
        assertTrue(Files.isDirectory(root.resolve("old-suspended")) && Files.isDirectory(root.resolve("new-success")));

        RunHistory.Pruned forced = history().prune(Duration.ofDays(30), now, true, false);
        assertEquals(List.of("old-running", "old-suspended"), ids(forced.removed()));
        assertEquals(List.of("new-success"), ids(history().list()));
    }

    private static List<String> ids(List<RunSummary> runs) {
        return runs.stream().map(RunSummary::runId).sorted().toList();
    }

    @Test
    void anEmptyOrMissingRunsDirectoryHasNoRuns() {
        assertEquals(List.of(), new RunHistory(root.resolve("nothing")).list());
    }
}
