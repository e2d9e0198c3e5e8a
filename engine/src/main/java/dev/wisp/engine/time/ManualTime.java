package dev.wisp.engine.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Virtual time for tests and simulations: time moves only when {@link #advance} is called, and timers due by then
 * complete in order. Thread-safe.
 */
public final class ManualTime implements TimeSource {
    private record Timer(Instant due, long seq, CompletableFuture<Void> future) {
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.due.equals(b.due)
            ? Long.compare(a.seq, b.seq) : a.due.compareTo(b.due));
    private Instant now;
    private long seq;

    public ManualTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Clock clock() {
        Instant at = now;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return ManualTime.this.now();
            }
        };
    }

    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized CompletionStage<Void> delay(Duration duration) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        timers.add(new Timer(now.plus(duration), seq++, f));
        return f;
    }

    /** How many timers are waiting (a timer whose future was cancelled no longer waits). */
    public synchronized int pending() {
        timers.removeIf(t -> t.future.isDone());
        return timers.size();
    }

    /** Moves time forward, completing (outside the lock, in due order) every timer due by then. */
    public void advance(Duration by) {
        List<Timer> due = new ArrayList<>();
        synchronized (this) {
            now = now.plus(by);
            while (!timers.isEmpty() && !timers.peek().due.isAfter(now)) {
                due.add(timers.poll());
            }
        }
        due.forEach(t -> t.future.complete(null));
    }

    /**
     * Moves time to the next timer and fires it; false when none waits. A cancelled timer is not waited for: time
     * never jumps to the deadline of a run that has ended.
     */
    public boolean fireNext() {
        Duration gap;
        synchronized (this) {
            timers.removeIf(t -> t.future.isDone());
            if (timers.isEmpty()) {
                return false;
            }
            gap = Duration.between(now, timers.peek().due);
        }
        advance(gap.isNegative() ? Duration.ZERO : gap);
        return true;
    }
}
