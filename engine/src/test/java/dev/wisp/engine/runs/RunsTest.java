package dev.wisp.engine.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.parse.LoadResult;
import dev.wisp.dsl.parse.PlaybookLoader;
import dev.wisp.engine.asset.Assets;
import dev.wisp.engine.exec.TestApp;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.prompt.PromptHandler;
import dev.wisp.engine.prompt.PromptOutcome;
import dev.wisp.engine.report.RunStore;
import dev.wisp.engine.run.Events;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.engine.time.ManualTime;
import dev.wisp.spi.AssetConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The façade over a run's life: its directory, run.json, lock, journal, report, resume, and every bad record. */
class RunsTest {
    private static final String PLAYBOOK = """
            playbook: asking
            inputs: { who: { type: string } }
            blocks:
              make: { action: create, app: test, parameters: { key: playbook_input:who } }
              ask: { prompt: "Go on", responses: [{ prompt: Go, type: yes/no }] }
              after: { action: echo, app: test, parameters: { value: ask:action_result.summary.responses.0 } }
            edges: [start -> make, make -> ask, ask -> after, after -> end]
            """;
    private static final String SECRET = "s3cr3t-token-for-a-test-only";
    private static final PromptHandler NOBODY = r -> CompletableFuture.completedFuture(new PromptOutcome.Unavailable());
    private static final PromptHandler YES = r -> CompletableFuture.completedFuture(
            new PromptOutcome.Answered(List.of("yes"), "ada", "test"));

    @TempDir
    Path dir;
    private final TestApp app = new TestApp();
    private Path file;
    private RunStore store;
    private Runs runs;

    @BeforeEach
    void setUp() throws IOException {
        file = dir.resolve("asking.yaml");
        Files.writeString(file, PLAYBOOK);
        store = new RunStore(dir.resolve("runs"));
        runs = new Runs(PluginRegistry.of(List.of(app)), store, new ManualTime(Instant.parse("2026-12-01T10:00:00Z")));
    }

    @org.junit.jupiter.api.AfterEach
    void tearDown() {
        runs.close();
    }

    private Playbook playbook() throws IOException {
        LoadResult r = new PlaybookLoader(List.of()).loadString(Files.readString(file), file.toString());
        assertEquals(List.of(), r.diagnostics());
        return r.playbook().orElseThrow();
    }

    private RunSpec spec(PromptHandler prompts, Set<String> retryInDoubt) throws IOException {
        Assets assets = Assets.none();
        assets.configs().put("vault", new AssetConfig("vault", "test", Map.of("token", SECRET), Set.of("token")));
        return new RunSpec(playbook(), Map.of("who", SECRET), Events.Event.none(), assets, prompts, null, 4,
                retryInDoubt, new RunSpec.Origin(file, null, null, false));
    }

    private RunResult suspended() throws Exception {
        RunResult r = runs.start("20261201-100000-aaaaaa", spec(NOBODY, Set.of()), RunWatcher.NONE).await();
        assertEquals(RunOutcome.Status.SUSPENDED, r.outcome().status(), r.outcome().message());
        return r;
    }

    @Test
    void aRunIsRecordedWithRunJsonJournalAndReportAndNoSecretAnywhere() throws Exception {
        RunResult r = suspended();
        Path run = store.dir(r.runId());
        String meta = Files.readString(run.resolve("run.json"));
        assertTrue(meta.contains("\"playbook_sha256\"") && meta.contains(file.toAbsolutePath().toString()), meta);
        assertEquals("suspended", r.report().get("status"));
        assertTrue(Files.isRegularFile(run.resolve("report.json")));
        for (String f : List.of("run.json", "journal.jsonl", "report.json")) {
            assertFalse(Files.readString(run.resolve(f)).contains(SECRET), f + " holds no secret");
        }
        assertFalse(r.report().toString().contains(SECRET), "nor does the report in memory");
        assertFalse(Files.exists(run.resolve(RunLock.PID_FILE)), "the process id goes when the run stops");
    }

