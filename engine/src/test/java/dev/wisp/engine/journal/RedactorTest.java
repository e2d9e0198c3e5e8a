package dev.wisp.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.spi.AssetConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactorTest {
    @Test
    void masksSecretFieldsOfAssetsInsideTextsKeysAndNestedValues() {
        AssetConfig a = new AssetConfig("cado", "cado_response", Map.of("access_token", "abcd1234", "base_url", "u"),
                Set.of("access_token"));
        Redactor r = Redactor.of(List.of(a));
        assertEquals("Bearer *** failed", r.text("Bearer abcd1234 failed"));
        assertEquals(Map.of("***", List.of("x***y", 7), "u", "u"),
                r.value(Map.of("abcd1234", List.of("xabcd1234y", 7), "u", "u")));
        assertEquals(Map.of("***", 1, "***#2", 2), r.value(new java.util.TreeMap<>(Map.of("***", 1, "abcd1234", 2))),
                "masking a key never merges two keys");
        assertEquals("nothing to hide", Redactor.none().text("nothing to hide"));
    }

    @Test
    void longerSecretsAreMaskedBeforeTheirPrefixes() {
        Redactor r = new Redactor(List.of("abcdefgh", "abcdefghijkl", ""));
        assertEquals("*** and ***", r.text("abcdefghijkl and abcdefgh"));
    }

    @Test
    void aSecretTooShortToMaskInsideTextIsMaskedOnlyAsAWholeValue() {
        Redactor r = new Redactor(List.of("a", "1234567"));
        assertTrue(Redactor.tooShort("1234567"));
        assertFalse(Redactor.tooShort("12345678"));
        assertEquals("run_started", r.text("run_started"), "ordinary text is not mangled");
        assertEquals(Redactor.MASK, r.text("a"));
        assertEquals(Redactor.MASK, r.text("1234567"));
        assertEquals(Map.of("a", Redactor.MASK, "status", "failed"), r.value(Map.of("a", "a", "status", "failed")));
    }

    @Test
    void aShortSecretNoLongerDestroysTheJournal(@TempDir Path dir) {
        Path file = dir.resolve("journal.jsonl");
        List<JournalEvent> events = JournalCodecTest.everyKind();
        try (JsonlJournal j = new JsonlJournal(file, new Redactor(List.of("a", "un", "2026", "pb")))) {
            events.forEach(j::record);
        }
        List<JournalEvent> read = JournalReader.read(file);
        assertEquals(events.size(), read.size());
        assertEquals(events.get(0).toString().replace("playbook=pb", "playbook=***"), read.get(0).toString(),
                "type names, times and keys are never masked, a whole value that is a short secret is");
    }

    @Test
    void aSecretLearnedDuringTheRunIsMaskedFromThenOnInTheJournal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Redactor r = new Redactor(List.of("asset-secret-1234"));
        try (JsonlJournal j = new JsonlJournal(file, r)) {
            j.secret("param-password-99");
            j.secret("short");
            j.record(new JournalEvent.Log(java.time.Instant.EPOCH, "b", "used param-password-99 and short"));
            j.record(new JournalEvent.Log(java.time.Instant.EPOCH, "b", "short"));
        }
        String text = java.nio.file.Files.readString(file);
        assertFalse(text.contains("param-password-99"), text);
        assertTrue(text.contains("used *** and short"), "a short one is masked only as a whole value: " + text);
        assertEquals("***", r.text("short"));
        assertEquals("*** ***", r.and(Redactor.none()).text("param-password-99 asset-secret-1234"));
    }
}
