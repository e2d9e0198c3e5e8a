package dev.wisp.cado;

import java.util.List;
import java.util.Map;

/** Where a pipeline stands, from its summary counts (or its subtasks when the summary is missing). */
final class PipelineState {
    final String name;
    final boolean terminated;
    final long done;
    final long total;
    final String failure;

    private PipelineState(String name, boolean terminated, long done, long total, String failure) {
        this.name = name;
        this.terminated = terminated;
        this.done = done;
        this.total = total;
        this.failure = failure;
    }

    static PipelineState of(Map<String, Object> p) {
        long success = 0;
        long failed = 0;
        long cancelled = 0;
        long total = 0;
        String failure = null;
        List<?> subtasks = p.get("subtasks") instanceof List<?> l ? l : List.of();
        for (Object o : subtasks) {
            if (o instanceof Map<?, ?> t && t.get("state") != null) {
                switch (t.get("state").toString()) {
                    case "SUCCESS" -> success++;
                    case "FAILURE" -> {
                        failed++;
                        if (failure == null) {
                            failure = t.get("name") + (t.get("progress_text") instanceof List<?> pt && !pt.isEmpty()
                                    ? ": " + String.join(" ", pt.stream().map(String::valueOf).toList()) : "");
                        }
                    }
                    case "CANCELLED" -> cancelled++;
                    default -> {
                    }
                }
                total++;
            }
        }
        if (p.get("summary") instanceof Map<?, ?> s) {
            success = count(s, "success", success);
            failed = count(s, "failure", failed);
            cancelled = count(s, "cancelled", cancelled);
            total = count(s, "total", total);
        }
        boolean terminated = Boolean.TRUE.equals(p.get("terminated")) || "true".equals(String.valueOf(p.get("terminated")));
        String name = !terminated ? "running" : failed > 0 ? "failed" : cancelled > 0 ? "cancelled" : "succeeded";
        return new PipelineState(name, terminated, success + failed + cancelled, total, failure);
    }

    private static long count(Map<?, ?> summary, String key, long fallback) {
        return summary.get(key) instanceof Number n ? n.longValue() : fallback;
    }

    String describe() {
        return name + ", " + done + " of " + total + " subtasks done";
    }
}
