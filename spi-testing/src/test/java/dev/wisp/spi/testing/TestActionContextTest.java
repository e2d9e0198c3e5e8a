package dev.wisp.spi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TestActionContextTest {

    @Test
    void aDelayCompletesAtOnceAndMovesTheClock() {
        TestActionContext ctx = new TestActionContext("sleep", Map.of("seconds", 5));
        assertTrue(ctx.delay(Duration.ofSeconds(5)).toCompletableFuture().isDone());
        assertEquals(TestActionContext.START.plusSeconds(5), ctx.clock().instant());
        assertEquals(List.of(Duration.ofSeconds(5)), ctx.delays());
    }

    @Test
    void heldDelaysWaitForTheTest() {
        TestActionContext ctx = new TestActionContext("sleep", Map.of()).holdDelays();
        CompletableFuture<Void> d = ctx.delay(Duration.ofMinutes(1)).toCompletableFuture();
        assertFalse(d.isDone());
        assertEquals(1, ctx.pendingDelays().size());
        ctx.releaseDelays();
        assertTrue(d.isDone());
        assertEquals(TestActionContext.START.plusSeconds(60), ctx.clock().instant());
    }

    @Test
    void cancellingFailsHeldDelaysAndRunsTheCancelHooks() {
        TestActionContext ctx = new TestActionContext("loop", Map.of()).holdDelays();
        AtomicBoolean aborted = new AtomicBoolean();
        ctx.onCancel(() -> aborted.set(true));
        CompletableFuture<Void> d = ctx.delay(Duration.ofMinutes(1)).toCompletableFuture();
        ctx.cancel();
        assertTrue(ctx.cancelled());
        assertTrue(aborted.get());
        assertThrows(java.util.concurrent.CancellationException.class, d::join);
    }

    @Test
    void logsAndProgressAreRecordedInOrder() {
        TestActionContext ctx = new TestActionContext("x", Map.of());
        ctx.log("first");
        ctx.progress(1, 2, "half");
        assertEquals(List.of("log first", "progress 1/2 half"), ctx.lines());
        assertEquals(List.of("first"), ctx.logs());
        assertEquals(List.of(new TestActionContext.Progress(1, 2, "half")), ctx.progressReports());
    }

    @Test
    void theClockNeverGoesBack() {
        assertThrows(IllegalArgumentException.class,
                () -> new ManualClock(TestActionContext.START).advance(Duration.ofSeconds(-1)));
    }
}
