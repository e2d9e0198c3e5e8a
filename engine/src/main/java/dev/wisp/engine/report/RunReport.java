package dev.wisp.engine.report;

import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.engine.journal.JournalEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of a run: a fold over its journal, so a resumed run's report covers both parts. Per block: status,
 * timings, executions with their results, skipped rows, ports, prompt answers; then what the run did to the
 * event's case ({@link CaseSection}); then totals.
 */
public final class RunReport {
    static final int MAX_DATA_CHARS = 64 * 1024;

    private RunReport() {
    }

    public static Map<String, Object> build(List<JournalEvent> events) {
        Map<String, Object> run = new LinkedHashMap<>();
        Map<String, Map<String, Object>> blocks = new LinkedHashMap<>();
        Map<String, Instant> blockStarted = new java.util.HashMap<>();
        // each block's results by row and iteration, in the order they last finished
        Map<String, Map<String, Map<String, Object>>> resultRows = new LinkedHashMap<>();
        Instant started = null;
        Instant ended = null;
        for (JournalEvent e : events) {
            if (e instanceof JournalEvent.RunStarted s) {
                run.put("run_id", s.runId());
                run.put("playbook", s.playbook());
                run.put("file", s.file());
                run.put("inputs", s.inputs());
                started = s.time();
                run.put("status", "running");
            } else if (e instanceof JournalEvent.RunFinished f) {
                run.put("status", f.status());
                run.put("message", f.message());
                run.put("outputs", f.outputs());
                run.remove("waiting_for");
                ended = f.time();
            } else if (e instanceof JournalEvent.RunSuspended s) {
                run.put("status", "suspended");
                run.put("waiting_for", s.waitingFor());
                ended = s.time();
            } else {
                block(blocks, blockStarted, resultRows, e);
            }
        }
        resultRows.forEach((block, rows) -> results(blocks, block).addAll(rows.values()));
        run.put("started", started == null ? null : started.toString());
        run.put("finished", ended == null ? null : ended.toString());
        run.put("duration_ms", started == null || ended == null ? null : Duration.between(started, ended).toMillis());
        run.put("blocks", blocks);
        run.put("case", CaseSection.fold(events));
        run.put("totals", totals(blocks));
        return run;
    }

