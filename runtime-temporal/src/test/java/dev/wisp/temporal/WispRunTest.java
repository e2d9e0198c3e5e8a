package dev.wisp.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.asset.Assets;
import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.run.Events;
import dev.wisp.engine.time.SystemTime;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.testing.LoopbackServer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs playbooks as workflows in Temporal's in-process test service (time skipped): an HTTP action against a real
 * loopback server with a bearer token, a retry backoff as a durable timer, a prompt answered by signal, a
 * sub-playbook as a child workflow; then the whole history is searched for the token, and replayed.
 */
class WispRunTest {
    static final String TOKEN = "fake-token-for-tests-7f3a9c21";
    static final String QUEUE = "wisp-test";

    @TempDir
    Path dir;
    LoopbackServer api;
    TestWorkflowEnvironment env;
    SystemTime time;
    Worker worker;

    @BeforeEach
    void start() {
        api = LoopbackServer.start();
        env = TestWorkflowEnvironment.newInstance();
        time = new SystemTime();
        PluginRegistry registry = TestWorkers.builtIns();
        AssetConfig config = new AssetConfig("api", "http", Map.of("base_url", api.url(), "auth", "bearer",
                "token", TOKEN), Set.of("token"));
        Assets assets = new Assets(Map.of("api", config), Map.of());
        worker = env.newWorker(QUEUE);
        WispWorker.register(worker, registry, assets, Redactor.of(List.of(config)), time, Duration.ofMillis(200));
        env.start();
    }

    @AfterEach
    void stop() {
        env.close();
        api.close();
        time.close();
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private Wire.RunInput input(String runId, Path file, Map<String, Object> inputs) throws IOException {
        return RunInputs.of(runId, file.toString(), Files.readString(file), p -> {
            try {
                return Files.readString(Path.of(p));
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }, inputs, new Events.Event(Map.of("host", "web-1"), List.of()), 8, "test");
    }

    private WispWorkflow stub(String id) {
        return env.getWorkflowClient().newWorkflowStub(WispWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(id).setTaskQueue(QUEUE).build());
    }

    private static List<JournalEvent> events(Wire.RunEnd end) {
        return end.journal().stream().map(JournalCodec::decode).toList();
    }

    @Test
    void aRunWithRetryPromptAndSubPlaybookEndsAsTheEmbeddedEngineWould() throws Exception {
        write("child.yaml", """
                playbook: child
                inputs:
                  who: { type: string }
                outputs:
                  greeting: { value: hello:action_result.data.*.value }
                blocks:
                  hello: { action: set value, app: core, parameters: { value: playbook_input:who } }
                edges: [start -> hello, hello -> end]
                """);
        Path parent = write("parent.yaml", """
                playbook: parent
                assets:
                  api: { app: http }
                blocks:
                  fetch:
                    action: get data
                    asset: api
                    parameters: { location: /alerts }
                    retry: { attempts: 3, backoff: 2m }
                  ask:
                    prompt: "Contain {0}?"
                    parameters: [container:host]
                    responses: [{ prompt: "Go ahead?", type: yes/no }]
                    timeout: 2h
                  greet:
                    playbook: child.yaml
                    inputs: { who: container:host }
                  use: { action: set value, app: core, parameters: { value: "greet:playbook_output:greeting" } }
                edges: [start -> fetch, fetch -> ask, ask -> greet, greet -> use, use -> end]
                """);
        // the app's own four attempts of the first execution fail; the block's retry, 2m later, succeeds
        LoopbackServer.Answer busy = LoopbackServer.Answer.json(503, "{\"error\": \"busy\"}");
        api.answer(busy, busy, busy, busy, LoopbackServer.Answer.json(200, "{\"alerts\": [1, 2]}"));
        WispWorkflow run = stub("run-1");
        WorkflowClient.start(run::run, input("run-1", parent, Map.of()));
        // the prompt is asked once the retried GET succeeded (after a 2m backoff, skipped by the test service)
        List<Wire.Question> asked = List.of();
        for (int i = 0; i < 200 && asked.isEmpty(); i++) {
            env.sleep(Duration.ofSeconds(30));
            asked = run.questions();
        }
        assertEquals(1, asked.size(), "the prompt is asked");
        assertEquals("Contain web-1?", asked.get(0).message());
        run.answer(Wire.Answer.of(asked.get(0).id(), List.of("yes"), "alice"));
        Wire.RunEnd end = WorkflowStub.fromTyped(run).getResult(Wire.RunEnd.class);

        assertEquals("success", end.status(), end.message());
        List<JournalEvent> events = events(end);
        assertTrue(events.stream().anyMatch(e -> e instanceof JournalEvent.ExecutionRetrying r
                && r.block().equals("fetch") && r.delayMillis() == 120_000), () -> "the backoff is the block's: " + end.journal());
        assertTrue(events.stream().anyMatch(e -> e instanceof JournalEvent.PromptAnswered a
                && a.respondent().equals("alice")));
        assertTrue(events.stream().anyMatch(e -> e instanceof JournalEvent.BlockFinished f
                && f.block().equals("greet/hello") && f.status().equals("success")), "the child's events, prefixed");
        assertTrue(events.stream().anyMatch(e -> e instanceof JournalEvent.BlockFinished f
                && f.block().equals("use") && f.output().toString().contains("web-1")));
        assertEquals(5, api.requests().size());
        assertEquals("Bearer " + TOKEN, api.requests().get(0).authorization(), "the worker sent its own token");

        // the whole history (and the child's), every payload as text: the asset's name, never its secret
        WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory("run-1");
        WorkflowExecutionHistory child = env.getWorkflowClient().fetchHistory("run-1/greet");
        for (WorkflowExecutionHistory h : List.of(history, child)) {
            String text = h.getHistory().toString(); // protobuf text: payload bytes shown as (escaped) text
            assertFalse(text.contains(TOKEN), "no secret in the history");
            assertFalse(text.contains(TOKEN.substring(4)), "not even part of it");
        }
        String text = history.getHistory().toString();
        assertTrue(text.contains("WispExecute") && text.contains("/alerts") && text.contains("\\\"asset\\\":\\\"api\\\""),
                "the payloads are readable here, and name the asset");

        // the recorded history replays against the current workflow code
        WorkflowReplayer.replayWorkflowExecution(history, worker);
        WorkflowReplayer.replayWorkflowExecution(child, worker);
    }
}
