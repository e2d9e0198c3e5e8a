package dev.wisp.spi;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An app's connection to one asset, shared by all executions on that asset; must be thread-safe. */
public interface AppConnection extends AutoCloseable {

    /**
     * Executes one action. The engine calls it on a worker thread (on the run's thread when {@link #nonBlocking}),
     * may call it concurrently, and applies the block's timeout by cancelling the context. Expected failures (HTTP
     * errors, bad input) are returned as {@link ActionResult#failed}; an exception is treated as a plugin bug and
     * reported as a failed result.
     */
    CompletionStage<ActionResult> execute(ActionContext context);

    /**
     * Looks for the effect of an execution that is in doubt: the run died after it started an action that is not
     * safe to repeat ({@link ActionSpec#idempotent()} false) and before its answer was recorded. The app checks its
     * target with reads only, never by repeating the action, and says whether the effect is there
     * ({@link Reconciliation.Outcome#FOUND}, with the result the action would have returned), provably absent
     * ({@link Reconciliation.Outcome#NOT_FOUND}: running it again is safe) or unknowable
     * ({@link Reconciliation.Outcome#UNKNOWN}).
     *
     * <p>An optional capability: the default answers UNKNOWN for every action, which is always safe (the engine then
     * fails the block with the detail and lets the user decide). An app that can look overrides this for the actions
     * it can look for, and answers UNKNOWN for the others; the answer itself says which actions can be reconciled,
     * so {@link ActionSpec} carries no flag that could disagree with it. Read-only and idempotent actions are
     * simply repeated and never asked about.
     *
     * <p>Like {@link #execute}, it may be called concurrently, waits only through {@link ActionContext#delay} and
     * reports expected failures (the target unreachable, an unexpected answer) as UNKNOWN with a readable detail
     * rather than as an exception; the engine treats an exception or a failed stage as UNKNOWN too.
     *
     * @param context   the execution as it was first sent: {@link ActionContext#actionName()} and
     *                  {@link ActionContext#parameters()} are exactly those of the execution in doubt; its clock,
     *                  delays, log and cancellation work as for {@code execute}
     * @param startedAt when the execution in doubt started (from the journal), by the run's clock: effects created
     *                  before it are not this execution's
     * @return the app's answer; never {@code null}
     */
    default CompletionStage<Reconciliation> reconcile(ActionContext context, Instant startedAt) {
        return CompletableFuture.completedFuture(Reconciliation.unknown("this app cannot look for the effect of '"
                + context.actionName() + "'"));
    }

    /**
     * Whether {@link #execute} and {@link #reconcile} return without blocking the caller: they compute the answer at
     * once (a pure function of the parameters) or only start asynchronous I/O and waits through
     * {@link ActionContext#delay}, never sleeping, joining a future or reading a socket on the calling thread. The
     * engine then calls them on the run's own thread and takes an answer that is already there without any thread
     * hand-off, which is most of the cost of a short execution. The default, {@code false}, has them called on a
     * worker thread, where blocking is allowed.
     */
    default boolean nonBlocking() {
        return false;
    }

    /** Closes the connection when the run ends; the default has nothing to close. */
    @Override
    default void close() {
    }
}
