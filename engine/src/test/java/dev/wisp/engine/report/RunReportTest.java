package dev.wisp.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.engine.journal.JournalEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportTest {
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    private static Map<String, Object> question() {
        Map<String, Object> q = new java.util.LinkedHashMap<>();
        q.put("prompt", "Go");
        q.put("type", "yes/no");
        return q;
    }

    private static List<JournalEvent> journal() {
        return List.of(
                new JournalEvent.RunStarted(T, "r1", "pb", "pb.yaml", Map.of("bucket", "b"), null),
                new JournalEvent.BlockStarted(T, "ask", "prompt"),
                new JournalEvent.PromptAsked(T, "ask", "Go?", List.of(question()), List.of(), T.plusSeconds(1800),
                        false),
                new JournalEvent.PromptAnswered(T.plusSeconds(5), "ask", List.of("yes"), "alice", "terminal"),
                new JournalEvent.BlockFinished(T.plusSeconds(5), "ask", "success", 1, 0, List.of("", "success"),
                        Map.of("results", List.of())),
                new JournalEvent.BlockStarted(T.plusSeconds(5), "cap", "action"),
                new JournalEvent.RowsSkipped(T.plusSeconds(5), "cap", 1, "required parameter x had no value"),
                new JournalEvent.ExecutionStarted(T.plusSeconds(5), "cap", 0, 0, 1, Map.of("i", "a")),
                new JournalEvent.ExecutionFinished(T.plusSeconds(6), "cap", 0, 0, 1, Map.of("status", "failed",
                        "message", "HTTP 503", "parameter", Map.of("i", "a")), 1000, false),
                new JournalEvent.ExecutionFinished(T.plusSeconds(8), "cap", 0, 0, 2, Map.of("status", "success",
                        "message", "ok", "parameter", Map.of("i", "a"), "data", List.of(Map.of("id", 1))), 500, true),
                new JournalEvent.ExecutionFinished(T.plusSeconds(8), "cap", 1, 0, 1, Map.of("status", "failed",
                        "message", "HTTP 404", "parameter", Map.of("i", "b")), 100, true),
                new JournalEvent.BlockFinished(T.plusSeconds(8), "cap", "partial", 2, 1,
                        List.of("", "success", "failure"), Map.of()),
                new JournalEvent.BlockSkipped(T.plusSeconds(8), "note", "none of its incoming edges was taken (d.x)"),
                new JournalEvent.RunFinished(T.plusSeconds(9), "failed", "block cap: 1 of 2 executions failed",
                        Map.of()));
    }

    @Test
    void foldsTheJournalIntoPerBlockResultsTimingsAndTotals() throws IOException {
        Map<String, Object> report = RunReport.build(journal());
        String json = JournalCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n";
        Path golden = Path.of("src/test/resources/report.golden.json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, json);
        }
        assertEquals(Files.readString(golden), json);
    }

    @Test
    void summarisesForPeople() {
        assertEquals("""
                  success   ask   answered [yes]
                  partial   cap   2 executions: ok; HTTP 404 (1 rows skipped: required parameter x had no value)
                  skipped   note  none of its incoming edges was taken (d.x)
                run r1: failed (block cap: 1 of 2 executions failed)
                """, RunReport.summary(RunReport.build(journal())));
    }
    private static Map<String, Object> caseResult(String status, String what, Map<String, Object> details) {
        Map<String, Object> activity = new java.util.LinkedHashMap<>();
        activity.put("what", what);
        activity.put("details", details);
        return Map.of("status", status, "message", "ok", "parameter", details,
                "summary", Map.of(dev.wisp.spi.ActionResult.CASE_ACTIVITY, activity));
    }

    private static List<JournalEvent> caseJournal() {
        return List.of(
                new JournalEvent.RunStarted(T, "r2", "pb", "pb.yaml", Map.of(), null),
                new JournalEvent.ExecutionFinished(T.plusSeconds(1), "comment", 0, 0, 1,
                        caseResult("success", "add comment", Map.of("comment", "looking\ninto it")), 10, true),
                new JournalEvent.ExecutionFinished(T.plusSeconds(2), "status", 0, 0, 1,
                        caseResult("failed", "set status", Map.of("status", "open")), 10, true),
                new JournalEvent.ExecutionFinished(T.plusSeconds(3), "note", 0, 0, 1,
                        caseResult("success", "add note", Map.of("title", "first")), 10, false),
                new JournalEvent.ExecutionFinished(T.plusSeconds(4), "note", 0, 0, 2,
                        caseResult("success", "add note", Map.of("title", "again")), 10, true),
                new JournalEvent.ExecutionFinished(T.plusSeconds(5), "plain", 0, 0, 1,
                        Map.of("status", "success", "message", "ok", "summary", Map.of("n", 1)), 10, true),
                new JournalEvent.RunFinished(T.plusSeconds(6), "success", "finished", Map.of()));
    }

    @Test
    void theCaseSectionListsTheSuccessfulCaseActivityInOrderOncePerExecution() {
        List<?> section = (List<?>) RunReport.build(caseJournal()).get("case");
        assertEquals(2, section.size(), section.toString());
        assertEquals(Map.of("time", "2026-11-22T10:00:01Z", "block", "comment", "execution", 0, "what", "add comment",
                "details", Map.of("comment", "looking\ninto it")), section.get(0));
        assertEquals("again", ((Map<?, ?>) ((Map<?, ?>) section.get(1)).get("details")).get("title"));
        assertEquals(List.of(), RunReport.build(journal()).get("case"));
    }

    @Test
    void theSummaryShowsTheCaseActivityBeforeTheRunLine() {
        String summary = RunReport.summary(RunReport.build(caseJournal()));
        org.junit.jupiter.api.Assertions.assertTrue(summary.endsWith("""
                case activity (2):
                  10:00:01  add comment  comment  comment: looking into it
                  10:00:04  add note     note     title: again
                run r2: success
                """), summary);
    }
}
