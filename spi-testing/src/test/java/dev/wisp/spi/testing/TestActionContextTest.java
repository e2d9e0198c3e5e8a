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
    void runStepsRunsAnActionThatContinuesToItsEndAsTheEngineDoes() {
        TestActionContext ctx = new TestActionContext("count", Map.of());
        dev.wisp.spi.AppConnection counter = c -> {
            int n = ((Number) c.state().getOrDefault("n", 0)).intValue();
            List<Object> item = List.of(Map.of("n", n));
            return CompletableFuture.completedFuture(n < 2
                    ? dev.wisp.spi.ActionResult.continueAfter(Duration.ofSeconds(10), Map.of("n", n + 1), "at " + n)
                    .withData(item)
                    : dev.wisp.spi.ActionResult.success(c.parameters(), item, Map.of(), "done"));
        };
        dev.wisp.spi.ActionResult r = ctx.runSteps(counter);
        assertEquals("done", r.message());
        assertEquals(List.of(Map.of("n", 0), Map.of("n", 1), Map.of("n", 2)), r.data());
        assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(10)), ctx.delays());
        assertEquals(3, ctx.steps());
        assertEquals(Map.of("n", 5), ctx.withState(Map.of("n", 5)).state());
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
