package dev.wisp.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlJournalTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aLastLineCutOffByACrashIsDroppedSoTheResumedRunAppendsWholeLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (JsonlJournal j = new JsonlJournal(file, Redactor.of(List.of()))) {
            j.record(new JournalEvent.RunStarted(T, "r", "p", "p.yaml", java.util.Map.of(), null));
        }
        String whole = Files.readString(file);
        Files.writeString(file, whole + "{\"type\":\"block_sta", StandardCharsets.UTF_8); // kill -9 mid-line
        assertEquals(1, JournalReader.read(file).size(), "the reader tolerates the torn last line");
        try (JsonlJournal j = new JsonlJournal(file, Redactor.of(List.of()))) {
            assertEquals(18, j.droppedTornLine());
            j.record(new JournalEvent.RunResumed(T, "r"));
            j.sync();
        }
        List<JournalEvent> events = JournalReader.read(file);
        assertEquals(List.of(JournalEvent.RunStarted.class, JournalEvent.RunResumed.class),
                events.stream().map(Object::getClass).toList());
        assertEquals(2, Files.readAllLines(file).size());
    }

    @Test
    void aCleanJournalIsLeftAsItIs(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (JsonlJournal j = new JsonlJournal(file, Redactor.of(List.of()))) {
            j.record(new JournalEvent.RunResumed(T, "r"));
        }
        try (JsonlJournal j = new JsonlJournal(file, Redactor.of(List.of()))) {
            assertEquals(0, j.droppedTornLine());
        }
        assertEquals(1, JournalReader.read(file).size());
    }
}
