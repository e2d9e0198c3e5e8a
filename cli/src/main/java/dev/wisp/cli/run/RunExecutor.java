package dev.wisp.cli.run;

import dev.wisp.cli.history.RunHistory;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.Engine;
import dev.wisp.engine.journal.Journal;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.journal.JournalReader;
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
     * @param report  its report (also in report.json)
     */
    public record Result(String runId, RunOutcome outcome, Map<String, Object> report) {
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
            store.writeJson(store.metadata(runId), redactor.value(metadata));
        }
        RunHistory.claim(store, runId);
        try {
            return runClaimed(runId, playbook, inputs, event, assets, prompts, prior, subPlaybooks, redactor);
        } finally {
            RunHistory.release(store, runId);
        }
    }

    private Result runClaimed(String runId, Playbook playbook, Map<String, Object> inputs, dev.wisp.engine.run.Events.Event event,
                              RunSupport.Assets assets, PromptHandler prompts, List<JournalEvent> prior,
                              RunRequest.SubPlaybookSource subPlaybooks, Redactor redactor)
            throws InterruptedException {
        Journal file = new JsonlJournal(store.journal(runId), redactor);
        Journal journal = switch (progress) {
            case NONE -> file;
            case PLAIN -> new ProgressJournal(file, err, redactor);
            case LIVE -> new ProgressJournal(file, err, redactor, LiveDisplay.onStderr().orElse(null));
        };
        RunRequest request = new RunRequest(runId, playbook, inputs, event.container(), event.artifacts(),
                assets, prompts, journal, time, maxConcurrency, prior, subPlaybooks);
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
        Map<String, Object> report = (Map<String, Object>) redactor.value(RunReport.build(
                JournalReader.read(store.journal(runId))));
        store.writeJson(store.report(runId), report);
        return new Result(runId, outcome, report);
    }
}
