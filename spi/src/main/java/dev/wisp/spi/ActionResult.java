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
 */
public record ActionResult(Status status, String message, Map<String, Object> parameter, List<Object> data,
                           Map<String, Object> summary) {

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

    public boolean succeeded() {
        return status == Status.SUCCESS;
    }
}
