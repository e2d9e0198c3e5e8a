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
                new JournalEvent.ExecutionContinuing(T, "b", 0, 0, 1, 1, 60_000, "pipeline 6: running",
                        Map.of("polls", 1), List.of(Map.of("pipeline_id", 6)), T),
                new JournalEvent.RowsSkipped(T, "b", 3, "no value"),
                new JournalEvent.ExecutionReconciled(T, "b", 0, 0, "not_found", "no project named x"),
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

    /** The codec reads fields without reflection: every component of every kind, in record order, the time first. */
    @Test
    void everyEventsFieldsAreItsRecordComponentsInOrder() throws ReflectiveOperationException {
        for (JournalEvent e : everyKind()) {
            java.lang.reflect.RecordComponent[] components = e.getClass().getRecordComponents();
            Object[] values = JournalCodec.values(e);
            assertEquals("time", components[0].getName(), e.getClass().getSimpleName());
            assertEquals(components.length, values.length, e.getClass().getSimpleName());
            for (int i = 0; i < components.length; i++) {
                assertEquals(components[i].getAccessor().invoke(e), values[i],
                        e.getClass().getSimpleName() + "." + components[i].getName());
            }
        }
    }

    @Test
    void theJournalFormatIsTheDocumentedOne() throws IOException {
        StringBuilder b = new StringBuilder();
        for (JournalEvent e : everyKind()) {
            b.append(JournalCodec.encode(e, Redactor.none())).append('\n');
        }
        Path golden = Path.of("src/test/resources/journal.golden.jsonl");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, b.toString());
        }
        // compared as JSON trees: the samples' nested maps have no fixed order, the format's fields do not need one
        List<com.fasterxml.jackson.databind.JsonNode> want = new java.util.ArrayList<>();
        List<com.fasterxml.jackson.databind.JsonNode> got = new java.util.ArrayList<>();
        for (String l : Files.readAllLines(golden)) {
            want.add(JournalCodec.mapper().readTree(l));
        }
        for (String l : b.toString().split("\n")) {
            got.add(JournalCodec.mapper().readTree(l));
        }
        assertEquals(want, got, "the journal is a public format (docs/journal.md): a change here is a change for "
                + "every reader; review it, then -Dgolden.update=true");
        String docs = Files.readString(Path.of("../docs/journal.md"));
        for (JournalEvent e : everyKind()) {
            assertTrue(docs.contains("### " + JournalCodec.type(e.getClass())), "docs/journal.md documents "
                    + JournalCodec.type(e.getClass()));
        }
    }

    @Test
    void aJournalOfANewerSchemaIsRefusedNotMisread() {
        String line = JournalCodec.encode(new JournalEvent.RunStarted(T, "r", "p", "p.yaml", Map.of(), null),
                Redactor.none());
        assertTrue(line.contains("\"schema_version\":1"), line);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JournalCodec.decode(line.replace("\"schema_version\":1", "\"schema_version\":2")));
        assertTrue(e.getMessage().contains("written by a newer Wisp (journal schema 2"), e.getMessage());
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

    @Test
    void anEventTooLargeForALineIsStoredBesideTheJournalAndReadBack(@TempDir Path dir) throws IOException {
        // 21 million characters: more than Jackson reads in one string by default, which lost a whole run's record
        String big = "x".repeat(21_000_000);
        Path file = dir.resolve("journal.jsonl");
        JournalEvent finished = new JournalEvent.BlockFinished(T, "fmt", "success", 1, 0, List.of(""),
                Map.of("text", big));
        try (JsonlJournal j = new JsonlJournal(file, new Redactor(List.of(FAKE_TOKEN)))) {
            j.record(new JournalEvent.BlockStarted(T, "fmt", "format"));
            j.record(finished);
            j.record(new JournalEvent.RunFinished(T, "success", "finished", Map.of()));
        }
        assertTrue(Files.size(file) < 1000, "the journal's lines stay short");
        List<JournalEvent> read = JournalReader.read(file);
        assertEquals(3, read.size());
        assertEquals(finished, read.get(1));
        try (var stored = Files.list(dir.resolve(JsonlJournal.VALUES_DIR))) {
            assertEquals(1, stored.count());
        }
    }

    @Test
    void aStoredEventThatWasChangedOrPointsElsewhereIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (JsonlJournal j = new JsonlJournal(file, Redactor.none())) {
            j.record(new JournalEvent.Log(T, "b", "y".repeat(JournalCodec.MAX_LINE_CHARS)));
            j.record(new JournalEvent.Log(T, "b", "after"));
        }
        Path stored;
        try (var files = Files.list(dir.resolve(JsonlJournal.VALUES_DIR))) {
            stored = files.findFirst().orElseThrow();
        }
        Files.writeString(stored, Files.readString(stored).replace("yyy", "zzz"));
        IllegalArgumentException changed = assertThrows(IllegalArgumentException.class, () -> JournalReader.read(file));
        assertTrue(changed.getMessage().contains("does not match its digest"), changed.getMessage());
        String line = Files.readAllLines(file).get(0);
        Files.writeString(file, line.replace(JsonlJournal.VALUES_DIR + "/", "../../") + "\n"
                + Files.readAllLines(file).get(1) + "\n");
        IllegalArgumentException elsewhere = assertThrows(IllegalArgumentException.class,
                () -> JournalReader.read(file));
        assertTrue(elsewhere.getMessage().contains("a stored event must be journal.values/"), elsewhere.getMessage());
    }

    @Test
    void valuesNestedAsDeepAsAnInputMayBeAreWrittenAndReadBack() {
        Object deep = "leaf";
        for (int i = 0; i < JournalCodec.MAX_INPUT_DEPTH - 1; i++) {
            deep = List.of(deep);
        }
        JournalEvent e = new JournalEvent.ExecutionFinished(T, "b", 0, 0, 1, Map.of("data", List.of(deep)), 1, true);
        assertEquals(e, JournalCodec.decode(JournalCodec.encode(e, Redactor.none())));
    }
}
