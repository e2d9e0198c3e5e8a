package dev.wisp.cli.run;

import dev.wisp.cli.history.RunHistory;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.Engine;
import dev.wisp.engine.journal.Journal;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.journal.JsonlJournal;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.prompt.PromptHandler;
import dev.wisp.engine.report.RunReport;
import dev.wisp.engine.report.RunStore;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.engine.run.RunRequest;
import dev.wisp.engine.time.TimeSource;
import dev.wisp.spi.AssetConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/** Runs one playbook run with its journal, report and progress display; the CLI's side of the engine. */
public final class RunExecutor {
    private final Engine engine;
    private final RunStore store;
    private final TimeSource time;
    private final PrintWriter err;
    private final Progress progress;
    private final int maxConcurrency;
    private final java.util.concurrent.CountDownLatch printed = new java.util.concurrent.CountDownLatch(1);

    /** How a run shows its progress on stderr. */
    public enum Progress {
        /** Nothing (--quiet, --output json, many runs at once). */
        NONE,
        /** The lines that stay: blocks started, finished, skipped (not a terminal). */
        PLAIN,
        /** Plain lines and one live line per running block, redrawn in place (a terminal). */
        LIVE
    }

    public RunExecutor(Engine engine, RunStore store, TimeSource time, PrintWriter err, Progress progress,
                       int maxConcurrency) {
        this.engine = engine;
        this.store = store;
        this.time = time;
        this.err = err;
        this.progress = progress;
        this.maxConcurrency = maxConcurrency;
    }

    /**
     * The result of one run.
     *
     * @param runId   its id
     * @param outcome how it ended
     * @param report  its report (also in report.json, unless {@code lost} says why not)
     * @param lost    what could not be recorded and where, when the run directory failed; empty when all was
     */
    public record Result(String runId, RunOutcome outcome, Map<String, Object> report, Optional<String> lost) {
    }

    private java.util.Set<String> retryInDoubt = java.util.Set.of();

    /** Blocks whose in-doubt executions a resume runs again without looking for their effect. */
    public RunExecutor retryInDoubt(java.util.Set<String> blocks) {
        this.retryInDoubt = java.util.Set.copyOf(blocks);
        return this;
    }

    /** The command printed what it prints at the end of a run: a Ctrl-C may now end the process. */
    public void printed() {
        printed.countDown();
    }

    public Result run(String runId, Playbook playbook, Map<String, Object> inputs, dev.wisp.engine.run.Events.Event event,
                      RunSupport.Assets assets, PromptHandler prompts, List<JournalEvent> prior,
                      RunRequest.SubPlaybookSource subPlaybooks, Map<String, Object> metadata)
            throws InterruptedException {
        Redactor redactor = Redactor.of(assets.configs().values());
        if (prior.isEmpty()) {
            store.create(runId);
            try {
                store.writeJson(store.metadata(runId), redactor.value(metadata));
            } catch (java.io.UncheckedIOException e) {
                throw new RunStore.StoreException(e.getMessage() + "; choose another place with --runs-dir DIR", e);
            }
        }
        try (RunLock lock = RunLock.acquire(store.dir(runId), runId)) {
            RunHistory.claim(store, runId);
            try {
                return runClaimed(runId, playbook, inputs, event, assets, prompts, prior, subPlaybooks, redactor);
            } finally {
                RunHistory.release(store, runId);
            }
        }
    }

    private Result runClaimed(String runId, Playbook playbook, Map<String, Object> inputs, dev.wisp.engine.run.Events.Event event,
                              RunSupport.Assets assets, PromptHandler prompts, List<JournalEvent> prior,
                              RunRequest.SubPlaybookSource subPlaybooks, Redactor redactor)
            throws InterruptedException {
        JsonlJournal jsonl;
        try {
            jsonl = new JsonlJournal(store.journal(runId), redactor);
        } catch (java.io.UncheckedIOException e) {
            throw new RunStore.StoreException(e.getMessage(), e);
        }
        if (jsonl.droppedTornLine() > 0) {
            err.println("wisp: the journal's last line was cut off when the run stopped (" + jsonl.droppedTornLine()
                    + " bytes); it was dropped, and what it recorded is done again or looked for");
        }
        KeptJournal kept = new KeptJournal(jsonl, prior);
        Journal journal = switch (progress) {
            case NONE -> kept;
            case PLAIN -> new ProgressJournal(kept, err, redactor);
            case LIVE -> new ProgressJournal(kept, err, redactor, LiveDisplay.onStderr().orElse(null));
        };
        RunRequest request = new RunRequest(runId, playbook, inputs, event.container(), event.artifacts(),
                assets, prompts, journal, time, maxConcurrency, prior, subPlaybooks, retryInDoubt);
        Engine.Handle handle = engine.start(request);
        // Ctrl-C or SIGTERM: cancel the run (it ends at once, journal closed with its end), let the command write
        // the report and print the summary, then exit with 130 within a second
        Thread hook = new Thread(() -> {
            handle.cancel();
            try {
                handle.outcome().toCompletableFuture().get(500, java.util.concurrent.TimeUnit.MILLISECONDS);
                printed.await(1000, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
                // exiting anyway: the journal has everything up to here
            }
            err.flush();
            Runtime.getRuntime().halt(130);
        }, "wisp-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        RunOutcome outcome;
        try {
            outcome = handle.outcome().toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is already running and cancelled the run, which is how we got here
            }
            journal.close();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) redactor.value(RunReport.build(kept.events()));
        // password parameters learned during the run are masked in what is printed too, not only in the files
        @SuppressWarnings("unchecked")
        RunOutcome shown = new RunOutcome(outcome.status(), redactor.text(outcome.message()),
                (Map<String, Object>) redactor.value(outcome.outputs()), outcome.waitingFor());
        return new Result(runId, shown, report, record(runId, kept, report).map(redactor::text));
    }

    /** Writes the report beside the journal; says what was lost when the run directory failed during the run. */
    private Optional<String> record(String runId, KeptJournal kept, Map<String, Object> report) {
        Path dir = store.dir(runId);
        if (kept.failure().isPresent()) {
            return Optional.of("the journal could not be written (" + kept.failure().get() + "); it is incomplete "
                    + "in " + dir + ", and report.json was not written");
        }
        if (!Files.isRegularFile(store.journal(runId))) {
            // written to a deleted file: do not recreate a directory that holds only half of the run
            return Optional.of("the run directory " + dir + " was deleted during the run, so its journal is lost "
                    + "and report.json could not be written there");
        }
        try {
            store.writeJson(store.report(runId), report);
            return Optional.empty();
        } catch (java.io.UncheckedIOException e) {
            return Optional.of("report.json could not be written: " + e.getMessage());
        }
    }
}
