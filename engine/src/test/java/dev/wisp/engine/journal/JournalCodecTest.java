package dev.wisp.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCodecTest {
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    private static final String FAKE_TOKEN = "tok-0123456789abcdef";

    static List<JournalEvent> everyKind() {
        return List.of(
                new JournalEvent.RunStarted(T, "r1", "pb", "pb.yaml", Map.of("a", 1), null),
                new JournalEvent.RunResumed(T, "r1"),
                new JournalEvent.BlockStarted(T, "b", "action"),
                new JournalEvent.ExecutionStarted(T, "b", 0, 0, 1, Map.of("x", "y")),
                new JournalEvent.ExecutionFinished(T, "b", 0, 0, 1, Map.of("status", "success", "message", "m"),
                        12, true),
                new JournalEvent.ExecutionRetrying(T, "b", 0, 1, 2000, "HTTP 503"),
                new JournalEvent.RowsSkipped(T, "b", 3, "no value"),
                new JournalEvent.DefaultsUsed(T, "b", List.of(Map.of("parameter", "project_id", "value", 7,
                        "source", "asset cado: default_project", "rows", 2))),
                new JournalEvent.Progress(T, "b", 1, 2, "half"),
                new JournalEvent.Log(T, "b", "line"),
                new JournalEvent.PromptAsked(T, "q", "Go?", List.of(Map.of("prompt", "Go", "type", "yes/no")),
                        List.of("alice"), T.plusSeconds(60), false),
                new JournalEvent.PromptEscalated(T, "q", List.of("bob"), T.plusSeconds(120)),
                new JournalEvent.PromptAnswered(T, "q", List.of("yes"), "alice", "terminal"),
                new JournalEvent.PromptTimedOut(T, "q"),
                new JournalEvent.BlockFinished(T, "b", "success", 1, 0, List.of("", "success"), Map.of("k", "v")),
                new JournalEvent.BlockSkipped(T, "c", "why"),
                new JournalEvent.RunSuspended(T, List.of("q")),
                new JournalEvent.RunFinished(T, "success", "finished", Map.of()));
    }

    @Test
    void everyEventTypeRoundTrips() {
        assertEquals(JournalEvent.class.getPermittedSubclasses().length, everyKind().size());
        for (JournalEvent e : everyKind()) {
            String line = JournalCodec.encode(e, Redactor.none());
            assertTrue(line.startsWith("{\"type\":\"" + JournalCodec.type(e.getClass()) + "\""), line);
            assertEquals(e, JournalCodec.decode(line));
        }
    }

    @Test
    void secretsAreRedactedEverywhereBeforeWriting(@TempDir Path dir) throws IOException {
        Redactor r = new Redactor(List.of(FAKE_TOKEN));
        Path file = dir.resolve("journal.jsonl");
        try (JsonlJournal j = new JsonlJournal(file, r)) {
            j.record(new JournalEvent.Log(T, "b", "Bearer " + FAKE_TOKEN + " rejected"));
            j.record(new JournalEvent.ExecutionStarted(T, "b", 0, 0, 1, Map.of("nested", List.of(Map.of(FAKE_TOKEN,
                    "x" + FAKE_TOKEN)))));
        }
        String text = Files.readString(file);
        assertFalse(text.contains(FAKE_TOKEN), text);
        assertTrue(text.contains("Bearer *** rejected"));
    }

    @Test
    void aTruncatedLastLineIsDroppedButOtherCorruptionIsLocated(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("j.jsonl");
        String good = JournalCodec.encode(new JournalEvent.BlockStarted(T, "b", "action"), Redactor.none());
        Files.writeString(file, good + "\n" + good.substring(0, 20));
        assertEquals(1, JournalReader.read(file).size());
        Files.writeString(file, "{oops\n" + good + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JournalReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ":1: not a journal event"), e.getMessage());
    }
}
