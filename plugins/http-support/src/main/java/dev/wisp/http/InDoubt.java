package dev.wisp.http;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.Reconciliation;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An action that is not safe to repeat, whose request failed in a way that leaves its effect unknown (a 5xx, the
 * connection lost after the request went out, no answer in time): rather than failing it, or blindly sending it
 * again, the app's in-doubt check ({@link dev.wisp.spi.AppConnection#reconcile}) looks for its effect. Found: the
 * execution finishes with what was found. Provably absent: the action runs again, up to {@code maxAttempts} in all.
 * Unknowable: the execution fails, saying what happened and what the check saw.
 *
 * <p>Before it looks, it waits {@code settle} on the run's clock, so that a request the server is still working on
 * has a chance to show its effect.
 *
 * @param maxAttempts   attempts of the action in all
 * @param settle        the wait before looking
 * @param effectUnknown which failures leave the effect unknown (others are the action's answer)
 * @param check         the app's in-doubt check
 */
public record InDoubt(int maxAttempts, Duration settle, Predicate<Throwable> effectUnknown, Check check) {

    /** The app's look for the effect of an execution that started at {@code startedAt}. */
    @FunctionalInterface
    public interface Check {
        CompletionStage<Reconciliation> look(ActionContext ctx, Instant startedAt);
    }

    public InDoubt {
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(effectUnknown, "effectUnknown");
        Objects.requireNonNull(check, "check");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
    }

    /** Whether a failure is an {@link HttpFailure} that may have reached the server. */
    public static boolean lostAnswer(Throwable error) {
        return unwrap(error) instanceof HttpFailure f && f.effectUnknown();
    }

    /** Whether an answer leaves a request's effect unknown: a 408, or a 5xx other than 501 and 505. */
    public static boolean unknownStatus(int status) {
        return status == 408 || (status >= 500 && status <= 599 && status != 501 && status != 505);
    }

    /** Runs {@code attempt}, through the check when its failure leaves the effect unknown. */
    public CompletionStage<ActionResult> run(ActionContext ctx, Supplier<CompletionStage<ActionResult>> attempt) {
        return run(ctx, attempt, 1);
    }

    private CompletionStage<ActionResult> run(ActionContext ctx, Supplier<CompletionStage<ActionResult>> attempt,
                                              int n) {
        Instant started = ctx.clock().instant();
        CompletionStage<ActionResult> first;
        try {
            first = attempt.get();
        } catch (RuntimeException e) {
            first = CompletableFuture.failedFuture(e);
        }
        return first.handle((result, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(result);
            }
            Throwable cause = unwrap(error);
            if (!effectUnknown.test(cause) || ctx.cancelled()) {
                return CompletableFuture.<ActionResult>failedFuture(cause);
            }
            String why = cause.getMessage();
            ctx.log("'" + ctx.actionName() + "' may or may not have taken effect (" + why + "); looking for its "
                    + "effect before deciding");
            return ctx.delay(settle).thenCompose(ignored -> check.look(ctx, started))
                    .handle((answer, lookError) -> decide(ctx, attempt, n, cause, answer, lookError))
                    .thenCompose(x -> x);
        }).thenCompose(x -> x);
    }

    private CompletionStage<ActionResult> decide(ActionContext ctx, Supplier<CompletionStage<ActionResult>> attempt,
                                                 int n, Throwable cause, Reconciliation answer, Throwable lookError) {
        Reconciliation r = lookError != null || answer == null ? Reconciliation.unknown("looking for it failed: "
                + (lookError == null ? "no answer" : unwrap(lookError).getMessage())) : answer;
        return switch (r.outcome()) {
            case FOUND -> {
                ctx.log("the effect of '" + ctx.actionName() + "' is there: " + r.detail());
                yield CompletableFuture.completedFuture(r.result());
            }
            case NOT_FOUND -> {
                if (n >= maxAttempts) {
                    yield CompletableFuture.failedFuture(cause);
                }
                ctx.log("'" + ctx.actionName() + "' did not take effect (" + r.detail() + "); attempt " + (n + 1)
                        + " of " + maxAttempts);
                yield run(ctx, attempt, n + 1);
            }
            case UNKNOWN -> CompletableFuture.completedFuture(ActionResult.failed(ctx.parameters(), cause.getMessage()
                    + "; whether it took effect cannot be told: " + r.detail()));
        };
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
