package dev.wisp.engine.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ManualTimeTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void firesTimersInDueOrderOnlyWhenTimeReachesThem() {
        ManualTime time = new ManualTime(T0);
        CompletableFuture<Void> late = time.delay(Duration.ofMinutes(30)).toCompletableFuture();
        CompletableFuture<Void> early = time.delay(Duration.ofMinutes(5)).toCompletableFuture();
        assertEquals(2, time.pending());
        assertTrue(time.fireNext());
        assertTrue(early.isDone());
        assertFalse(late.isDone());
        assertEquals(T0.plus(Duration.ofMinutes(5)), time.now());
    }

    /** A run that ended cancels its timers: time must not jump to their deadlines for a later run. */
    @Test
    void aCancelledTimerNoLongerWaitsAndTimeNeverJumpsToIt() {
        ManualTime time = new ManualTime(T0);
        time.delay(Duration.ofMinutes(30)).toCompletableFuture().cancel(false);
        assertEquals(0, time.pending());
        assertFalse(time.fireNext());
        assertEquals(T0, time.now());
        CompletableFuture<Void> next = time.delay(Duration.ofMinutes(40)).toCompletableFuture();
        assertTrue(time.fireNext());
        assertTrue(next.isDone());
        assertEquals(T0.plus(Duration.ofMinutes(40)), time.now());
    }
}