    @Test
    void aSuspendedRunResumesFromItsJournalWithoutRepeatingWhatItDid() throws Exception {
        suspended();
        StoredRun stored = runs.open("20261201-1000", false);
        assertEquals("20261201-100000-aaaaaa", stored.runId(), "a unique prefix finds it");
        RunResult r = runs.resume(stored, spec(YES, Set.of()), RunWatcher.NONE).await();
        assertEquals(RunOutcome.Status.SUCCESS, r.outcome().status(), r.outcome().message());
        assertEquals(List.of("create {key=" + SECRET + "}", "echo {value=yes}"), app.calls, "create ran once, before");
        assertEquals("success", r.report().get("status"), "the report covers both parts");
        RunStore.StoreException done = assertThrows(RunStore.StoreException.class,
                () -> runs.open(r.runId(), false));
        assertTrue(done.getMessage().contains("has already finished"), done.getMessage());
    }

    @Test
    void aRunHeldByAnotherRunIsRefused() throws Exception {
        String id = "20261201-100000-bbbbbb";
        CompletableFuture<String> refused = new CompletableFuture<>();
        PromptHandler tryResume = r -> {
            try {
                runs.open(id, false);
                refused.complete("not refused");
            } catch (RunStore.StoreException e) {
                refused.complete(e.getMessage());
            }
            return CompletableFuture.completedFuture(new PromptOutcome.Unavailable());
        };
        runs.start(id, spec(tryResume, Set.of()), RunWatcher.NONE).await();
        assertTrue(refused.get().contains("run " + id + " is running in another process"), refused.get());
    }

    @Test
    void aPlaybookChangedSinceTheRunStartedIsRefusedSayingWhatChangedUnlessForced() throws Exception {
        RunResult r = suspended();
        Files.writeString(file, PLAYBOOK.replace("value: ask:action_result.summary.responses.0", "value: other"));
        RunStore.StoreException e = assertThrows(RunStore.StoreException.class, () -> runs.open(r.runId(), false));
        assertTrue(e.getMessage().contains("was started with another version of")
                && e.getMessage().contains("block after changed") && e.getMessage().contains("--force"),
                e.getMessage());
        assertEquals(r.runId(), runs.open(r.runId(), true).runId());
    }

    @Test
    void everyBrokenRecordIsAClearErrorAndNothingIsOverwritten() throws Exception {
        RunResult r = suspended();
        Path run = store.dir(r.runId());
        String journal = Files.readString(run.resolve("journal.jsonl"));

        Files.writeString(run.resolve("run.json"), "{ not json");
        assertRefused(r.runId(), "is not a run's metadata");
        assertEquals("{ not json", Files.readString(run.resolve("run.json")), "left as it was");
        Files.delete(run.resolve("run.json"));
        assertRefused(r.runId(), "run.json is missing");
        Files.writeString(run.resolve("run.json"), "{\"playbook\": 7}");
        assertRefused(r.runId(), "lacks the playbook's path or has fields of the wrong type");

        Files.writeString(run.resolve("run.json"), "{\"playbook\": \"" + file.toString().replace("\\", "\\\\")
                + "\"}");
        Files.delete(run.resolve("journal.jsonl"));
        assertRefused(r.runId(), "journal.jsonl is missing");
        Files.writeString(run.resolve("journal.jsonl"), "");
        assertRefused(r.runId(), "is empty");
        Files.writeString(run.resolve("journal.jsonl"), journal.replaceFirst("\"schema_version\":\\d+",
                "\"schema_version\":99"));
        assertRefused(r.runId(), "newer Wisp");
        Files.writeString(run.resolve("journal.jsonl"), "{\"type\":\"nonsense\"}\n" + journal);
        assertRefused(r.runId(), "cannot be read");
        assertRefused("20991231", "no run '20991231'");
    }

    private void assertRefused(String id, String says) {
        RunStore.StoreException e = assertThrows(RunStore.StoreException.class, () -> runs.open(id, false));
        assertTrue(e.getMessage().contains(says), "'" + says + "' in: " + e.getMessage());
    }

    @Test
    void retryInDoubtMustNameAnActionBlockOrOneInsideASubPlaybook() throws Exception {
        RunResult r = suspended();
        StoredRun stored = runs.open(r.runId(), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runs.resume(stored, spec(YES, Set.of("ask")), RunWatcher.NONE));
        assertTrue(e.getMessage().contains("--retry-in-doubt ask: playbook asking has no such action block"),
                e.getMessage());
        assertEquals(1, app.calls.size(), "nothing ran");
        assertFalse(Files.exists(store.dir(r.runId()).resolve(RunLock.PID_FILE)));
    }

