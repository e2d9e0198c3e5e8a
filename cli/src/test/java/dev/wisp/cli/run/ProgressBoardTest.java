package dev.wisp.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.journal.JournalEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events in, lines out: what stays and what is redrawn. */
class ProgressBoardTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private final ProgressBoard board = new ProgressBoard();

    private static Instant at(int seconds) {
        return T.plusSeconds(seconds);
    }

    @Test
    void withoutALiveDisplayStartsAndEndsAreTheLinesThatStay() {
        assertEquals(List.of("  > scan (action)"), board.on(new JournalEvent.BlockStarted(T, "scan", "action"), true));
        assertEquals(List.of(), board.on(new JournalEvent.Progress(T, "scan", 1, 2, "1/2"), true));
        assertEquals(List.of("  partial scan (3 executions, 1 failed)"), board.on(new JournalEvent.BlockFinished(T,
                "scan", "partial", 3, 1, List.of(""), Map.of()), true));
        assertEquals(List.of("  skipped note: no incoming edge was taken"),
                board.on(new JournalEvent.BlockSkipped(T, "note", "no incoming edge was taken"), true));
    }

    @Test
    void fanOutCountsEveryExecutionBetweenTheEngineProgressEvents() {
        board.on(new JournalEvent.BlockStarted(at(0), "enrich", "action"), false);
        for (int i = 0; i < 40; i++) {
            board.on(new JournalEvent.ExecutionStarted(at(1), "enrich", i, 0, 1, Map.of()), false);
        }
        for (int i = 0; i < 20; i++) {
            board.on(new JournalEvent.ExecutionFinished(at(2), "enrich", i, 0, 1, Map.of(), 5, true), false);
        }
        board.on(new JournalEvent.Progress(at(2), "enrich", 20, 200, "20/200 executions"), false);
        for (int i = 20; i < 37; i++) {
            board.on(new JournalEvent.ExecutionFinished(at(3), "enrich", i, 0, 1, Map.of(), 5, true), false);
        }
        assertEquals(List.of("  ~ enrich (action) 3 s  37/200 executions, 3 running"), board.live(at(3)));
    }

    @Test
    void liveLinesShowFanOutPipelinesRetriesAndPrompts() {
        board.on(new JournalEvent.BlockStarted(at(0), "capture", "action"), false);
        board.on(new JournalEvent.BlockStarted(at(0), "loop", "action"), false);
        board.on(new JournalEvent.BlockStarted(at(0), "ask", "prompt"), false);
        for (int i = 0; i < 3; i++) {
            board.on(new JournalEvent.ExecutionStarted(at(1), "capture", i, 0, 1, Map.of()), false);
        }
        board.on(new JournalEvent.ExecutionFinished(at(2), "capture", 0, 0, 1, Map.of(), 5, true), false);
        board.on(new JournalEvent.Progress(at(3), "loop", 12, 18, "pipeline 4: 12/18 subtasks"), false);
        board.on(new JournalEvent.PromptAsked(at(1), "ask", "Go?", List.of(), List.of(), at(600), false), false);
        assertTrue(board.prompting());
        assertEquals(List.of("  ~ capture (action) 4 s  1 done, 2 running",
                "  ~ loop (action) 4 s  pipeline 4: 12/18 subtasks",
                "  ~ ask (prompt) 4 s  waiting for an answer"), board.live(at(4)));

        board.on(new JournalEvent.PromptAnswered(at(5), "ask", List.of("yes"), "me", "terminal"), false);
        assertFalse(board.prompting());
        board.on(new JournalEvent.ExecutionFinished(at(5), "capture", 1, 0, 1, Map.of(), 5, false), false);
        board.on(new JournalEvent.ExecutionRetrying(at(5), "capture", 1, 1, 5000, "HTTP 503"), false);
        assertEquals("  ~ capture (action) 7 s  retry in 3 s", board.live(at(7)).get(0));
        board.on(new JournalEvent.ExecutionStarted(at(10), "capture", 1, 0, 2, Map.of()), false);
        assertEquals("  ~ capture (action) 10 s  1 done, 2 running", board.live(at(10)).get(0));

        assertEquals(List.of("  ok loop"), board.on(new JournalEvent.BlockFinished(at(11), "loop", "success", 1, 0,
                List.of(""), Map.of()), false));
        assertEquals(List.of("  ~ capture (action) 11 s  1 done, 2 running", "  ~ ask (prompt) 11 s"),
                board.live(at(11)));
    }
}
