package dev.wisp.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.cli.validate.Validator;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.Engine;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.prompt.PromptHandler;
import dev.wisp.engine.prompt.PromptOutcome;
import dev.wisp.engine.report.RunStore;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.engine.time.ManualTime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExecutorTest {
    private static final String PLAYBOOK = """
            playbook: asking
            blocks:
              ask: { prompt: "Go on", responses: [{ prompt: Go, type: yes/no }] }
              after: { action: set value, app: core, parameters: { value: done } }
            edges: [start -> ask, ask -> after, after -> end]
            """;

    @TempDir
    Path dir;

    @Test
    void aRunWhoseDirectoryIsDeletedWhileItRunsKeepsItsReportAndSaysWhereItCouldNotWrite() throws Exception {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader(), Optional.empty());
        Path file = dir.resolve("asking.yaml");
        Files.writeString(file, PLAYBOOK);
        Playbook pb = new Validator(registry.catalog()).validate(file).playbook().orElseThrow();
        RunStore store = new RunStore(dir.resolve("runs"));
        String id = "20261201-000000-abcdef";
        // the prompt is answered by someone who first deletes the run's directory
        PromptHandler deleting = request -> {
            deleteTree(store.dir(id));
            return CompletableFuture.completedFuture(new PromptOutcome.Answered(List.of("yes"), "alice", "test"));
        };
        StringWriter err = new StringWriter();
        try (Engine engine = new Engine(registry)) {
            RunExecutor executor = new RunExecutor(engine, store, new ManualTime(Instant.EPOCH),
                    new PrintWriter(err, true), RunExecutor.Progress.NONE, 4);
            RunExecutor.Result r = executor.run(id, pb, Map.of(), dev.wisp.engine.run.Events.Event.none(),
                    new RunSupport.Assets(new LinkedHashMap<>(), new LinkedHashMap<>()), deleting, List.of(),
                    (parent, relative) -> {
                        throw new IllegalArgumentException("no sub-playbooks");
                    }, Map.of("playbook", file.toString()));
            assertEquals(RunOutcome.Status.SUCCESS, r.outcome().status());
            assertEquals("success", r.report().get("status"), r.report().toString());
            assertTrue(r.lost().orElseThrow().contains("the run directory " + store.dir(id)
                    + " was deleted during the run"), r.lost().toString());
            assertFalse(Files.exists(store.dir(id)), "a directory holding half a run is not recreated");
        }
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
