package dev.wisp.engine.runs;

import dev.wisp.engine.journal.Journal;
import dev.wisp.engine.journal.JournalEvent;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps every event of a run in memory as well as passing it to the journal file, so that the run's report survives
 * a journal that can no longer be written (its directory deleted, the disk full). The first write failure is kept
 * and said at the end; the run goes on, and nothing more is written to the broken file.
 */
final class KeptJournal implements Journal {
    private final Journal file;
    private final List<JournalEvent> events;
    private RuntimeException failure;

    KeptJournal(Journal file, List<JournalEvent> prior) {
        this.file = file;
        this.events = new ArrayList<>(prior);
    }

    @Override
    public synchronized void record(JournalEvent event) {
        events.add(event);
        if (failure != null) {
            return;
        }
        try {
            file.record(event);
        } catch (UncheckedIOException | IllegalStateException e) {
            // the file (gone, full) or an event that cannot be encoded: the run goes on, and says so at the end
            failure = e;
        }
    }

    /** Every event of the run, the earlier ones of a resumed run first. */
    synchronized List<JournalEvent> events() {
        return List.copyOf(events);
    }

    /** Why the journal file stopped being written, if it did. */
    synchronized Optional<String> failure() {
        return Optional.ofNullable(failure).map(RuntimeException::getMessage);
    }

    @Override
    public synchronized void close() {
        try {
            file.close();
        } catch (UncheckedIOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }

    @Override
    public synchronized void flush() {
        if (failure != null) {
            return;
        }
        try {
            file.flush();
        } catch (UncheckedIOException | IllegalStateException e) {
            failure = e;
        }
    }

    @Override
    public synchronized void sync() {
        if (failure != null) {
            return;
        }
        try {
            file.sync();
        } catch (UncheckedIOException | IllegalStateException e) {
            failure = e;
        }
    }

    @Override
    public void secret(String value) {
        file.secret(value);
    }
}
