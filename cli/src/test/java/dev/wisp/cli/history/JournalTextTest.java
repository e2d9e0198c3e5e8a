package dev.wisp.cli.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisp.engine.journal.JournalEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** wisp show --journal: one readable line for every kind of journal event. */
class JournalTextTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00.123456Z");

    private static final List<JournalEvent> ONE_OF_EACH = List.of(
            new JournalEvent.RunStarted(T, "r1", "greet", "greet.yaml", Map.of("n", 1), null),
            new JournalEvent.RunResumed(T, "r1"),
            new JournalEvent.BlockStarted(T, "scan", "action"),
            new JournalEvent.ExecutionStarted(T, "scan", 0, 0, 1, Map.of("ip", "10.0.0.1")),
            new JournalEvent.ExecutionFinished(T, "scan", 0, 1, 2, Map.of("status", "failed", "message", "HTTP 503"),
                    40, false),
            new JournalEvent.ExecutionRetrying(T, "scan", 0, 2, 5000, "HTTP 503"),
            new JournalEvent.ExecutionContinuing(T, "loop", 0, 0, 1, 3, 60_000, "pipeline 4: running",
                    Map.of("polls", 3), List.of(), T),
            new JournalEvent.ExecutionReconciled(T, "scan", 0, 0, "found", "project 7 'Incident' exists"),
            new JournalEvent.RowsSkipped(T, "scan", 2, "ip is missing"),
            new JournalEvent.DefaultsUsed(T, "scan", List.of(Map.of("parameter", "bucket", "value", "evidence",
                    "source", "asset cado: default_bucket", "rows", 2))),
            new JournalEvent.Progress(T, "loop", 12, 18, "pipeline 4: 12/18 subtasks"),
            new JournalEvent.Log(T, "scan", "hello"),
            new JournalEvent.PromptAsked(T, "ask", "Go?", List.of(), List.of("soc-lead"), T.plusSeconds(60), true),
            new JournalEvent.PromptEscalated(T, "ask", List.of("ir-manager"), T.plusSeconds(120)),
            new JournalEvent.PromptAnswered(T, "ask", List.of("yes"), "ada", "terminal"),
            new JournalEvent.PromptTimedOut(T, "ask"),
            new JournalEvent.BlockFinished(T, "scan", "partial", 3, 1, List.of("", "failure"), Map.of()),
            new JournalEvent.BlockSkipped(T, "note", "no incoming edge was taken"),
            new JournalEvent.RunSuspended(T, List.of("ask")),
            new JournalEvent.RunFinished(T, "failed", "block scan failed", Map.of()));

    @Test
    void everyKindOfEventHasALine() {
        Set<Class<?>> covered = ONE_OF_EACH.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.of(JournalEvent.class.getPermittedSubclasses()), covered, "a new event needs a line");
        assertEquals(List.of(
                "2026-12-01T10:00:00.123Z  run started      greet (greet.yaml) inputs {n=1}",
                "2026-12-01T10:00:00.123Z  run resumed",
                "2026-12-01T10:00:00.123Z  block started    scan (action)",
                "2026-12-01T10:00:00.123Z  execution        scan #0 started {ip=10.0.0.1}",
                "2026-12-01T10:00:00.123Z  execution        scan #0 iteration 1 attempt 2 failed: HTTP 503 (40 ms)",
                "2026-12-01T10:00:00.123Z  retrying         scan #0 after attempt 2 in 5000 ms: HTTP 503",
                "2026-12-01T10:00:00.123Z  continuing       loop #0 step 3 in 60000 ms: pipeline 4: running",
                "2026-12-01T10:00:00.123Z  reconciled       scan #0: found (project 7 'Incident' exists)",
                "2026-12-01T10:00:00.123Z  rows skipped     scan: 2 (ip is missing)",
                "2026-12-01T10:00:00.123Z  defaults used    scan: bucket=evidence (asset cado: default_bucket)",
                "2026-12-01T10:00:00.123Z  progress         loop: 12/18 pipeline 4: 12/18 subtasks",
                "2026-12-01T10:00:00.123Z  log              scan: hello",
                "2026-12-01T10:00:00.123Z  approval asked   ask: Go? to [soc-lead] (until 2026-12-01T10:01:00.123Z)",
                "2026-12-01T10:00:00.123Z  prompt escalated ask to [ir-manager] (until 2026-12-01T10:02:00.123Z)",
                "2026-12-01T10:00:00.123Z  prompt answered  ask: [yes] by ada (terminal)",
                "2026-12-01T10:00:00.123Z  prompt timed out ask",
                "2026-12-01T10:00:00.123Z  block finished   scan partial (3 executions, 1 failed, ports [, failure])",
                "2026-12-01T10:00:00.123Z  block skipped    note: no incoming edge was taken",
                "2026-12-01T10:00:00.123Z  run suspended    waiting for ask",
                "2026-12-01T10:00:00.123Z  run finished     failed: block scan failed"),
                ONE_OF_EACH.stream().map(JournalText::line).toList());
    }
}
