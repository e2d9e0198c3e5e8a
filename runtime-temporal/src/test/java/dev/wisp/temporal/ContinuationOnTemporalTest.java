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
import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An action that continues in steps, as a workflow in Temporal's test service (time skipped): each step one short
 * activity, each wait between steps a durable timer (never an activity that sleeps), one execution in the journal,
 * the state of the step before given to the next, cancellation while it waits, and the history replayed.
 */
class ContinuationOnTemporalTest {
    static final String QUEUE = "wisp-steps";
    static final String SECRET = "fake-poll-token-for-tests-81d2";

    @TempDir
    Path dir;
    TestWorkflowEnvironment env;
    SystemTime time;
    Worker worker;
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    /** An app whose "poll" continues every {@code every} minutes until step {@code steps}. */
    final class Poller implements App {
        @Override
        public AppSpec spec() {
            return new AppSpec("poller", "1", null, null, List.of(), List.of(new ActionSpec("poll", "poll",
                    ActionType.INVESTIGATE, "", true, true, List.of(
                    ParameterSpec.builder("steps", DataType.NUMERIC).required().build(),
                    ParameterSpec.builder("every", DataType.NUMERIC).required().build()),
                    List.of(OutputSpec.of("action_result.data.*.step", DataType.NUMERIC, null))).continuing()));
        }

        @Override
        public AppConnection connect(AssetConfig asset) {
            return ctx -> CompletableFuture.completedFuture(poll(ctx, asset));
        }

        private ActionResult poll(ActionContext ctx, AssetConfig asset) {
            int step = ((Number) ctx.state().getOrDefault("step", 0)).intValue();
            calls.add("step " + step + " " + ctx.state().keySet());
            ctx.progress(step + 1, ((Number) ctx.parameters().get("steps")).longValue(), "polled " + (step + 1));
            List<Object> item = List.of(Map.of("step", step));
            if (step + 1 >= ((Number) ctx.parameters().get("steps")).intValue()) {
                return ActionResult.success(ctx.parameters(), item, Map.of(), "done after " + (step + 1));
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("step", step + 1);
            state.put("seen", "with " + asset.values().get("token")); // careless: the worker masks it
            return ActionResult.continueAfter(Duration.ofMinutes(((Number) ctx.parameters().get("every")).longValue()),
                    state, "step " + step).withData(item);
        }
    }

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        time = new SystemTime();
        PluginRegistry registry = PluginRegistry.of(List.of(new Poller()));
        AssetConfig config = new AssetConfig("poller", "poller", Map.of("token", SECRET), Set.of("token"));
        worker = env.newWorker(QUEUE);
        WispWorker.register(worker, registry, new Assets(Map.of("poller", config), Map.of()),
                Redactor.of(List.of(config)), time, Duration.ofMillis(200));
        env.start();
    }

    @AfterEach
    void stop() {
        env.close();
        time.close();
    }

    private WispWorkflow started(String id, String playbook) throws IOException {
        Path file = dir.resolve(id + ".yaml");
        Files.writeString(file, playbook);
        Wire.RunInput in = RunInputs.of(id, file.toString(), Files.readString(file), p -> {
            throw new IllegalArgumentException(p);
        }, Map.of(), new Events.Event(Map.of(), List.of()), 8, "test");
        WispWorkflow run = env.getWorkflowClient().newWorkflowStub(WispWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(id).setTaskQueue(QUEUE).build());
        WorkflowClient.start(run::run, in);
        return run;
    }

    private static List<JournalEvent> events(List<String> lines) {
        return lines.stream().map(JournalCodec::decode).toList();
    }

    private static long count(WorkflowExecutionHistory h, EventType type) {
        return h.getEvents().stream().map(HistoryEvent::getEventType).filter(type::equals).count();
    }

    @Test
    void eachStepIsAShortActivityAndEachWaitADurableTimer() throws Exception {
        WispWorkflow run = started("steps-1", """
                playbook: steps
                assets:
                  poller: { app: poller }
                blocks:
                  p: { action: poll, asset: poller, parameters: { steps: 3, every: 30 }, timeout: 2h }
                edges: [start -> p, p -> end]
                """);
        Wire.RunEnd end = WorkflowStub.fromTyped(run).getResult(Wire.RunEnd.class);
        assertEquals("success", end.status(), end.message());
        assertEquals(List.of("step 0 []", "step 1 [step, seen]", "step 2 [step, seen]"), calls);
        List<JournalEvent> events = events(end.journal());
        assertEquals(1, events.stream().filter(e -> e instanceof JournalEvent.ExecutionStarted).count());
        List<JournalEvent.ExecutionContinuing> steps = events.stream()
                .filter(e -> e instanceof JournalEvent.ExecutionContinuing).map(e -> (JournalEvent.ExecutionContinuing) e)
                .toList();
        assertEquals(List.of(1, 2), steps.stream().map(JournalEvent.ExecutionContinuing::step).toList());
        assertEquals("with ***", steps.get(0).state().get("seen"), "the worker masked its secret");
        JournalEvent.ExecutionFinished f = events.stream().filter(e -> e instanceof JournalEvent.ExecutionFinished)
                .map(e -> (JournalEvent.ExecutionFinished) e).findFirst().orElseThrow();
        assertEquals(3, ((List<?>) f.result().get("data")).size(), "every step's data");
        assertTrue(f.durationMillis() >= Duration.ofMinutes(60).toMillis(), "two waits of 30 min of workflow time: "
                + f.durationMillis());
        assertEquals(3, events.stream().filter(e -> e instanceof JournalEvent.Progress).count());

        WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory("steps-1");
        assertEquals(3, history.getEvents().stream().filter(e -> e.getEventType()
                == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED && e.getActivityTaskScheduledEventAttributes()
                .getActivityType().getName().equals("WispExecute")).count(), "one activity a step");
        // the waits are workflow timers (the block's timeout is one more, cancelled at the end)
        assertTrue(count(history, EventType.EVENT_TYPE_TIMER_STARTED) >= 2, history.toString());
        assertFalse(history.getHistory().toString().contains(SECRET), "no secret in the history");
        WorkflowReplayer.replayWorkflowExecution(history, worker);
    }

    @Test
    void cancellingTheRunWhileItWaitsEndsItWithoutAnotherStep() throws Exception {
        WispWorkflow run = started("steps-2", """
                playbook: steps
                assets:
                  poller: { app: poller }
                blocks:
                  p: { action: poll, asset: poller, parameters: { steps: 100, every: 60 } }
                edges: [start -> p, p -> end]
                """);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (run.journal(0).stream().noneMatch(l -> l.contains("\"execution_continuing\""))) {
            assertTrue(System.nanoTime() < deadline, "the first step did not continue");
            Thread.sleep(20);
        }
        run.cancel();
        Wire.RunEnd end = WorkflowStub.fromTyped(run).getResult(Wire.RunEnd.class);
        assertEquals("cancelled", end.status(), end.message());
        assertEquals(List.of("step 0 []"), calls, "no step after the cancel");
        assertTrue(events(end.journal()).stream().anyMatch(e -> e instanceof JournalEvent.BlockFinished b
                && b.status().equals("cancelled")));
    }
}
