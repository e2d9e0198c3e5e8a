package dev.wisp.engine.run;

import java.util.List;
import java.util.Map;

/**
 * How a run ended.
 *
 * @param status     success, failed, cancelled, or suspended (waiting for an answer)
 * @param message    one line saying why
 * @param outputs    the playbook's declared outputs
 * @param waitingFor prompts a suspended run waits for
 */
public record RunOutcome(Status status, String message, Map<String, Object> outputs, List<String> waitingFor) {
    /** The end states of a run. */
    public enum Status {
        SUCCESS("success"),
        FAILED("failed"),
        CANCELLED("cancelled"),
        SUSPENDED("suspended");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public RunOutcome {
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        waitingFor = List.copyOf(waitingFor);
    }
}
