package dev.wisp.engine.runs;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.Engine;
import dev.wisp.engine.journal.Journal;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.journal.JournalReader;
import dev.wisp.engine.journal.JsonlJournal;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.report.RunReport;
import dev.wisp.engine.report.RunStore;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.engine.run.RunRequest;
import dev.wisp.engine.time.TimeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * A run's whole life on this machine, behind one small façade: its directory under the runs folder, its
 * {@code run.json} (what it ran, for a resume), the lock that keeps it to one process, its journal (written ahead,
 * secrets masked), the report folded from its events in memory and written beside the journal, resume from the
 * journal, and cancel. Callers (the command line) read and check what the user gave, call {@link #start} or
 * {@link #open} and {@link #resume}, and print.
 *
 * <p>Every problem with the record of a run (a runs folder that is a file, a missing or corrupt {@code run.json},
 * a journal that cannot be read or is of a newer Wisp, a run held by another process, a playbook that changed since
 * the run started) is a {@link RunStore.StoreException} whose message says what is wrong and what to do; nothing
 * of the run is overwritten by it.
 */
public final class Runs implements AutoCloseable {
    private final Engine engine;
    private final RunStore store;
    private final TimeSource time;

    public Runs(PluginRegistry registry, RunStore store, TimeSource time) {
        this.engine = new Engine(registry);
        this.store = store;
        this.time = time;
    }

    public RunStore store() {
        return store;
    }

    /** A new run id, by the run's clock. */
    public String newId() {
        return RunStore.newId(time.clock().instant());
    }

    /** Starts a new run: creates its directory and run.json, takes its lock, and runs it. */
    public Started start(String runId, RunSpec spec, RunWatcher watcher) {
        Redactor redactor = Redactor.of(spec.assets().configs().values());
        // password inputs are secrets from the start: run.json keeps them masked, and a resume asks for them again
        passwords(spec).forEach(v -> {
            redactor.learn(v);
            watcher.secret(v);
        });
        store.create(runId);
        try {
            Path eventFile = spec.origin().event();
            if (eventFile == null && !spec.event().isEmpty()) {
                // an event that came with many (--events) has no file of its own: keep it for a resume
                eventFile = store.dir(runId).resolve("event.json");
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("container", spec.event().container());
                event.put("artifacts", spec.event().artifacts());
                store.writeJson(eventFile, redactor.value(event));
            }
            store.writeJson(store.metadata(runId), redactor.value(record(spec, eventFile)));
        } catch (UncheckedIOException e) {
            throw new RunStore.StoreException(e.getMessage() + "; choose another place with --runs-dir DIR", e);
        }
        return launch(runId, spec, List.of(), redactor, watcher);
    }

    /**
     * A recorded run, ready to be resumed: found by its id or a unique prefix, not running in another process,
     * with a readable run.json and journal, not finished, its playbook unchanged since it started (unless
     * {@code force}).
     */
    @SuppressWarnings("unchecked")
    public StoredRun open(String idOrPrefix, boolean force) {
        String id;
        try {
            id = store.find(idOrPrefix);
        } catch (IllegalArgumentException e) {
            throw new RunStore.StoreException(e.getMessage(), e);
        }
        RunLock.check(store.dir(id), id); // refused at once when another process runs it
        Map<String, Object> meta = store.metadataOf(id);
        Path journal = store.journal(id);
        if (!Files.isRegularFile(journal)) {
            throw new RunStore.StoreException("run " + id + " cannot be resumed: " + journal + " is missing, so what "
                    + "it did is not known; start it again with wisp run", null);
        }
        List<JournalEvent> prior;
        try {
            prior = JournalReader.read(journal);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new RunStore.StoreException("run " + id + " cannot be resumed: its journal cannot be read: "
                    + e.getMessage(), e);
        }
        if (prior.isEmpty()) {
            throw new RunStore.StoreException("run " + id + " cannot be resumed: its journal " + journal + " is empty "
                    + "(the run stopped before it began); start it again with wisp run", null);
        }
        if (prior.stream().anyMatch(e -> e instanceof JournalEvent.RunFinished)) {
            throw new RunStore.StoreException("run " + id + " has already finished; nothing to resume", null);
        }
        if (Boolean.TRUE.equals(meta.get("simulate"))) {
            throw new RunStore.StoreException("run " + id + " ran against a simulator that no longer exists; start "
                    + "it again with wisp run --simulate and answers", null);
        }
        Path playbook = Path.of((String) meta.get("playbook"));
        if (meta.get("playbook_sha256") instanceof String started && !force) {
            unchanged(id, playbook, started, meta.get("playbook_text"));
        }
        return new StoredRun(id, playbook, path(meta.get("event")), path(meta.get("assets")),
                (Map<String, Object>) meta.getOrDefault("inputs", Map.of()), prior, meta, force);
    }

    /** Resumes a run {@link #open} found, with the playbook, assets and prompts the caller read again. */
    public Started resume(StoredRun stored, RunSpec spec, RunWatcher watcher) {
        List<String> missing = new ArrayList<>();
        for (String name : passwordInputs(spec.playbook())) {
            Object v = spec.inputs().get(name);
            if (stored.inputs().containsKey(name) && (v == null || Redactor.MASK.equals(v))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("run " + stored.runId() + " has password input" + (missing.size() == 1
                    ? " " : "s ") + String.join(", ", missing) + ", which the run does not keep on disk; give "
                    + (missing.size() == 1 ? "it" : "them") + " again with " + String.join(" ", missing.stream()
                    .map(n -> "--input " + n + "=...").toList()));
        }
        if (stored.record().get("code_sha256") instanceof Map<?, ?> before && !stored.forced()) {
            List<String> changed = PlaybookChanges.codeChanged(before, spec.playbook());
            if (!changed.isEmpty()) {
                throw new RunStore.StoreException("run " + stored.runId() + " was started with other code in "
                        + String.join(", ", changed) + "; resuming it under this code would mix the two; start a "
                        + "new run, or resume with --force if the change cannot matter", null);
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String b : spec.retryInDoubt()) {
            if (!canRetry(spec.playbook(), b)) {
                unknown.add(b);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("--retry-in-doubt " + String.join(", ", unknown) + ": playbook "
                    + spec.playbook().name() + " has no such action block (name a block of a sub-playbook as "
                    + "PLAYBOOK_BLOCK/BLOCK)");
        }
        return launch(stored.runId(), spec, stored.prior(), Redactor.of(spec.assets().configs().values()), watcher);
    }

    /** The values of the run's password inputs. */
    private static List<String> passwords(RunSpec spec) {
        return passwordInputs(spec.playbook()).stream().map(spec.inputs()::get).filter(String.class::isInstance)
                .map(String.class::cast).toList();
    }

    /**
     * The password inputs of a playbook: a run keeps them masked, so a resume must be given them again
     * ({@code wisp resume --input NAME=VALUE}).
     */
    public static List<String> passwordInputs(Playbook playbook) {
        List<String> out = new ArrayList<>();
        playbook.inputs().forEach((name, input) -> {
            if (input.type() == dev.wisp.spi.DataType.PASSWORD) {
                out.add(name);
            }
        });
        return out;
    }

    private static boolean canRetry(Playbook pb, String block) {
        int slash = block.indexOf('/');
        Block b = pb.blocks().get(slash < 0 ? block : block.substring(0, slash));
        return slash < 0 ? b instanceof Block.ActionBlock : b instanceof Block.PlaybookBlock;
    }

    private Started launch(String runId, RunSpec spec, List<JournalEvent> prior, Redactor redactor,
                           RunWatcher watcher) {
        RunLock lock = RunLock.acquire(store.dir(runId), runId);
        try {
            JsonlJournal jsonl;
            try {
                jsonl = new JsonlJournal(store.journal(runId), redactor);
            } catch (UncheckedIOException e) {
                throw new RunStore.StoreException(e.getMessage(), e);
            }
            if (jsonl.droppedTornLine() > 0) {
                watcher.notice("the journal's last line was cut off when the run stopped (" + jsonl.droppedTornLine()
                        + " bytes); it was dropped, and what it recorded is done again or looked for");
            }
            KeptJournal kept = new KeptJournal(jsonl, prior);
            Journal journal = new Journal() {
                @Override
                public void record(JournalEvent event) {
                    kept.record(event);
                    watcher.event(event);
                }

                @Override
                public void flush() {
                    kept.flush();
                }

                @Override
                public void secret(String value) {
                    kept.secret(value); // the file journal's redactor, which masks the report below too
                    watcher.secret(value);
                }

                @Override
                public void sync() {
                    kept.sync();
                }
            };
            RunRequest request = new RunRequest(runId, spec.playbook(), spec.inputs(), spec.event().container(),
                    spec.event().artifacts(), spec.assets(), spec.prompts(), journal, time, spec.maxConcurrency(),
                    prior, spec.subPlaybooks(), spec.retryInDoubt(), spec.code().in(store.dir(runId).resolve("code")));
            Engine.Handle handle = engine.start(request);
            CompletableFuture<RunResult> result = handle.outcome().toCompletableFuture().handle((outcome, error) -> {
                try {
                    kept.close();
                    watcher.closed();
                } finally {
                    lock.close();
                }
                if (error != null) {
                    throw new IllegalStateException("the run failed unexpectedly: " + error, error);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> report = (Map<String, Object>) redactor.value(RunReport.build(kept.events()));
                // password values learned during the run are masked in what is printed too, not only in the files
                @SuppressWarnings("unchecked")
                RunOutcome shown = new RunOutcome(outcome.status(), redactor.text(outcome.message()),
                        (Map<String, Object>) redactor.value(outcome.outputs()), outcome.waitingFor());
                return new RunResult(runId, shown, report, written(runId, kept, report).map(redactor::text));
            });
            return new Started(runId, handle, result);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Writes the report beside the journal; says what was lost when the run directory failed during the run. */
    private Optional<String> written(String runId, KeptJournal kept, Map<String, Object> report) {
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
        } catch (UncheckedIOException e) {
            return Optional.of("report.json could not be written: " + e.getMessage());
        }
    }

    /** What run.json keeps of a new run: where its parts came from, its inputs, and its playbook as it was. */
    private static Map<String, Object> record(RunSpec spec, Path eventFile) {
        Map<String, Object> m = new LinkedHashMap<>();
        RunSpec.Origin o = spec.origin();
        m.put("playbook", o.playbook().toAbsolutePath().toString());
        m.put("inputs", spec.inputs());
        m.put("event", eventFile == null ? null : eventFile.toAbsolutePath().toString());
        m.put("assets", o.assets() == null ? null : o.assets().toAbsolutePath().toString());
        m.put("simulate", o.simulated());
        Map<String, String> code = PlaybookChanges.codeFingerprints(spec.playbook());
        if (!code.isEmpty()) {
            m.put("code_sha256", code); // a code file beside the playbook can change while its text does not
        }
        // what the run was started with, so a resume can tell when the playbook changed since; a pipe was read
        // once already (reading it again would wait for a writer that is gone), so it has nothing to compare
        if (Files.isRegularFile(o.playbook())) {
            try {
                String text = Files.readString(o.playbook());
                m.put("playbook_sha256", PlaybookChanges.sha256(text));
                m.put("playbook_text", text);
            } catch (IOException | UncheckedIOException e) {
                // unreadable now: the resume check is skipped for this run
            }
        }
        return m;
    }

    private static void unchanged(String id, Path playbook, String started, Object before) {
        String now;
        try {
            now = Files.readString(playbook);
        } catch (IOException e) {
            throw new RunStore.StoreException("run " + id + " cannot be resumed: its playbook " + playbook
                    + " cannot be read: " + e.getMessage(), e);
        }
        if (!started.equals(PlaybookChanges.sha256(now))) {
            List<String> changes = before instanceof String text ? PlaybookChanges.between(text, now)
                    : List.of("its text changed");
            throw new RunStore.StoreException("run " + id + " was started with another version of " + playbook
                    + ":\n  " + String.join("\n  ", changes) + "\nresuming it under this one would mix the two; "
                    + "start a new run, or resume with --force if the change cannot matter", null);
        }
    }

    private static Path path(Object value) {
        return value == null ? null : Path.of((String) value);
    }

    @Override
    public void close() {
        engine.close();
    }

    /** A run that has started: its id, cancel, and its result once it has ended and been recorded. */
    public static final class Started {
        private final String runId;
        private final Engine.Handle handle;
        private final CompletableFuture<RunResult> result;

        private Started(String runId, Engine.Handle handle, CompletableFuture<RunResult> result) {
            this.runId = runId;
            this.handle = handle;
            this.result = result;
        }

        public String runId() {
            return runId;
        }

        /** Ends the run now (Ctrl-C): running executions are cancelled, and the journal ends with the run's end. */
        public void cancel() {
            handle.cancel();
        }

        /** Completes once the run ended and its journal and report are written. */
        public CompletionStage<RunResult> result() {
            return result;
        }

        /** Waits for the run's end. */
        public RunResult await() throws InterruptedException {
            try {
                return result.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof IllegalStateException ise && ise.getCause() != null
                        ? ise.getCause() : e.getCause();
                throw new IllegalStateException("the run failed unexpectedly: " + cause, cause);
            }
        }
    }
}