    private static Map<String, Object> entry(Map<String, Map<String, Object>> blocks, String block) {
        return blocks.computeIfAbsent(block, b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", "pending");
            return m;
        });
    }

    @SuppressWarnings("unchecked")
    private static void block(Map<String, Map<String, Object>> blocks, Map<String, Instant> started,
                              Map<String, Map<String, Map<String, Object>>> resultRows,
                              JournalEvent e) {
        if (e instanceof JournalEvent.BlockStarted s) {
            Map<String, Object> b = entry(blocks, s.block());
            b.put("kind", s.kind());
            b.put("status", "running");
            b.put("started", JournalCodec.iso(s.time()));
            started.put(s.block(), s.time());
        } else if (e instanceof JournalEvent.BlockFinished f) {
            Map<String, Object> b = entry(blocks, f.block());
            b.put("status", f.status());
            b.put("finished", JournalCodec.iso(f.time()));
            if (started.get(f.block()) != null) {
                b.put("duration_ms", Duration.between(started.get(f.block()), f.time()).toMillis());
            }
            b.put("executions", f.executions());
            b.put("failed", f.failed());
            b.put("ports", f.ports());
            Map<String, Object> out = new LinkedHashMap<>(f.output());
            out.remove("results");
            out.remove("matches");
            out.remove("formatted_rows");
            Object reason = out.remove("reason");
            if (reason != null) {
                b.put("reason", reason);
            }
            if (!out.isEmpty()) {
                b.put("output", out);
            }
        } else if (e instanceof JournalEvent.BlockSkipped s) {
            Map<String, Object> b = entry(blocks, s.block());
            b.put("status", "skipped");
            b.put("reason", s.reason());
        } else if (e instanceof JournalEvent.ExecutionFinished x) {
            results(blocks, x.block()); // the key's place in the block's entry: where its first result came
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("index", x.index());
            r.put("iteration", x.iteration());
            r.put("attempt", x.attempt());
            r.put("status", x.result().get("status"));
            r.put("message", x.result().get("message"));
            r.put("parameter", x.result().get("parameter"));
            r.put("data", capped(x.result().get("data")));
            r.put("summary", x.result().get("summary"));
            if (x.result().get("failure") != null) {
                r.put("failure", x.result().get("failure")); // transient or permanent
            }
            r.put("duration_ms", x.durationMillis());
            // a later attempt of the same row and iteration replaces the earlier one, and goes to the end; the list
            // is filled from these at the end of the build (a search of the list for each result was quadratic)
            Map<String, Map<String, Object>> rows = resultRows.computeIfAbsent(x.block(), k -> new LinkedHashMap<>());
            String row = x.index() + "#" + x.iteration();
            rows.remove(row);
            rows.put(row, r);
        } else if (e instanceof JournalEvent.RowsSkipped s) {
            Map<String, Object> b = entry(blocks, s.block());
            b.put("skipped_rows", ((Number) b.getOrDefault("skipped_rows", 0)).intValue() + s.count());
            Object before = b.get("skipped_rows_reason");
            b.put("skipped_rows_reason", before == null || before.equals(s.reason()) ? s.reason()
                    : before + "; " + s.reason());
        } else if (e instanceof JournalEvent.ExecutionReconciled x) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("index", x.index());
            r.put("iteration", x.iteration());
            r.put("outcome", x.outcome());
            r.put("detail", x.detail());
            ((List<Object>) entry(blocks, x.block()).computeIfAbsent("reconciled", k -> new ArrayList<>())).add(r);
        } else if (e instanceof JournalEvent.DefaultsUsed d) {
            ((List<Object>) entry(blocks, d.block()).computeIfAbsent("defaults", k -> new ArrayList<>()))
                    .addAll(d.defaults());
        } else if (e instanceof JournalEvent.PromptEscalated x) {
            Map<String, Object> prompt = (Map<String, Object>) entry(blocks, x.block())
                    .computeIfAbsent("prompt", k -> new LinkedHashMap<>());
            prompt.put("escalated_to", x.recipients());
            prompt.put("deadline", x.deadline().toString());
        } else if (e instanceof JournalEvent.PromptAsked p) {
            Map<String, Object> prompt = new LinkedHashMap<>();
            prompt.put("message", p.message());
            prompt.put("questions", p.questions());
            prompt.put("deadline", p.deadline().toString());
            prompt.put("recipients", p.recipients());
            prompt.put("approval", p.approval());
            entry(blocks, p.block()).put("prompt", prompt);
        } else if (e instanceof JournalEvent.PromptAnswered a) {
            Map<String, Object> prompt = (Map<String, Object>) entry(blocks, a.block())
                    .computeIfAbsent("prompt", k -> new LinkedHashMap<>());
            prompt.put("responses", a.responses());
            prompt.put("respondent", a.respondent());
            prompt.put("source", a.source());
        } else if (e instanceof JournalEvent.PromptTimedOut t) {
            ((Map<String, Object>) entry(blocks, t.block()).computeIfAbsent("prompt", k -> new LinkedHashMap<>()))
                    .put("timed_out", true);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(Map<String, Map<String, Object>> blocks, String block) {
        return (List<Map<String, Object>>) entry(blocks, block).computeIfAbsent("results", k -> new ArrayList<>());
    }

    private static Object capped(Object data) {
        long length;
        try {
            length = JournalCodec.jsonLength(data);
        } catch (IllegalStateException e) {
            return String.valueOf(data);
        }
        if (length <= MAX_DATA_CHARS) {
            return data;
        }
        int items = data instanceof List<?> l ? l.size() : 1;
        return Map.of("truncated", "data of " + length + " characters (" + items
                + " items) left out of the report; it is in journal.jsonl");
    }

    private static Map<String, Object> totals(Map<String, Map<String, Object>> blocks) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("blocks", blocks.size());
        for (String s : List.of("success", "partial", "failed", "cancelled", "skipped", "running", "pending")) {
            t.put(s, blocks.values().stream().filter(b -> s.equals(b.get("status"))).count());
        }
        t.put("executions", blocks.values().stream().mapToInt(b -> ((Number) b.getOrDefault("executions", 0))
                .intValue()).sum());
        t.put("failed_executions", blocks.values().stream().mapToInt(b -> ((Number) b.getOrDefault("failed", 0))
                .intValue()).sum());
        return t;
    }

    /** A few lines for people: one per block with its status and headline, then the run's status. */
    @SuppressWarnings("unchecked")
    public static String summary(Map<String, Object> report) {
        StringBuilder b = new StringBuilder();
        Map<String, Map<String, Object>> blocks = (Map<String, Map<String, Object>>) report.get("blocks");
        int width = blocks.keySet().stream().mapToInt(String::length).max().orElse(10);
        List<?> waiting = report.get("waiting_for") instanceof List<?> w ? w : List.of();
        blocks.forEach((name, m) -> {
            String status = String.valueOf(m.get("status"));
            String detail;
            if (waiting.contains(name) && "running".equals(status)) {
                status = "waiting";
                detail = "for an answer";
            } else if ("skipped".equals(status) || m.get("reason") != null) {
                detail = String.valueOf(m.get("reason"));
            } else if (m.get("output") instanceof Map<?, ?> out && out.get("note") != null) {
                detail = String.valueOf(out.get("note"));
            } else if (m.get("results") instanceof List<?> rs && !rs.isEmpty()) {
                List<String> messages = new ArrayList<>();
                for (Object r : rs) {
                    String msg = String.valueOf(((Map<?, ?>) r).get("message"));
                    if (!messages.contains(msg) && messages.size() < 3) {
                        messages.add(msg);
                    }
                }
                detail = (rs.size() > 1 ? rs.size() + " executions: " : "") + String.join("; ", messages)
                        + (rs.size() > messages.size() && rs.size() > 1 ? "; ..." : "");
            } else if (m.get("prompt") instanceof Map<?, ?> p && p.get("responses") != null) {
                detail = "answered " + p.get("responses");
            } else if (m.get("output") instanceof Map<?, ?> out && out.get("branch") != null) {
                detail = "took " + out.get("branch");
            } else if (m.get("output") instanceof Map<?, ?> out && out.get("formatted_data") != null) {
                detail = String.valueOf(out.get("formatted_data")).replace('\n', ' ');
            } else if (Integer.valueOf(0).equals(m.get("executions"))) {
                detail = "no executions";
            } else {
                detail = m.get("ports") == null ? "" : "ports " + m.get("ports");
            }
            if (m.get("skipped_rows") != null) {
                detail += " (" + m.get("skipped_rows") + " rows skipped: " + m.get("skipped_rows_reason") + ")";
            }
            b.append(String.format("  %-9s %-" + width + "s  %s", status, name, detail).stripTrailing()).append('\n');
        });
        CaseSection.lines(report.get("case")).forEach(line -> b.append(line).append('\n'));
        b.append("run ").append(report.get("run_id")).append(": ").append(report.get("status"));
        if (report.get("message") != null && !"finished".equals(report.get("message"))) {
            b.append(" (").append(report.get("message")).append(')');
        }
        if (report.get("waiting_for") != null) {
            b.append(": waiting for ").append(report.get("waiting_for"));
        }
        return b.append('\n').toString();
    }
}
