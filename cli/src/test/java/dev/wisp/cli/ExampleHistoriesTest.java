package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.cli.testing.TestFile;
import dev.wisp.cli.testing.TestRunner;
import dev.wisp.cli.validate.Validator;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.plugin.PluginRegistry;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Records the histories that {@code runtime-temporal}'s {@code HistoryReplayTest} replays: every test case of the
 * example playbooks ({@code playbooks/*.test.yaml}, their actions mocked) run through Temporal as
 * {@link TemporalConformanceTest} runs the conformance suite, each workflow's whole history (a sub-playbook's too)
 * written as JSON. Runs only when asked ({@code -Dwisp.histories.record=true}), after a deliberate change of the
 * workflow (see docs/temporal.md, "Determinism, proved").
 */
class ExampleHistoriesTest {
    static final Path PLAYBOOKS = Path.of("../playbooks");
    static final Path OUT = Path.of("../runtime-temporal/src/test/resources/histories");

    @Test
    void recordTheExamplesHistories() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("wisp.histories.record"),
                "records the replay fixtures only with -Dwisp.histories.record=true");
        Assumptions.assumeTrue(dev.wisp.engine.code.Python.find(dev.wisp.engine.code.CodeSettings.DEFAULT_PYTHON,
                System.getenv()).isPresent(), "python3 is needed to record the example with a code block");
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader(), Optional.empty());
        Validator validator = new Validator(registry.catalog());
        TestRunner runner = new TestRunner(registry, TemporalConformanceTest.TEMPORAL);
        Files.createDirectories(OUT);
        try (Stream<Path> old = Files.list(OUT)) {
            for (Path f : old.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.delete(f);
            }
        }
        List<String> written = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(PLAYBOOKS)) {
            files = list.filter(p -> p.toString().endsWith(".test.yaml")).sorted().toList();
        }
        for (Path f : files) {
            TestFile tf = TestFile.read(f, f.toString());
            Playbook pb = validator.validate(tf.playbook()).playbook().orElseThrow();
            String stem = f.getFileName().toString().replace(".test.yaml", "");
            for (TestFile.TestCase c : tf.cases()) {
                if (c.resume() != null) {
                    continue; // its second run is the embedded engine's
                }
                String name = stem + "--" + c.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-|-$", "");
                TemporalConformanceTest.ended = env -> record(env, name, written);
                try {
                    TestRunner.Result r = runner.run(pb, c, RunCommand.subPlaybooks(validator),
                            dev.wisp.engine.code.CodeSettings.allowed(null));
                    assertTrue(r.passed(), name + ": " + r.failures());
                } finally {
                    TemporalConformanceTest.ended = env -> { };
                }
            }
        }
        System.out.println("recorded " + written.size() + " histories in " + OUT + ":\n  "
                + String.join("\n  ", written));
        assertTrue(written.size() >= files.size(), "a history a case at least: " + written);
    }

    /** Writes the history of every workflow of the run (the run's and its sub-playbooks'). */
    private static void record(TestWorkflowEnvironment env, String name, List<String> written) {
        var closed = env.getWorkflowServiceStubs().blockingStub().listClosedWorkflowExecutions(
                ListClosedWorkflowExecutionsRequest.newBuilder().setNamespace(env.getNamespace()).build());
        for (var e : closed.getExecutionsList()) {
            String id = e.getExecution().getWorkflowId();
            String file = name + (id.equals("test") ? "" : "--" + id.substring(id.indexOf('/') + 1)
                    .replaceAll("[^A-Za-z0-9_-]+", "-")) + ".json";
            // the recording worker's identity (pid@host) says nothing to a replay: a fixed one, no machine's name
            String json = env.getWorkflowClient().fetchHistory(id).toJson(true)
                    .replaceAll("\"identity\": \"[^\"]*\"", "\"identity\": \"wisp-recorder\"");
            try {
                Files.writeString(OUT.resolve(file), json + "\n");
            } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
            written.add(file);
        }
        assertEquals(false, closed.getExecutionsList().isEmpty(), "the run's workflow closed");
    }
}
