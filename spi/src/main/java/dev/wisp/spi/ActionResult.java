package dev.wisp.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one execution of an action, shaped as SOAR's {@code action_result}: data paths such as
 * {@code block:action_result.data.*.id} read from it. Values are JSON-like JDK types: {@code String},
 * {@code Number}, {@code Boolean}, {@code Map<String, ?>}, {@code List<?>} and {@code null}.
 *
 * @param status    success or failed
 * @param message   a one-line human summary ("Created project 7", "HTTP 401: token rejected")
 * @param parameter the parameters this execution actually used
 * @param data      the data items the action produced
 * @param summary   a small object of counts and headline values
 * @param failure      for a failed execution, whether trying again can help ({@link Failure#UNSPECIFIED} when the
 *                     app does not say); {@code null} for a success
 * @param continuation {@code null} for a result (the execution is over); else the execution is not done yet and
 *                     this says when to run its next step and with what state ({@link #continueAfter})
 */
public record ActionResult(Status status, String message, Map<String, Object> parameter, List<Object> data,
                           Map<String, Object> summary, Failure failure, Continuation continuation) {

    /**
     * The one summary key with a meaning to the engine: a successful result whose summary has it says what the action
     * did to the event's case (a comment, a note, a new status). Its value is an object with {@code what} (the kind
     * of activity, such as {@code add comment}) and {@code details} (what was written); the run report lists these
     * in order as the run's case activity. Set it with {@link #withCaseActivity}.
     */
    public static final String CASE_ACTIVITY = "case_activity";

    /**
     * Whether a failure may go away by itself. The engine's {@code retry} repeats transient and unspecified failures
     * of actions that are safe to repeat, never permanent ones.
     */
    public enum Failure {
        /** A passing fault: a timeout, a 429 or 5xx, a lost connection. Trying again later can help. */
        TRANSIENT("transient"),
        /** A mistake that stays: bad input, a 4xx, a refused credential. Trying again cannot help. */
        PERMANENT("permanent"),
        /** The app does not say (apps written before this distinction, unexpected errors). */
        UNSPECIFIED("unspecified");

        private final String id;

        Failure(String id) {
            this.id = id;
        }

        /** The value shown in journals and reports. */
        public String id() {
            return id;
        }

        /** Parses {@link #id()}; unknown or missing names are {@link #UNSPECIFIED}. */
        public static Failure fromId(Object id) {
            for (Failure f : values()) {
                if (f.id.equals(id)) {
                    return f;
                }
            }
            return UNSPECIFIED;
        }
    }

    /** Whether the execution succeeded. */
    public enum Status {
        SUCCESS("success"),
        FAILED("failed");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        /** The value of {@code action_result.status}. */
        public String id() {
            return id;
        }
    }

    /**
     * An execution that is not done yet: the engine runs the same execution again (its next step) after
     * {@code after}, and that step sees {@code state} as {@link ActionContext#state()}. Between steps nothing runs and
     * no thread waits: the embedded engine sets a timer of the run, a Temporal workflow a durable timer, and a run
     * that stops (a crash, a worker lost) continues from the last step's state in its journal.
     *
     * <p>The data items of a step that continues are kept: the execution's final result has every step's data
     * items, in order, before its own. Keep {@code state} small (counters, times, a cursor): it is written to the
     * journal at every step, redacted like every value.
     *
     * @param after when to run the next step, counted from the end of this one (zero: at once)
     * @param state what the next step needs (JSON-like JDK values)
     */
    public record Continuation(Duration after, Map<String, Object> state) {
        public Continuation {
            Objects.requireNonNull(after, "after");
            if (after.isNegative()) {
                throw new IllegalArgumentException("a continuation cannot be due in the past: " + after);
            }
            state = unmodifiableCopy(state);
        }
    }

    public ActionResult {
        Objects.requireNonNull(status, "status");
        if (continuation != null && status != Status.SUCCESS) {
            throw new IllegalArgumentException("only a step that succeeded can continue; a failed step is a result");
        }
        message = message == null ? "" : message;
        parameter = unmodifiableCopy(parameter);
        data = data == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(data));
        summary = unmodifiableCopy(summary);
        failure = status == Status.SUCCESS ? null : failure == null ? Failure.UNSPECIFIED : failure;
    }

    /** A result that does not say whether its failure is transient (as apps wrote them before it could). */
    public ActionResult(Status status, String message, Map<String, Object> parameter, List<Object> data,
                        Map<String, Object> summary) {
        this(status, message, parameter, data, summary, null, null);
    }

    /** A result (not a continuation) that says whether its failure is transient. */
    public ActionResult(Status status, String message, Map<String, Object> parameter, List<Object> data,
                        Map<String, Object> summary, Failure failure) {
        this(status, message, parameter, data, summary, failure, null);
    }

    private static Map<String, Object> unmodifiableCopy(Map<String, Object> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public static ActionResult success(Map<String, Object> parameter, List<Object> data, Map<String, Object> summary,
                                       String message) {
        return new ActionResult(Status.SUCCESS, message, parameter, data, summary);
    }

    public static ActionResult failed(Map<String, Object> parameter, String message) {
        return new ActionResult(Status.FAILED, message, parameter, List.of(), Map.of());
    }

    /** A failed result that says whether trying again can help. */
    public static ActionResult failed(Map<String, Object> parameter, String message, Failure failure) {
        return new ActionResult(Status.FAILED, message, parameter, List.of(), Map.of(), failure);
    }

    /**
     * Not done yet: run this execution again after {@code after}, its next step seeing {@code state} as
     * {@link ActionContext#state()}. Only an action whose spec says it continues ({@link ActionSpec#continues()})
     * may answer this; the engine fails the execution of any other that does. Each step must be safe to repeat: a
     * run that stopped during one runs it again. See {@link Continuation}.
     *
     * @param after   when to run the next step, from the end of this one
     * @param state   what the next step needs: small JSON-like values
     * @param message where the work stands ("pipeline 6: running, 3 of 8 subtasks done"), for the journal
     */
    public static ActionResult continueAfter(Duration after, Map<String, Object> state, String message) {
        return new ActionResult(Status.SUCCESS, message, Map.of(), List.of(), Map.of(), null,
                new Continuation(after, state));
    }

    /** The same result with these data items (a continuation's are kept for the execution's final result). */
    public ActionResult withData(List<Object> items) {
        return new ActionResult(status, message, parameter, items, summary, failure, continuation);
    }

    /** Whether this is a continuation: the execution is not done yet ({@link #continueAfter}). */
    public boolean continues() {
        return continuation != null;
    }

    /** The same result saying whether its failure is transient (no change for a success). */
    public ActionResult withFailure(Failure kind) {
        return new ActionResult(status, message, parameter, data, summary, kind, continuation);
    }

    /**
     * The same result marked as activity on the event's case ({@link #CASE_ACTIVITY}); the details are copied.
     *
     * @param what    the kind of activity, such as {@code add comment}
     * @param details what was written (JSON-like values)
     */
    public ActionResult withCaseActivity(String what, Map<String, Object> details) {
        Objects.requireNonNull(what, "what");
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("what", what);
        activity.put("details", unmodifiableCopy(details));
        Map<String, Object> marked = new LinkedHashMap<>(summary);
        marked.put(CASE_ACTIVITY, Collections.unmodifiableMap(activity));
        return new ActionResult(status, message, parameter, data, marked, failure, continuation);
    }

    public boolean succeeded() {
        return status == Status.SUCCESS;
    }
}
