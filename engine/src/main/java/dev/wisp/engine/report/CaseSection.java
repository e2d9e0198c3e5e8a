package dev.wisp.engine.report;

import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.spi.ActionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's "case" section: what the run's actions did to the event's case (comments, notes, a new status...), in
 * the order they did it. Folded from the successful results that mark themselves with
 * {@link ActionResult#CASE_ACTIVITY}, whatever app they come from.
 */
final class CaseSection {
    private static final int MAX_LINE = 100;

    private CaseSection() {
    }

    /** One entry per successful execution that marked case activity; a repeated execution replaces its entry. */
    static List<Map<String, Object>> fold(List<JournalEvent> events) {
        Map<String, Map<String, Object>> byExecution = new LinkedHashMap<>();
        for (JournalEvent e : events) {
            if (!(e instanceof JournalEvent.ExecutionFinished x)) {
                continue;
            }
            String key = x.block() + "#" + x.index() + "#" + x.iteration();
            Object activity = x.result().get("summary") instanceof Map<?, ?> s ? s.get(ActionResult.CASE_ACTIVITY)
                    : null;
            if (!"success".equals(x.result().get("status")) || !(activity instanceof Map<?, ?> a)) {
                byExecution.remove(key); // a later attempt that failed did not leave the earlier one's entry
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("time", x.time().toString());
            entry.put("block", x.block());
            entry.put("execution", x.index());
            entry.put("what", String.valueOf(a.get("what")));
            entry.put("details", a.get("details") instanceof Map<?, ?> d ? d : Map.of());
            byExecution.put(key, entry);
        }
        return new ArrayList<>(byExecution.values());
    }

    /** Lines for people, or none when the run did nothing to the case. */
    static List<String> lines(Object section) {
        List<String> out = new ArrayList<>();
        if (!(section instanceof List<?> entries) || entries.isEmpty()) {
            return out;
        }
        out.add("case activity (" + entries.size() + "):");
        int width = width(entries, "what");
        int blockWidth = width(entries, "block");
        for (Object o : entries) {
            Map<?, ?> e = (Map<?, ?>) o;
            String time = String.valueOf(e.get("time"));
            String clock = time.length() >= 19 ? time.substring(11, 19) : time;
            String line = String.format("  %s  %-" + width + "s  %-" + blockWidth + "s  %s", clock, e.get("what"),
                    e.get("block"), details(e.get("details")));
            out.add(line.length() > MAX_LINE ? line.substring(0, MAX_LINE - 3) + "..." : line.stripTrailing());
        }
        return out;
    }

    private static int width(List<?> entries, String field) {
        return entries.stream().mapToInt(e -> String.valueOf(((Map<?, ?>) e).get(field)).length()).max().orElse(1);
    }

    /** {@code key: value} pairs on one line, newlines shown as spaces. */
    static String details(Object details) {
        if (!(details instanceof Map<?, ?> d)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        d.forEach((k, v) -> parts.add(k + ": " + String.valueOf(v).replace('\n', ' ')));
        return String.join(", ", parts);
    }
}
