package dev.wisp.engine.time;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Wall-clock time with one timer thread for every wait of a run (a hundred polls need no hundred threads). */
public final class SystemTime implements TimeSource, AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wisp-timer");
        t.setDaemon(true);
        return t;
    });

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public CompletionStage<Void> delay(Duration duration) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        timer.schedule(() -> done.complete(null), Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS);
        return done;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
