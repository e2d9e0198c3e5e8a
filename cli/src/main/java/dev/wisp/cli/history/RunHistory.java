package dev.wisp.cli.history;

import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.journal.JournalReader;
import dev.wisp.engine.report.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

/**
 * The runs recorded under a runs directory, read from their journals: what {@code wisp runs} lists and prunes. A
 * run without an end in its journal is running while the process that owns it (its {@code process.pid}) is alive,
 * and interrupted otherwise.
 */
public final class RunHistory {
    private static final String PID_FILE = dev.wisp.engine.runs.RunLock.PID_FILE;
    private final Path root;
    private final RunStore store;
    private final LongPredicate alive;

    public RunHistory(Path root) {
        this(root, pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /** With a given test of whether a process is alive (tests fake it). */
    RunHistory(Path root, LongPredicate alive) {
        this.root = root;
        this.store = new RunStore(root);
        this.alive = alive;
    }

    /** Every run, newest first. */
    public List<RunSummary> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("journal.jsonl")))
                    .map(d -> summary(d.getFileName().toString()))
                    .sorted(Comparator.comparing((RunSummary s) -> s.started() == null ? Instant.MIN : s.started())
                            .thenComparing(RunSummary::runId).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** One run, from its journal. */
    public RunSummary summary(String runId) {
        List<JournalEvent> events;
        String broken = null;
        try {
            events = JournalReader.read(store.journal(runId));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            events = List.of();
            broken = "the journal cannot be read: " + e.getMessage();
        }
        String playbook = null;
        String file = null;
        Instant started = null;
        Instant ended = null;
        RunSummary.Status status = null;
        List<String> waiting = List.of();
        String message = broken;
        for (JournalEvent e : events) {
            if (e instanceof JournalEvent.RunStarted s && started == null) {
                playbook = s.playbook();
                file = s.file();
                started = s.time();
            } else if (e instanceof JournalEvent.RunSuspended s) {
                status = RunSummary.Status.SUSPENDED;
                waiting = s.waitingFor();
                ended = s.time();
            } else if (e instanceof JournalEvent.RunResumed) {
                status = null;
                waiting = List.of();
                ended = null;
            } else if (e instanceof JournalEvent.RunFinished f) {
                status = RunSummary.Status.of(f.status());
                message = "finished".equals(f.message()) ? null : f.message();
                ended = f.time();
            }
        }
        if (status == null) {
            status = owner(runId).isPresent() ? RunSummary.Status.RUNNING : RunSummary.Status.INTERRUPTED;
        }
        return new RunSummary(runId, playbook, file, status, started, ended, waiting, message);
    }

    private Optional<Long> owner(String runId) {
        Path pid = store.dir(runId).resolve(PID_FILE);
        try {
            long p = Long.parseLong(Files.readString(pid).strip());
            return alive.test(p) ? Optional.of(p) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * What pruning did.
     *
     * @param removed the runs removed
     * @param kept    old runs kept because they are running or suspended (and --force was not given)
     */
    public record Pruned(List<RunSummary> removed, List<RunSummary> kept) {
    }

    /** Removes the runs that started more than {@code age} before {@code now}; live ones only with force. */
    public Pruned prune(Duration age, Instant now, boolean force, boolean dryRun) {
        List<RunSummary> removed = new ArrayList<>();
        List<RunSummary> kept = new ArrayList<>();
        Instant cutoff = now.minus(age);
        for (RunSummary s : list()) {
            if (s.started() == null || !s.started().isBefore(cutoff)) {
                continue;
            }
            if (s.status().live() && !force) {
                kept.add(s);
                continue;
            }
            if (!dryRun) {
                delete(store.dir(s.runId()));
            }
            removed.add(s);
        }
        return new Pruned(removed, kept);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
