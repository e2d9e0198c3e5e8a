package dev.wisp.cli.history;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One recorded run as {@code wisp runs} lists it.
 *
 * @param runId      its id (the directory's name)
 * @param playbook   the playbook's name
 * @param file       the playbook file it ran
 * @param status     success, failed, cancelled, suspended, running, or interrupted (the process died mid-run)
 * @param started    when it started
 * @param ended      when it finished or was suspended; null while running or if interrupted
 * @param waitingFor the prompts a suspended run waits for
 * @param message    the run's last word (why it failed), or null
 */
public record RunSummary(String runId, String playbook, String file, Status status, Instant started, Instant ended,
                         List<String> waitingFor, String message) {
    /** What a run is doing now. */
    public enum Status {
        SUCCESS("success"),
        FAILED("failed"),
        CANCELLED("cancelled"),
        SUSPENDED("suspended"),
        RUNNING("running"),
        INTERRUPTED("interrupted");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The status named {@code id} ({@code success}, ...). */
        public static Status of(String id) {
            for (Status s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown run status '" + id + "'");
        }

        /** Whether the run may still go on (pruning it needs --force). */
        public boolean live() {
            return switch (this) {
                case SUSPENDED, RUNNING -> true;
                case SUCCESS, FAILED, CANCELLED, INTERRUPTED -> false;
            };
        }
    }

    public RunSummary {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        waitingFor = List.copyOf(waitingFor);
    }

    /** The run's duration up to {@code now} for a run still going, else up to its end; null if unknown. */
    public Long durationMillis(Instant now) {
        if (started == null) {
            return null;
        }
        Instant end = ended != null ? ended : status == Status.RUNNING ? now : null;
        return end == null ? null : java.time.Duration.between(started, end).toMillis();
    }

    /** The shape {@code wisp runs --output json} prints for a run (documented in docs/cli.md). */
    public Map<String, Object> json(Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", runId);
        m.put("playbook", playbook);
        m.put("file", file);
        m.put("status", status.id());
        m.put("started", started == null ? null : started.toString());
        m.put("ended", ended == null ? null : ended.toString());
        m.put("duration_ms", durationMillis(now));
        m.put("waiting_for", waitingFor);
        m.put("message", message);
        return m;
    }
}
