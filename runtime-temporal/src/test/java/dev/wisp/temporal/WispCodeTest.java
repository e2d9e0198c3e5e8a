package dev.wisp.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.code.CodeSettings;
import dev.wisp.engine.code.Python;
import dev.wisp.engine.run.Events;
import dev.wisp.engine.time.SystemTime;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code blocks on a Temporal worker: the Python (inline, or from a file beside the playbook, sent with the run) runs
 * with the engine's code app on a worker that allows code, what one block saves reaches the next through the
 * workflow, and a worker that does not allow code fails the block naming the option that would.
 */
class WispCodeTest {
    static final String QUEUE = "wisp-code-test";

    @TempDir
    Path dir;
    TestWorkflowEnvironment env;
    SystemTime time = new SystemTime();
    Worker worker;

    void start(CodeSettings code) {
        env = TestWorkflowEnvironment.newInstance();
        worker = TestWorkers.register(env, QUEUE, time, code);
        env.start();
    }

    @AfterEach
    void stop() {
        if (env != null) {
            env.close();
        }
        time.close();
    }

    private Path playbook() throws IOException {
        Files.writeString(dir.resolve("count.py"), """
                outputs["n"] = len(inputs["hosts"][0])  # a data path gives the list of its values
                phantom.save_run_data(value=outputs["n"] * 10, key="tens")
                print("counted", outputs["n"])
                """);
        Path pb = dir.resolve("code.yaml");
        Files.writeString(pb, """
                playbook: code
                blocks:
                  count:
                    code: { file: count.py }
                    inputs: { hosts: container:hosts }
                    outputs: { n: { type: numeric } }
                  later:
                    code: |
                      outputs["t"] = phantom.get_run_data(key="tens")
                    outputs: { t: { type: numeric } }
                  use: { action: set value, app: core, parameters: { value: "later:custom_function:t" } }
                edges: [start -> count, count -> later, later -> use, use -> end]
                """);
        return pb;
    }

    private Wire.RunEnd run(Path pb) throws IOException {
        Wire.RunInput input = RunInputs.of("run-1", pb.toString(), Files.readString(pb), p -> {
            try {
                return Files.readString(Path.of(p));
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }, Map.of(), new Events.Event(Map.of("hosts", List.of("a", "b", "c")), List.of()), 8, "test");
        assertEquals(1, input.codeFiles().size(), "the code file goes with the run: " + input.codeFiles().keySet());
        WispWorkflow run = env.getWorkflowClient().newWorkflowStub(WispWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId("run-1").setTaskQueue(QUEUE).build());
        WorkflowClient.start(run::run, input);
        return WorkflowStub.fromTyped(run).getResult(Wire.RunEnd.class);
    }

    @Test
    void codeBlocksRunOnAWorkerThatAllowsCode() throws Exception {
        Assumptions.assumeTrue(Python.find(CodeSettings.DEFAULT_PYTHON, System.getenv()).isPresent(),
                "python3 is not on the PATH: code blocks cannot run");
        start(CodeSettings.allowed(null));
        Wire.RunEnd end = run(playbook());
        assertEquals("success", end.status(), () -> String.join("\n", end.journal()));
        String journal = String.join("\n", end.journal());
        assertTrue(journal.contains("stdout: counted 3"), journal);
        assertTrue(journal.contains("\"value\":30"), "the run data saved by one block reaches the next: " + journal);
        WorkflowReplayer.replayWorkflowExecution(env.getWorkflowClient().fetchHistory("run-1"), worker);
    }

    @Test
    void aWorkerWithoutAllowCodeFailsTheBlockNamingTheOption() throws Exception {
        start(CodeSettings.off());
        Wire.RunEnd end = run(playbook());
        assertEquals("failed", end.status());
        assertTrue(end.message().contains("wisp worker --allow-code"), end.message());
    }
}
