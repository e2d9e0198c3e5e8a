package dev.wisp.temporal;

import dev.wisp.engine.asset.Assets;
import dev.wisp.engine.code.CodeSettings;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.time.TimeSource;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** What the tests of Wisp's workers share: the built-in apps without assets, on Temporal's test service. */
final class TestWorkers {
    private TestWorkers() {
    }

    /** The apps built into Wisp, as a worker started without {@code --plugin-path} has them. */
    static PluginRegistry builtIns() {
        return PluginRegistry.load(TestWorkers.class.getClassLoader(), Optional.empty());
    }

    /** No assets: the built-in apps that need none (core). */
    static Assets noAssets() {
        return new Assets(Map.of(), Map.of());
    }

    /** A test service whose clock runs in real time, as a real service's does (its timeouts pass as they would). */
    static TestWorkflowEnvironment realTime() {
        return TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false)
                .build());
    }

    /**
     * A worker of {@code env} on {@code queue} with the built-in apps and no assets, Wisp's workflow and activities
     * registered, heartbeating every 200 ms; the caller starts the environment.
     */
    static Worker register(TestWorkflowEnvironment env, String queue, TimeSource time, CodeSettings code) {
        Worker worker = env.newWorker(queue);
        WispWorker.register(worker, builtIns(), noAssets(), Redactor.none(), time, Duration.ofMillis(200), code);
        return worker;
    }
}
