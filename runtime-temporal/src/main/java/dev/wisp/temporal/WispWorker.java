package dev.wisp.temporal;

import dev.wisp.engine.code.CodeSettings;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.run.RunRequest;
import dev.wisp.engine.time.SystemTime;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import io.temporal.worker.NonDeterministicException;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.concurrent.TimeUnit;

/**
 * A worker process's workflows and activities on one task queue: it runs the runs' scheduler and their executions,
 * with its own apps and assets. {@link #close} stops taking work, lets running activities finish for a while, then
 * stops.
 */
public final class WispWorker implements AutoCloseable {
    /** The task queue when none is given. */
    public static final String DEFAULT_TASK_QUEUE = "wisp";
    /** How often a running execution heartbeats. */
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(5);
    /** How long a run's task waits on a worker's sticky queue before a real service gives it to any worker. */
    static final Duration STICKY_TIMEOUT = Duration.ofSeconds(5);

    private final WorkerFactory factory;
    private final WorkerActivities activities;
    private final SystemTime time;

    private WispWorker(WorkerFactory factory, WorkerActivities activities, SystemTime time) {
        this.factory = factory;
        this.activities = activities;
        this.time = time;
    }

    /**
     * Registers the workflow and activities on {@code taskQueue} and starts polling; runs started by another Wisp
     * version than {@code version} are refused (their workflow fails saying so). {@code workflowCache} runs are
     * kept in memory between their tasks (sticky execution: a run's next task goes to this worker's own queue first);
     * 0 keeps none and asks for no sticky queue either, so every task of a run goes to the shared task queue and any
     * worker replays its history. Temporal's Java test server needs 0 for a lost worker: it never moves a task off
     * the sticky queue of a dead worker (a real service does after {@link #STICKY_TIMEOUT}), see docs/temporal.md.
     */
    public static WispWorker start(WorkflowClient client, String taskQueue, PluginRegistry registry,
                                   RunRequest.AssetProvider assets, Redactor secrets, int workflowCache,
                                   String version) {
        return start(client, taskQueue, registry, assets, secrets, workflowCache, CodeSettings.off(), version);
    }

    /**
     * As above; code blocks run on this worker with {@code code} (off unless its operator allowed them), and runs
     * started by another Wisp version than {@code version} are refused.
     */
    public static WispWorker start(WorkflowClient client, String taskQueue, PluginRegistry registry,
                                   RunRequest.AssetProvider assets, Redactor secrets, int workflowCache,
                                   CodeSettings code, String version) {
        WorkerFactory factory = WorkerFactory.newInstance(client, io.temporal.worker.WorkerFactoryOptions.newBuilder()
                .setWorkflowCacheSize(workflowCache).build());
        SystemTime time = new SystemTime();
        // the SDK keeps a sticky queue even without a cache; a zero timeout is how it is told to ask for none
        WorkerOptions options = WorkerOptions.newBuilder()
                .setStickyQueueScheduleToStartTimeout(workflowCache == 0 ? Duration.ZERO : STICKY_TIMEOUT).build();
        WorkerActivities[] registered = new WorkerActivities[1];
        BiConsumer<String, String> refuse = (workflowId, why) -> java.util.concurrent.CompletableFuture.runAsync(() -> {
            registered[0].logLine("refused run " + workflowId + ": " + why);
            try {
                client.newUntypedWorkflowStub(workflowId).terminate(why);
            } catch (RuntimeException ended) {
                // ended already (another worker refused it too)
            }
        });
        registered[0] = register(factory.newWorker(taskQueue, options), registry, assets, secrets, time,
                HEARTBEAT_EVERY, code, version, refuse);
        factory.start();
        return new WispWorker(factory, registered[0], time);
    }

    /**
     * Registers Wisp's workflow and activities on a worker (tests use it with Temporal's test environment). A
     * workflow whose history no longer matches this code (the code changed under a running workflow) fails with
     * Temporal's non-determinism error instead of retrying its task for ever; so does one whose payloads this
     * worker cannot decrypt (another key file).
     */
    public static WorkerActivities register(Worker worker, PluginRegistry registry, RunRequest.AssetProvider assets,
                                            Redactor secrets, dev.wisp.engine.time.TimeSource time,
                                            Duration heartbeatEvery) {
        return register(worker, registry, assets, secrets, time, heartbeatEvery, CodeSettings.off());
    }

    /** As above; code blocks run on this worker with {@code code}. */
    public static WorkerActivities register(Worker worker, PluginRegistry registry, RunRequest.AssetProvider assets,
                                            Redactor secrets, dev.wisp.engine.time.TimeSource time,
                                            Duration heartbeatEvery, CodeSettings code) {
        return register(worker, registry, assets, secrets, time, heartbeatEvery, code, null, (id, why) -> { });
    }

    /**
     * As above, refusing runs started by another Wisp version than {@code version} (null: refusing none); a run
     * refused in its middle is ended with {@code refuse} (its workflow id, why).
     */
    static WorkerActivities register(Worker worker, PluginRegistry registry, RunRequest.AssetProvider assets,
                                     Redactor secrets, dev.wisp.engine.time.TimeSource time, Duration heartbeatEvery,
                                     CodeSettings code, String version, BiConsumer<String, String> refuse) {
        worker.registerWorkflowImplementationFactory(WispWorkflow.class, () -> new WispRun(registry, version, refuse),
                WorkflowImplementationOptions.newBuilder()
                        .setFailWorkflowExceptionTypes(NonDeterministicException.class,
                                // a run this worker cannot decrypt fails saying so, instead of retrying for ever
                                io.temporal.payload.codec.PayloadCodecException.class,
                                io.temporal.common.converter.DataConverterException.class).build());
        WorkerActivities activities = new WorkerActivities(registry, assets, secrets, time, heartbeatEvery, code);
        worker.registerActivitiesImplementations(activities);
        return activities;
    }

    /** Where a line goes for each execution this worker starts. */
    public void log(java.util.function.Consumer<String> to) {
        activities.log(to);
    }

    @Override
    public void close() {
        factory.shutdown();
        factory.awaitTermination(10, TimeUnit.SECONDS);
        factory.shutdownNow();
        activities.close();
        time.close();
    }
}
