package dev.wisp.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.plugin.PluginRegistry;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker lost while its run waits (here for a prompt's answer): the run's next task must reach another worker.
 * Against Temporal's test service (the one {@code scripts/temporal-dev-server.sh} runs too), in real time.
 */
class LostWorkerTest {
    static final String QUEUE = "wisp-lost";
    static final String PLAYBOOK = """
            playbook: lost
            blocks:
              first: { action: set value, app: core, parameters: { value: one } }
              ask:
                prompt: "Go on?"
                responses: [{ prompt: "Go on?", type: yes/no }]
                timeout: 1h
              last: { action: set value, app: core, parameters: { value: two } }
            edges: [start -> first, first -> ask, ask -> last, last -> end]
            """;

    TestWorkflowEnvironment env;
    PluginRegistry registry;

    @BeforeEach
    void start() {
        env = TestWorkers.realTime();
        registry = TestWorkers.builtIns();
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private WispWorker worker(int cache) {
        return WispWorker.start(env.getWorkflowClient(), QUEUE, registry, TestWorkers.noAssets(), Redactor.none(),
                cache, "test");
    }

    /** Starts the run on a worker of its own, waits until it asks, then loses that worker; returns the run. */
    private WispWorkflow askedThenLost(String id, int cache) throws InterruptedException {
        WispWorker first = worker(cache);
        WispWorkflow run = env.getWorkflowClient().newWorkflowStub(WispWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(id).setTaskQueue(QUEUE).build());
        WorkflowClient.start(run::run, new Wire.RunInput(id, "lost.yaml", PLAYBOOK, Map.of(), Map.of(), Map.of(),
                List.of(), 8, List.of(), "test", Map.of(), List.of()));
        List<Wire.Question> asked = List.of();
        for (int i = 0; i < 100 && asked.isEmpty(); i++) {
            Thread.sleep(50);
            asked = run.questions();
        }
        assertEquals(1, asked.size(), "the prompt is asked");
        first.close(); // the test service does nothing when a worker stops: as if it had been killed
        return run;
    }

    @Test
    void aRunWhoseWorkerIsLostWhileItWaitsGoesOnOnAnotherWorker() throws Exception {
        WispWorkflow run = askedThenLost("lost-1", 0);
        try (WispWorker second = worker(0)) {
            run.answer(Wire.Answer.of(run.questions().get(0).id(), List.of("yes"), "alice"));
            Wire.RunEnd end = WorkflowStub.fromTyped(run).getResult(30, TimeUnit.SECONDS, Wire.RunEnd.class);
            assertEquals("success", end.status(), end.message());
        }
    }

    /**
     * Why a worker for the test service must keep no cache: with one, the SDK asks for a sticky queue, and the test
     * service never gives a task on it to another worker (a real service does after the sticky timeout, 5 s). If
     * this fails, the test service learned to; {@code --workflow-cache 0} is then no longer needed for fault tests.
     */
    @Test
    void theTestServiceNeverMovesATaskOffADeadWorkersStickyQueue() throws Exception {
        WispWorkflow run = askedThenLost("lost-2", 600);
        try (WispWorker second = worker(600)) {
            run.answer(Wire.Answer.of(0, List.of("yes"), "alice")); // questions() would wait for the dead worker too
            WorkflowStub stub = WorkflowStub.fromTyped(run);
            assertThrows(TimeoutException.class, () -> stub.getResult(WispWorker.STICKY_TIMEOUT.toMillis() + 3000,
                    TimeUnit.MILLISECONDS, Wire.RunEnd.class), "the task stays on the dead worker's sticky queue");
            var events = env.getWorkflowClient().fetchHistory("lost-2").getEvents();
            assertEquals(EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, events.get(events.size() - 1).getEventType(),
                    "scheduled, never started");
            assertTrue(events.stream().anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED));
            stub.terminate("test over");
        }
    }
}
