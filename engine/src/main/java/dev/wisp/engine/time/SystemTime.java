package dev.wisp.engine.time;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock time. Every wait of every run waits on the JDK's one timer thread (the one behind
 * {@link CompletableFuture#completeOnTimeout}), which the HTTP support's answer deadlines share: a hundred polls need
 * no hundred threads, and a run no timer thread of its own.
 */
public final class SystemTime implements TimeSource, AutoCloseable {
    /** The waits not yet over; {@link #close()} drops them, so a closed time source's waits never end. */
    private final Set<CompletableFuture<Boolean>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public CompletionStage<Void> delay(Duration duration) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        // the timer completes `due` with true; close() completes it with false first, which ends the wait without
        // completing `done` and (a normal completion) takes its task off the timer's queue
        CompletableFuture<Boolean> due = new CompletableFuture<>();
        pending.add(due);
        due.thenAccept(elapsed -> {
            pending.remove(due);
            if (elapsed) {
                done.complete(null);
            }
        });
        if (closed) {
            due.complete(false);
        }
        due.completeOnTimeout(true, Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS);
        return done;
    }

    @Override
    public void close() {
        closed = true;
        pending.forEach(due -> due.complete(false));
    }
}
