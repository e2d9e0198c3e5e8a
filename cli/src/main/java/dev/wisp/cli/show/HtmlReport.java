package dev.wisp.cli.show;

import dev.wisp.dsl.graph.PlaybookGraph;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.spi.ActionSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A run as one self-contained HTML page that works offline: the playbook's graph coloured by what happened, a
 * timeline, then each block with its executions (parameters and results through the app's views), prompts and
 * approvals with who answered, skipped blocks with why, and failures. Everything it needs is inline; it asks no
 * server for anything. Values come from the run's report and journal, where secrets are already masked.
 *
 * <p>Large runs stay usable: a block's executions are listed in pages of {@link #PAGE} (a few lines of inline
 * script page through them), and only the first {@link #DETAILED} executions of a block carry their full views.
 */
public final class HtmlReport {
    static final int PAGE = 50;
    static final int DETAILED = 50;
    private static final int TIMELINE_TICKS = 200;
    private static final int LOG_LINES = 50;
    private Map<String, List<JournalEvent.Log>> logs;
    private List<String> order;

    private final Map<String, Object> report;
    private final List<JournalEvent> events;
    private final Playbook playbook;
    private final Function<String, ActionSpec> specs;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    /**
     * @param report   the run's report
     * @param events   its journal (for the timeline of executions)
     * @param playbook the playbook as the run ran it, or null when it cannot be read (the page says so)
     * @param specs    the action spec of an action block by its name, or null
     */
    private HtmlReport(Map<String, Object> report, List<JournalEvent> events, Playbook playbook,
                       Function<String, ActionSpec> specs) {
        this.report = report;
        this.events = events;
        this.playbook = playbook;
        this.specs = specs;
    }

    public static String render(Map<String, Object> report, List<JournalEvent> events, Playbook playbook,
                                Function<String, ActionSpec> specs) {
        return new HtmlReport(report, events, playbook, specs).page();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> blocks() {
        return (Map<String, Map<String, Object>>) report.getOrDefault("blocks", Map.of());
    }

    private String page() {
        String title = "Wisp run " + report.get("run_id") + ": " + report.get("playbook");
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                // nothing may be fetched: inline styles and scripts only, no images, fonts or frames from anywhere
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                        + "'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">")
                .append("<title>").append(Html.text(title)).append("</title><style>").append(CSS)
                .append("</style></head><body>");
        header();
        graph();
        timeline();
        io();
        caseActivity();
        out.append("<section id=\"blocks\"><h2>Blocks</h2>");
        for (String name : order()) {
            block(name, blocks().get(name));
        }
        out.append("</section>");
        out.append("<footer>Made by <code>wisp show --html</code> from the run's journal and report; values the "
                + "run masked show as <code>***</code>.</footer>");
        out.append("<script>").append(SCRIPT).append("</script></body></html>\n");
        return out.toString();
    }

    private void header() {
        String status = String.valueOf(report.get("status"));
        out.append("<header><h1>").append(Html.text(String.valueOf(report.get("playbook")))).append(" <span class=\"badge ")
                .append(Html.attr(status)).append("\">").append(Html.text(status)).append("</span></h1><dl class=\"meta\">");
        meta("Run", report.get("run_id"));
        meta("Playbook file", report.get("file"));
        meta("Started", report.get("started"));
        meta("Ended", report.get("finished"));
        if (report.get("duration_ms") instanceof Number n) {
            meta("Duration", duration(n.longValue()));
        }
        if (report.get("message") != null && !"finished".equals(report.get("message"))) {
            meta("Message", report.get("message"));
        }
        if (report.get("waiting_for") != null) {
            meta("Waiting for", String.join(", ", strings(report.get("waiting_for"))));
        }
        if (report.get("totals") instanceof Map<?, ?> t) {
            meta("Blocks", t.get("blocks") + " (" + t.get("success") + " succeeded, " + t.get("failed") + " failed, "
                    + t.get("skipped") + " skipped)");
            meta("Executions", t.get("executions") + " (" + t.get("failed_executions") + " failed)");
        }
        out.append("</dl></header>");
    }

    private void meta(String label, Object value) {
        if (value != null && !String.valueOf(value).isEmpty()) {
            out.append("<dt>").append(Html.text(label)).append("</dt><dd>").append(Html.text(String.valueOf(value)))
                    .append("</dd>");
        }
    }

    private void graph() {
        out.append("<section id=\"graph\"><h2>Graph</h2>");
        if (playbook == null) {
            out.append("<p class=\"note\">The playbook this run ran cannot be read, so its graph is not drawn.</p>");
        } else {
            Map<String, String> statuses = new HashMap<>();
            Map<String, Collection<String>> ports = new HashMap<>();
            blocks().forEach((name, b) -> {
                statuses.put(name, String.valueOf(b.get("status")));
                ports.put(name, strings(b.get("ports")));
            });
            if ("success".equals(report.get("status"))) {
                statuses.put("end", "success");
            }
            out.append("<div class=\"scroll\">").append(GraphSvg.svg(playbook, statuses, ports)).append("</div>");
            out.append("<p class=\"legend\">").append(legend()).append("</p>");
        }
        out.append("</section>");
    }

    private static String legend() {
        StringBuilder b = new StringBuilder();
        for (String s : List.of("success", "partial", "failed", "running", "skipped", "pending")) {
            b.append("<span class=\"badge ").append(s).append("\">").append(s).append("</span> ");
        }
        return b.append("solid edges were taken").toString();
    }

    private void timeline() {
        Instant start = instant(report.get("started"));
        Instant end = instant(report.get("finished"));
        if (start == null) {
            return;
        }
        Map<String, List<long[]>> ticks = executionTimes(start);
        long last = end == null ? 0 : Duration.between(start, end).toMillis();
        for (Map<String, Object> b : blocks().values()) {
            Instant f = instant(b.get("finished"));
            if (f != null) {
                last = Math.max(last, Duration.between(start, f).toMillis());
            }
        }
        long span = Math.max(1, last);
        out.append("<section id=\"timeline\"><h2>Timeline</h2><p class=\"note\">0 to ").append(duration(span))
                .append(" after the start.</p><table class=\"timeline\">");
        for (String name : order()) {
            Map<String, Object> b = blocks().get(name);
            Instant s = instant(b.get("started"));
            if (s == null) {
                continue;
            }
            Instant f = instant(b.get("finished"));
            long from = Duration.between(start, s).toMillis();
            long to = f == null ? span : Duration.between(start, f).toMillis();
            String status = String.valueOf(b.get("status"));
            out.append("<tr><th><a href=\"#block-").append(Html.attr(name)).append("\">").append(Html.text(name))
                    .append("</a></th><td><div class=\"lane\"><div class=\"bar ").append(Html.attr(status))
                    .append("\" style=\"left:").append(pct(from, span)).append("%;width:")
                    .append(Math.max(0.3, pct(to - from, span))).append("%\" title=\"")
                    .append(Html.attr(name + ": " + status + ", " + duration(to - from))).append("\"></div>");
            List<long[]> xs = ticks.getOrDefault(name, List.of());
            if (xs.size() <= TIMELINE_TICKS) {
                for (long[] x : xs) {
                    out.append("<div class=\"tick\" style=\"left:").append(pct(x[0], span)).append("%;width:")
                            .append(Math.max(0.15, pct(x[1] - x[0], span))).append("%\"></div>");
                }
            }
            out.append("</div></td><td class=\"num\">").append(duration(to - from)).append("</td></tr>");
        }
        out.append("</table></section>");
    }

    /** Each block's executions as [start, end] in milliseconds after the run's start. */
    private Map<String, List<long[]>> executionTimes(Instant start) {
        Map<String, List<long[]>> out = new HashMap<>();
        Map<String, Instant> open = new HashMap<>();
        for (JournalEvent e : events) {
            if (e instanceof JournalEvent.ExecutionStarted s) {
                open.put(s.block() + "#" + s.index() + "#" + s.iteration(), s.time());
            } else if (e instanceof JournalEvent.ExecutionFinished f) {
                Instant s = open.remove(f.block() + "#" + f.index() + "#" + f.iteration());
                if (s != null) {
                    out.computeIfAbsent(f.block(), k -> new ArrayList<>()).add(new long[] {
                            Duration.between(start, s).toMillis(), Duration.between(start, f.time()).toMillis()});
                }
            }
        }
        return out;
    }

    private void io() {
        boolean inputs = report.get("inputs") instanceof Map<?, ?> i && !i.isEmpty();
        boolean outputs = report.get("outputs") instanceof Map<?, ?> o && !o.isEmpty();
        if (!inputs && !outputs) {
            return;
        }
        out.append("<section id=\"io\"><h2>Inputs and outputs</h2>");
        if (inputs) {
            keyValues("Inputs", (Map<?, ?>) report.get("inputs"));
        }
        if (outputs) {
            keyValues("Outputs", (Map<?, ?>) report.get("outputs"));
        }
        out.append("</section>");
    }

    /** What the run did to the event's case, in order (the report's "case" section), when it did anything. */
    private void caseActivity() {
        if (!(report.get("case") instanceof List<?> entries) || entries.isEmpty()) {
            return;
        }
        out.append("<section id=\"case\"><h2>Case activity</h2><table class=\"case\"><tr><th>Time</th>"
                + "<th>Block</th><th>What</th><th>Details</th></tr>");
        for (Object o : entries) {
            Map<?, ?> e = (Map<?, ?>) o;
            String block = String.valueOf(e.get("block"));
            out.append("<tr><td>").append(Html.text(String.valueOf(e.get("time")))).append("</td><td><a href=\"#block-")
                    .append(Html.attr(block)).append("\">").append(Html.text(block)).append("</a></td><td>")
                    .append(Html.text(String.valueOf(e.get("what")))).append("</td><td>")
                    .append(Html.text(parameters(e.get("details")))).append("</td></tr>");
        }
        out.append("</table></section>");
    }

    private void keyValues(String title, Map<?, ?> m) {
        out.append("<h3>").append(Html.text(title)).append("</h3><table class=\"kv\">");
        m.forEach((k, v) -> out.append("<tr><th>").append(Html.text(String.valueOf(k))).append("</th><td>")
                .append(Html.text(Views.format(v, dev.wisp.spi.View.Format.TEXT))).append("</td></tr>"));
        out.append("</table>");
    }

    /** The blocks in graph order (the playbook's topological order where there is one), then any others. */
    private List<String> order() {
        if (order != null) {
            return order;
        }
        List<String> names = new ArrayList<>();
        if (playbook != null) {
            new PlaybookGraph(playbook).topologicalOrder().ifPresent(o -> o.stream()
                    .filter(blocks()::containsKey).forEach(names::add));
        }
        java.util.Set<String> placed = new java.util.HashSet<>(names);
        blocks().keySet().stream().filter(n -> !placed.contains(n)).forEach(names::add);
        order = List.copyOf(names);
        return order;
    }

    @SuppressWarnings("unchecked")
    private void block(String name, Map<String, Object> b) {
        String status = String.valueOf(b.get("status"));
        Block declared = playbook == null ? null : playbook.blocks().get(name);
        String kind = declared != null ? declared.kind() : String.valueOf(b.getOrDefault("kind", ""));
        boolean open = !"success".equals(status) && !"skipped".equals(status);
        out.append("<details class=\"block ").append(Html.attr(status)).append("\" id=\"block-").append(Html.attr(name))
                .append('"').append(open ? " open" : "").append("><summary><span class=\"badge ")
                .append(Html.attr(status)).append("\">").append(Html.text(status)).append("</span> <b>")
                .append(Html.text(name)).append("</b> <span class=\"kind\">").append(Html.text(kind));
        if (declared instanceof Block.ActionBlock a) {
            out.append(": ").append(Html.text(a.action()));
        }
        out.append("</span>");
        if (b.get("duration_ms") instanceof Number n) {
            out.append(" <span class=\"dur\">").append(duration(n.longValue())).append("</span>");
        }
        out.append("</summary>");
        if (b.get("reason") != null) {
            out.append("<p class=\"reason ").append("skipped".equals(status) ? "skip" : "fail").append("\">")
                    .append(Html.text(String.valueOf(b.get("reason")))).append("</p>");
        }
        if (b.get("skipped_rows") != null) {
            out.append("<p class=\"reason skip\">").append(b.get("skipped_rows")).append(" rows not run: ")
                    .append(Html.text(String.valueOf(b.get("skipped_rows_reason")))).append("</p>");
        }
        if (b.get("prompt") instanceof Map<?, ?> p) {
            prompt((Map<String, Object>) p);
        }
        if (b.get("output") instanceof Map<?, ?> o && !o.isEmpty()) {
            keyValues("Output", o);
        }
        if (b.get("defaults") instanceof List<?> d && !d.isEmpty()) {
            out.append("<h3>Defaults used</h3><table><tr><th>parameter</th><th>value</th><th>from</th>"
                    + "<th>rows</th></tr>");
            for (Object x : d) {
                Map<?, ?> m = (Map<?, ?>) x;
                out.append("<tr><td>").append(Html.text(String.valueOf(m.get("parameter")))).append("</td><td>")
                        .append(Html.text(Views.format(m.get("value"), dev.wisp.spi.View.Format.TEXT)))
                        .append("</td><td>").append(Html.text(String.valueOf(m.get("source")))).append("</td><td>")
                        .append(Html.text(String.valueOf(m.get("rows")))).append("</td></tr>");
            }
            out.append("</table>");
        }
        if (b.get("reconciled") instanceof List<?> r && !r.isEmpty()) {
            out.append("<h3>Looked for after a crash</h3><ul>");
            for (Object x : r) {
                Map<?, ?> m = (Map<?, ?>) x;
                out.append("<li>execution ").append(m.get("index")).append(": <b>")
                        .append(Html.text(String.valueOf(m.get("outcome")))).append("</b> ")
                        .append(Html.text(String.valueOf(m.get("detail")))).append("</li>");
            }
            out.append("</ul>");
        }
        List<JournalEvent.Log> lines = logs().getOrDefault(name, List.of());
        if (!lines.isEmpty()) {
            out.append("<h3>Activity</h3><ul class=\"log\">");
            lines.stream().limit(LOG_LINES).forEach(l -> out.append("<li><time>").append(Html.text(l.time().toString()))
                    .append("</time> ").append(Html.text(l.message())).append("</li>"));
            if (lines.size() > LOG_LINES) {
                out.append("<li class=\"note\">").append(lines.size() - LOG_LINES)
                        .append(" more lines in the journal (wisp show --journal)</li>");
            }
            out.append("</ul>");
        }
        if (b.get("results") instanceof List<?> results && !results.isEmpty()
                && !(declared instanceof Block.PromptBlock)) {
            executions(name, declared instanceof Block.ActionBlock a ? specs.apply(name) : null,
                    (List<Map<String, Object>>) results);
        }
        out.append("</details>");
    }

    /** The lines each block logged (debug values, retries, what a resume did), from the journal. */
    private Map<String, List<JournalEvent.Log>> logs() {
        if (logs == null) {
            logs = new HashMap<>();
            for (JournalEvent e : events) {
                if (e instanceof JournalEvent.Log l && l.block() != null) {
                    logs.computeIfAbsent(l.block(), k -> new ArrayList<>()).add(l);
                }
            }
        }
        return logs;
    }

    private void prompt(Map<String, Object> p) {
        boolean approval = Boolean.TRUE.equals(p.get("approval"));
        out.append("<div class=\"prompt\"><h3>").append(approval ? "Approval" : "Prompt").append("</h3>");
        if (p.get("message") != null) {
            out.append("<blockquote>").append(Html.text(String.valueOf(p.get("message")))).append("</blockquote>");
        }
        if (p.get("questions") instanceof List<?> qs && !qs.isEmpty()) {
            List<String> answers = strings(p.get("responses"));
            out.append("<table><tr><th>question</th><th>type</th><th>answer</th></tr>");
            for (int i = 0; i < qs.size(); i++) {
                Map<?, ?> q = qs.get(i) instanceof Map<?, ?> m ? m : Map.of();
                out.append("<tr><td>").append(Html.text(String.valueOf(q.get("prompt")))).append("</td><td>")
                        .append(Html.text(String.valueOf(q.get("type") == null ? "" : q.get("type")))).append("</td><td>")
                        .append(Html.text(i < answers.size() ? answers.get(i) : "")).append("</td></tr>");
            }
            out.append("</table>");
        }
        out.append("<dl class=\"meta\">");
        meta("Asked", p.get("recipients") == null ? null : String.join(", ", strings(p.get("recipients"))));
        meta("Deadline", p.get("deadline"));
        meta("Escalated to", p.get("escalated_to") == null ? null : String.join(", ", strings(p.get("escalated_to"))));
        meta("Answered by", p.get("respondent"));
        meta("Answered with", p.get("source"));
        if (Boolean.TRUE.equals(p.get("timed_out"))) {
            meta("Timed out", "yes: nobody answered before the deadline");
        }
        out.append("</dl></div>");
    }

    private void executions(String block, ActionSpec spec, List<Map<String, Object>> results) {
        String id = "x-" + Integer.toHexString(block.hashCode());
        out.append("<h3>Executions (").append(results.size()).append(")</h3><table class=\"execs\" id=\"")
                .append(id).append("\" data-page=\"").append(PAGE).append("\"><tr><th>#</th><th>status</th>"
                        + "<th>parameters</th><th>message</th><th class=\"num\">time</th></tr>");
        for (int i = 0; i < results.size(); i++) {
            Map<String, Object> r = results.get(i);
            String status = String.valueOf(r.get("status"));
            out.append("<tr class=\"row\"").append(i >= PAGE ? " hidden" : "").append("><td class=\"num\">")
                    .append(r.get("index")).append(iteration(r)).append("</td><td><span class=\"badge ")
                    .append(Html.attr(status)).append("\">").append(Html.text(status)).append("</span></td><td>")
                    .append(Html.text(parameters(r.get("parameter")))).append("</td><td>")
                    .append(Html.text(String.valueOf(r.getOrDefault("message", "")))).append("</td><td class=\"num\">")
                    .append(r.get("duration_ms") instanceof Number n ? duration(n.longValue()) : "")
                    .append("</td></tr>");
        }
        out.append("</table>");
        if (results.size() > PAGE) {
            out.append("<p class=\"pager\" data-for=\"").append(id).append("\"></p>");
        }
        int detailed = Math.min(DETAILED, results.size());
        for (int i = 0; i < detailed; i++) {
            Map<String, Object> r = results.get(i);
            List<Shown> views = Views.of(spec, r);
            if (views.isEmpty()) {
                continue;
            }
            out.append("<details class=\"views\"").append(results.size() == 1 ? " open" : "").append("><summary>")
                    .append("Results of execution ").append(r.get("index")).append(iteration(r)).append("</summary>");
            views.forEach(this::view);
            out.append("</details>");
        }
        if (results.size() > detailed) {
            out.append("<p class=\"note\">The results of the other ").append(results.size() - detailed)
                    .append(" executions are in the run's report.json.</p>");
        }
    }

    private static String iteration(Map<String, Object> r) {
        return r.get("iteration") instanceof Number n && n.intValue() > 0 ? " (iteration " + n + ")" : "";
    }

    private void view(Shown shown) {
        if (shown instanceof Shown.Table t) {
            out.append("<table class=\"view\"><caption>").append(Html.text(t.title())).append("</caption><tr>");
            t.headers().forEach(h -> out.append("<th>").append(Html.text(h)).append("</th>"));
            out.append("</tr>");
            for (List<String> row : t.rows()) {
                out.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    String v = row.get(i);
                    out.append(t.states().get(i) ? "<td><span class=\"state " + Html.attr(stateClass(v)) + "\">"
                            + Html.text(v) + "</span></td>" : "<td>" + Html.text(v) + "</td>");
                }
                out.append("</tr>");
            }
            out.append("</table>");
        } else if (shown instanceof Shown.Summary s) {
            out.append("<table class=\"view kv\"><caption>").append(Html.text(s.title())).append("</caption>");
            for (int i = 0; i < s.labels().size(); i++) {
                out.append("<tr><th>").append(Html.text(s.labels().get(i))).append("</th><td>")
                        .append(Html.text(s.values().get(i))).append("</td></tr>");
            }
            out.append("</table>");
        } else if (shown instanceof Shown.Progress p) {
            out.append("<div class=\"view progress\"><span>").append(Html.text(p.title())).append("</span> <meter min=\"0\" max=\"")
                    .append(p.total()).append("\" value=\"").append(p.done()).append("\"></meter> ")
                    .append(Views.format(p.done(), dev.wisp.spi.View.Format.NUMBER)).append(" / ")
                    .append(Views.format(p.total(), dev.wisp.spi.View.Format.NUMBER)).append("</div>");
        }
    }

    /** A state's colour class: finished well, failed, or still going. */
    static String stateClass(String v) {
        String s = v.toLowerCase(java.util.Locale.ROOT);
        if (s.matches(".*(success|succeeded|complete|completed|done|ok|running|available|active).*")) {
            return "good";
        }
        if (s.matches(".*(fail|error|terminated|stopped|cancel|denied|rejected).*")) {
            return "bad";
        }
        return "neutral";
    }

    private static String parameters(Object p) {
        if (!(p instanceof Map<?, ?> m) || m.isEmpty()) {
            return "";
        }
        Map<String, String> shown = new LinkedHashMap<>();
        m.forEach((k, v) -> shown.put(String.valueOf(k), Views.format(v, dev.wisp.spi.View.Format.TEXT)));
        String s = String.join(", ", shown.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        return s.length() > 300 ? s.substring(0, 299) + "…" : s;
    }

    private static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            c.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    private static Instant instant(Object v) {
        try {
            return v == null ? null : Instant.parse(String.valueOf(v));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static double pct(long part, long whole) {
        return Math.round(10000.0 * part / whole) / 100.0;
    }

    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return Views.seconds(millis / 1000);
    }

    private static final String CSS = """
            :root{--ok:#1e7e34;--okbg:#d4edda;--bad:#b02a37;--badbg:#f8d7da;--part:#8a6d00;--partbg:#fff3cd;\
            --run:#0a58ca;--runbg:#cfe2ff;--skip:#555;--skipbg:#e2e3e5;--line:#d0d4d9}
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1200px;\
            padding:16px 24px;color:#1d2125;background:#fff}
            h1{font-size:22px;margin:4px 0}h2{font-size:17px;border-bottom:1px solid var(--line);padding-bottom:4px;\
            margin-top:28px}h3{font-size:14px;margin:14px 0 6px}
            .meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0}.meta dt{color:#555}\
            .meta dd{margin:0}
            .badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:12px;background:var(--skipbg);\
            color:var(--skip);vertical-align:middle}
            .success{--c:var(--ok);--bg:var(--okbg)}.failed,.cancelled{--c:var(--bad);--bg:var(--badbg)}\
            .partial{--c:var(--part);--bg:var(--partbg)}.running,.suspended{--c:var(--run);--bg:var(--runbg)}\
            .skipped,.pending{--c:var(--skip);--bg:var(--skipbg)}
            .badge.success,.badge.failed,.badge.cancelled,.badge.partial,.badge.running,.badge.suspended,\
            .badge.skipped,.badge.pending{background:var(--bg);color:var(--c)}
            .scroll{overflow:auto;max-height:80vh;max-width:100%;display:inline-block;border:1px solid var(--line);\
            border-radius:6px}
            svg.graph text{font:12px system-ui,sans-serif;text-anchor:middle;fill:#1d2125}
            svg.graph .node rect{fill:#fff;stroke:#8c959f;stroke-width:1.2}
            svg.graph .node.success rect{fill:var(--okbg);stroke:var(--ok)}svg.graph .node.failed rect,\
            svg.graph .node.cancelled rect{fill:var(--badbg);stroke:var(--bad)}svg.graph .node.partial rect{fill:\
            var(--partbg);stroke:var(--part)}svg.graph .node.running rect{fill:var(--runbg);stroke:var(--run)}\
            svg.graph .node.skipped rect{fill:var(--skipbg);stroke:#adb5bd;stroke-dasharray:4 3}\
            svg.graph .node.terminal rect{fill:#f1f3f5}
            svg.graph .edge{fill:none;stroke:#adb5bd;stroke-width:1.2;stroke-dasharray:5 4}\
            svg.graph .edge.taken{stroke:#343a40;stroke-width:1.8;stroke-dasharray:none}\
            svg.graph .port{font-size:11px;fill:#6c757d;text-anchor:start}svg.graph .port.taken{fill:#1d2125;\
            font-weight:600}svg.graph marker path{fill:#6c757d}
            .legend{color:#555;font-size:12px}
            table{border-collapse:collapse;margin:6px 0;font-size:13px}th,td{border-bottom:1px solid #eceef0;\
            padding:3px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa;font-weight:600}\
            .num{text-align:right;white-space:nowrap}caption{text-align:left;font-weight:600;padding:4px 0}
            table.timeline{width:100%}table.timeline th{width:20%;background:none;font-weight:normal}\
            table.timeline td:nth-child(2){width:70%}\
            .lane{position:relative;height:16px;background:#f6f8fa;border-radius:3px}\
            .bar{position:absolute;top:2px;height:12px;border-radius:3px;background:var(--c,#8c959f);opacity:.8}\
            .tick{position:absolute;top:5px;height:6px;background:#fff;opacity:.7}
            details.block{border:1px solid var(--line);border-left:4px solid var(--c,#adb5bd);border-radius:6px;\
            margin:8px 0;padding:4px 12px}details.block>summary{cursor:pointer;padding:4px 0}\
            .kind{color:#555}.dur{color:#777;font-size:12px}
            .reason.fail{color:var(--bad)}.reason.skip{color:#555}.note{color:#666;font-size:12px}
            .prompt blockquote{margin:4px 0;padding:6px 10px;background:#f6f8fa;border-left:3px solid #8c959f}
            .state.good{color:var(--ok)}.state.bad{color:var(--bad)}.state.neutral{color:#555}
            details.views{margin:6px 0}details.views>summary{cursor:pointer;color:#0a58ca}
            .pager button{margin-right:6px}ul.log{font-size:12px;padding-left:18px}ul.log time{color:#777}footer{margin:32px 0 8px;color:#777;font-size:12px}
            """;

    /** Pages through long execution tables; nothing else runs, nothing is fetched. */
    private static final String SCRIPT = """
            document.querySelectorAll('p.pager').forEach(function(p){
              var t=document.getElementById(p.dataset.for),rows=t.querySelectorAll('tr.row'),
                  size=+t.dataset.page,pages=Math.ceil(rows.length/size),at=0;
              function show(n){at=Math.max(0,Math.min(pages-1,n));
                rows.forEach(function(r,i){r.hidden=i<at*size||i>=(at+1)*size;});
                label.textContent=' page '+(at+1)+' of '+pages+' ('+rows.length+' executions) ';}
              var prev=document.createElement('button'),next=document.createElement('button'),
                  label=document.createElement('span');
              prev.textContent='previous';next.textContent='next';
              prev.onclick=function(){show(at-1);};next.onclick=function(){show(at+1);};
              p.append(prev,label,next);show(0);
            });
            """;
}
