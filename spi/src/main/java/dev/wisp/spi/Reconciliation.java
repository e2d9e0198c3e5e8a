package dev.wisp.spi;

import java.util.Objects;

/**
 * An app's answer about an execution that is in doubt: it started an action that is not safe to repeat, and the run
 * died before the answer was recorded. The app looked for the action's effect on its target and says what it found.
 * See {@link AppConnection#reconcile(ActionContext, java.time.Instant)}.
 *
 * @param outcome whether the effect was found, provably absent, or cannot be told
 * @param result  for {@link Outcome#FOUND}, what the action would have returned (the same data paths as a normal
 *                result, so downstream blocks read it unchanged); {@code null} otherwise
 * @param detail  one or more sentences for the user: what was looked for, what was seen and, when the answer is
 *                {@link Outcome#UNKNOWN}, what may have happened and what to check; never a secret
 */
public record Reconciliation(Outcome outcome, ActionResult result, String detail) {

    /** What the app found when it looked for the effect of an execution in doubt. */
    public enum Outcome {
        /** The effect is there: the execution finishes with {@link Reconciliation#result()}. */
        FOUND,
        /** The effect provably did not happen, so running the action again is safe. */
        NOT_FOUND,
        /** The app cannot tell; a person has to look and decide. */
        UNKNOWN
    }

    /**
     * Checks the combination: a FOUND answer carries a successful result, the others carry none, and every answer
     * has a detail.
     */
    public Reconciliation {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        if (outcome == Outcome.FOUND && (result == null || !result.succeeded())) {
            throw new IllegalArgumentException("a FOUND reconciliation needs the successful result it found");
        }
        if (outcome != Outcome.FOUND && result != null) {
            throw new IllegalArgumentException("only a FOUND reconciliation carries a result, not " + outcome);
        }
    }

    /**
     * The effect is there.
     *
     * @param result what the action would have returned; its {@link ActionResult#message()} becomes the detail
     * @return a {@link Outcome#FOUND} answer
     */
    public static Reconciliation found(ActionResult result) {
        Objects.requireNonNull(result, "result");
        return new Reconciliation(Outcome.FOUND, result, result.message());
    }

    /**
     * The effect provably did not happen: running the action again is safe.
     *
     * @param detail what was looked for and not found
     * @return a {@link Outcome#NOT_FOUND} answer
     */
    public static Reconciliation notFound(String detail) {
        return new Reconciliation(Outcome.NOT_FOUND, null, detail);
    }

    /**
     * The app cannot tell whether the effect happened.
     *
     * @param detail what may have happened and what the user should check to decide
     * @return an {@link Outcome#UNKNOWN} answer
     */
    public static Reconciliation unknown(String detail) {
        return new Reconciliation(Outcome.UNKNOWN, null, detail);
    }
}
