package dev.wisp.engine.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisp.engine.journal.Journal;
import dev.wisp.engine.journal.JournalEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeptJournalTest {
    private static final Instant T = Instant.EPOCH;

    @Test
    void aJournalThatStopsBeingWritableLosesNoEventAndSaysWhy() {
        List<JournalEvent> written = new ArrayList<>();
        Journal failingSecond = e -> {
            if (written.size() == 1) {
                throw new UncheckedIOException("cannot write the journal j: disk full", new IOException("full"));
            }
            written.add(e);
        };
        JournalEvent prior = new JournalEvent.RunStarted(T, "r", "p", "p.yaml", java.util.Map.of(), null);
        KeptJournal kept = new KeptJournal(failingSecond, List.of(prior));
        List<JournalEvent> events = List.of(new JournalEvent.BlockStarted(T, "a", "action"),
                new JournalEvent.BlockStarted(T, "b", "action"), new JournalEvent.BlockStarted(T, "c", "action"));
        events.forEach(kept::record);
        assertEquals(1, written.size(), "nothing more is written to a journal that failed");
        assertEquals(4, kept.events().size());
        assertEquals(prior, kept.events().get(0));
        assertEquals(Optional.of("cannot write the journal j: disk full"), kept.failure());
    }
}
