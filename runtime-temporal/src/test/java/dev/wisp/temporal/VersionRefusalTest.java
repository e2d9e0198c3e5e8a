package dev.wisp.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.plugin.PluginRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker of another Wisp version than the one that started a run refuses it, at its start or at a replay in the
 * middle: the workflow fails at once with a message naming both versions, never a non-determinism error or a task
 * retried for ever.
 */
class VersionRefusalTest {
    static final String QUEUE = "wisp-versions";

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

    private WispWorker worker(String version) {
        return WispWorker.start(env.getWorkflowClient(), QUEUE, registry, TestWorkers.noAssets(),
                Redactor.none(), 0, version);
    }

    private WispWorkflow start(String id, String version) {
        WispWorkflow run = env.getWorkflowClient().newWorkflowStub(WispWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(id).setTaskQueue(QUEUE).build());
        WorkflowClient.start(run::run, new Wire.RunInput(id, "lost.yaml", LostWorkerTest.PLAYBOOK, Map.of(), Map.of(),
                Map.of(), List.of(), 8, List.of(), version, Map.of(), List.of()));
        return run;
    }

    private static ApplicationFailure refusal(WispWorkflow run) {
        WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> WorkflowStub.fromTyped(run)
                .getResult(20, TimeUnit.SECONDS, Wire.RunEnd.class));
        assertTrue(e.getCause() instanceof ApplicationFailure, () -> "an application failure: " + e.getCause());
        return (ApplicationFailure) e.getCause();
    }

    @Test
    void aRunStartedByAnotherVersionIsRefusedAtItsStart() {
        try (WispWorker w = worker("2.0.0")) {
            ApplicationFailure f = refusal(start("v-1", "1.0.0"));
            assertEquals(WispRun.VERSION_REFUSED, f.getType());
            assertEquals("run v-1 was started by Wisp 1.0.0 and this worker runs Wisp 2.0.0: a run's history replays "
                    + "only on workers of the version that started it (run the workers and the command line of one "
                    + "version on a task queue; see docs/temporal.md, Deploying)", f.getOriginalMessage());
        }
    }

    @Test
    void aRunReplayedByAnotherVersionInTheMiddleIsRefused() throws Exception {
        WispWorkflow run;
        try (WispWorker old = worker("1.0.0")) {
            run = start("v-2", "1.0.0");
            List<Wire.Question> asked = List.of();
            for (int i = 0; i < 100 && asked.isEmpty(); i++) {
                Thread.sleep(50);
                asked = run.questions();
            }
            assertEquals(1, asked.size(), "the prompt is asked on a worker of its version");
        }
        try (WispWorker upgraded = worker("2.0.0")) {
            run.answer(Wire.Answer.of(0, List.of("yes"), "alice")); // a task for the new worker, which replays
            WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> WorkflowStub.fromTyped(run)
                    .getResult(20, TimeUnit.SECONDS, Wire.RunEnd.class));
            assertTrue(e.getCause() instanceof TerminatedFailure, () -> "ended by the worker: " + e.getCause());
            assertTrue(((TerminatedFailure) e.getCause()).getOriginalMessage().startsWith("run v-2 was started by "
                    + "Wisp 1.0.0 and this worker runs Wisp 2.0.0"), e.getCause()::getMessage);
        }
    }
}
