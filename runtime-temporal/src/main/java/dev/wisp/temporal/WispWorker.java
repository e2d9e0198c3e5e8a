package dev.wisp.temporal;

import dev.wisp.engine.code.CodeSettings;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.run.RunRequest;
import dev.wisp.engine.time.SystemTime;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkflowImplementationOptions;
import io.temporal.worker.NonDeterministicException;
import java.time.Duration;
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

    private final WorkerFactory factory;
    private final WorkerActivities activities;
    private final SystemTime time;

    private WispWorker(WorkerFactory factory, WorkerActivities activities, SystemTime time) {
        this.factory = factory;
        this.activities = activities;
        this.time = time;
    }

    /**
     * Registers the workflow and activities on {@code taskQueue} and starts polling. {@code workflowCache} runs are
     * kept in memory between their tasks (sticky execution); 0 replays a run's history for each of its tasks, which a
     * service that does not hand a lost worker's sticky tasks to others (Temporal's Java test server) needs.
     */
    public static WispWorker start(WorkflowClient client, String taskQueue, PluginRegistry registry,
                                   RunRequest.AssetProvider assets, Redactor secrets, int workflowCache) {
        return start(client, taskQueue, registry, assets, secrets, workflowCache, CodeSettings.off());
    }

    /** As above; code blocks run on this worker with {@code code} (off unless its operator allowed them). */
    public static WispWorker start(WorkflowClient client, String taskQueue, PluginRegistry registry,
                                   RunRequest.AssetProvider assets, Redactor secrets, int workflowCache,
                                   CodeSettings code) {
        WorkerFactory factory = WorkerFactory.newInstance(client, io.temporal.worker.WorkerFactoryOptions.newBuilder()
                .setWorkflowCacheSize(workflowCache).build());
        SystemTime time = new SystemTime();
        WorkerActivities activities = register(factory.newWorker(taskQueue), registry, assets, secrets, time,
                HEARTBEAT_EVERY, code);
        factory.start();
        return new WispWorker(factory, activities, time);
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
        worker.registerWorkflowImplementationFactory(WispWorkflow.class, () -> new WispRun(registry),
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
