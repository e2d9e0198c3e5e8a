package dev.wisp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.spi.ActionResult;
import dev.wisp.spi.Reconciliation;
import dev.wisp.spi.testing.TestActionContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An unsafe action whose effect is unknown goes through the check: found, absent (sent again) or unknowable. */
class InDoubtTest {
    private static final ActionResult CREATED = ActionResult.success(Map.of(), List.of(Map.of("id", 7)), Map.of(),
            "created 7");
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<Instant> looked = new ArrayList<>();
    private final TestActionContext ctx = new TestActionContext("create project", Map.of("project_name", "x"));

    private CompletableFuture<ActionResult> lost() {
        attempts.incrementAndGet();
        return CompletableFuture.failedFuture(new HttpFailure(HttpFailure.Kind.CONNECTION_LOST, "connection lost"));
    }

    private InDoubt checking(Reconciliation... answers) {
        return new InDoubt(3, Duration.ofSeconds(2), InDoubt::lostAnswer, (c, started) -> {
            looked.add(started);
            return CompletableFuture.completedFuture(answers[Math.min(looked.size(), answers.length) - 1]);
        });
    }

    @Test
    void foundFinishesWithWhatWasFoundAndSendsNothingAgain() {
        ActionResult r = checking(Reconciliation.found(CREATED)).run(ctx, this::lost).toCompletableFuture().join();
        assertSame(CREATED, r);
        assertEquals(1, attempts.get());
        assertEquals(List.of(Duration.ofSeconds(2)), ctx.delays(), "waits before it looks");
        assertEquals(List.of(TestActionContext.START), looked, "looks for effects since the attempt started");
    }

    @Test
    void notFoundRunsItAgain() {
        InDoubt d = checking(Reconciliation.notFound("no project named x"));
        ActionResult r = d.run(ctx, () -> attempts.get() == 0 ? lost()
                : CompletableFuture.completedFuture(CREATED)).toCompletableFuture().join();
        assertSame(CREATED, r);
        assertEquals(1, attempts.get(), "one lost, then one that succeeded");
        assertTrue(ctx.logs().get(1).contains("did not take effect (no project named x); attempt 2 of 3"),
                ctx.logs().toString());
    }

    @Test
    void unknowableFailsSayingWhatHappenedAndWhatWasSeen() {
        ActionResult r = checking(Reconciliation.unknown("two projects are named x")).run(ctx, this::lost)
                .toCompletableFuture().join();
        assertFalse(r.succeeded());
        assertEquals("connection lost; whether it took effect cannot be told: two projects are named x", r.message());
        assertEquals(1, attempts.get());
    }

    @Test
    void aFailureThatLeavesNoDoubtIsTheAnswer() {
        CompletableFuture<ActionResult> f = checking(Reconciliation.notFound("x")).run(ctx, () ->
                CompletableFuture.<ActionResult>failedFuture(new HttpFailure(HttpFailure.Kind.NOT_SENT, "refused")))
                .toCompletableFuture();
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, f::join);
        assertEquals("refused", e.getCause().getMessage());
        assertEquals(List.of(), looked);
    }

    @Test
    void attemptsRunOutWithTheLastFailure() {
        CompletableFuture<ActionResult> f = checking(Reconciliation.notFound("x")).run(ctx, this::lost)
                .toCompletableFuture();
        org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, f::join);
        assertEquals(3, attempts.get());
        assertEquals(3, looked.size());
    }

    @Test
    void statusesThatLeaveTheEffectUnknown() {
        assertTrue(InDoubt.unknownStatus(500));
        assertTrue(InDoubt.unknownStatus(502));
        assertTrue(InDoubt.unknownStatus(504));
        assertTrue(InDoubt.unknownStatus(408));
        assertFalse(InDoubt.unknownStatus(501));
        assertFalse(InDoubt.unknownStatus(429));
        assertFalse(InDoubt.unknownStatus(400));
    }
}
