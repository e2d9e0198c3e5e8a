package dev.wisp.spi;

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
 * @param failure   for a failed execution, whether trying again can help ({@link Failure#UNSPECIFIED} when the app
 *                  does not say); {@code null} for a success
 */
public record ActionResult(Status status, String message, Map<String, Object> parameter, List<Object> data,
                           Map<String, Object> summary, Failure failure) {

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

    public ActionResult {
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        parameter = unmodifiableCopy(parameter);
        data = data == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(data));
        summary = unmodifiableCopy(summary);
        failure = status == Status.SUCCESS ? null : failure == null ? Failure.UNSPECIFIED : failure;
    }

    /** A result that does not say whether its failure is transient (as apps wrote them before it could). */
    public ActionResult(Status status, String message, Map<String, Object> parameter, List<Object> data,
                        Map<String, Object> summary) {
        this(status, message, parameter, data, summary, null);
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

    /** The same result saying whether its failure is transient (no change for a success). */
    public ActionResult withFailure(Failure kind) {
        return new ActionResult(status, message, parameter, data, summary, kind);
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
        return new ActionResult(status, message, parameter, data, marked, failure);
    }

    public boolean succeeded() {
        return status == Status.SUCCESS;
    }
}