    @Test
    void anEventWithoutAFileOfItsOwnIsKeptForTheResume() throws Exception {
        Events.Event event = new Events.Event(Map.of("name", "alert 7"), List.of());
        RunSpec given = spec(NOBODY, Set.of());
        RunSpec withEvent = new RunSpec(given.playbook(), given.inputs(), event, given.assets(), given.prompts(),
                null, 4, Set.of(), given.origin());
        RunResult r = runs.start("20261201-100000-cccccc", withEvent, RunWatcher.NONE).await();
        StoredRun stored = runs.open(r.runId(), false);
        assertEquals(store.dir(r.runId()).resolve("event.json").toAbsolutePath(), stored.event());
        assertTrue(Files.readString(stored.event()).contains("alert 7"));
    }

    @Test
    void aRunWhoseDirectoryIsDeletedWhileItRunsKeepsItsReportAndSaysWhereItCouldNotWrite() throws Exception {
        String id = "20261201-100000-dddddd";
        PromptHandler deleting = request -> {
            deleteTree(store.dir(id));
            return CompletableFuture.completedFuture(new PromptOutcome.Answered(List.of("yes"), "alice", "test"));
        };
        RunResult r = runs.start(id, spec(deleting, Set.of()), RunWatcher.NONE).await();
        assertEquals(RunOutcome.Status.SUCCESS, r.outcome().status());
        assertEquals("success", r.report().get("status"), r.report().toString());
        assertTrue(r.lost().orElseThrow().contains("the run directory " + store.dir(id)
                + " was deleted during the run"), r.lost().toString());
        assertFalse(Files.exists(store.dir(id)), "a directory holding half a run is not recreated");
    }

    @Test
    void aPasswordInputIsNeverKeptOnDiskAndAResumeAsksForItAgain() throws Exception {
        Files.writeString(file, """
                playbook: login
                inputs: { pw: { type: password } }
                blocks:
                  ask: { prompt: "Log in?", responses: [{ prompt: Go, type: yes/no }] }
                  in: { action: login, app: test, parameters: { user: ada, password: playbook_input:pw } }
                edges: [start -> ask, ask -> in, in -> end]
                """);
        String pw = "hunter2-but-longer";
        RunSpec spec = new RunSpec(playbook(), Map.of("pw", pw), Events.Event.none(), Assets.none(), NOBODY, null,
                4, Set.of(), new RunSpec.Origin(file, null, null, false));
        RunResult r = runs.start("20261201-100000-eeeeee", spec, RunWatcher.NONE).await();
        assertEquals(RunOutcome.Status.SUSPENDED, r.outcome().status(), r.outcome().message());
        for (String f : List.of("run.json", "journal.jsonl", "report.json")) {
            assertFalse(Files.readString(store.dir(r.runId()).resolve(f)).contains(pw), f);
        }
        StoredRun stored = runs.open(r.runId(), false);
        assertEquals("***", stored.inputs().get("pw"));
        RunSpec again = new RunSpec(playbook(), stored.inputs(), Events.Event.none(), Assets.none(), YES, null, 4,
                Set.of(), spec.origin());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runs.resume(stored, again, RunWatcher.NONE));
        assertTrue(e.getMessage().contains("password input pw, which the run does not keep on disk; give it again "
                + "with --input pw=..."), e.getMessage());
        RunSpec given = new RunSpec(playbook(), Map.of("pw", pw), Events.Event.none(), Assets.none(), YES, null, 4,
                Set.of(), spec.origin());
        RunResult done = runs.resume(stored, given, RunWatcher.NONE).await();
        assertEquals(RunOutcome.Status.SUCCESS, done.outcome().status(), done.outcome().message());
        assertTrue(app.calls.contains("login {password=" + pw + ", user=ada}"), app.calls.toString());
        assertFalse(Files.readString(store.dir(r.runId()).resolve("journal.jsonl")).contains(pw));
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
