package dev.wisp.engine;

import dev.wisp.engine.exec.Run;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.engine.run.RunRequest;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs playbooks with the installed apps. One engine can run many runs at once (one per event); runs share the
 * worker threads that call plugins, and nothing else.
 */
public final class Engine implements AutoCloseable {
    private final PluginRegistry registry;
    private final ExecutorService workers;

    public Engine(PluginRegistry registry) {
        this.registry = registry;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "wisp-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public PluginRegistry registry() {
        return registry;
    }

    /** Starts a run. */
    public Handle start(RunRequest request) {
        Run run = new Run(request, registry, workers);
        return new Handle(run, run.start());
    }

    /**
     * A started run.
     *
     * @param run     the run, for cancelling
     * @param outcome completes when the run ends
     */
    public record Handle(Run run, CompletionStage<RunOutcome> outcome) {
        public void cancel() {
            run.cancel();
        }

        /** Whether the run waits only for time or people (see {@link Run#idle()}). */
        public boolean idle() {
            return run.idle();
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
