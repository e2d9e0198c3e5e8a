package dev.wisp.engine.journal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a run's events to {@code journal.jsonl} as they happen, one JSON object a line, redacted, flushed per
 * event so that a crash loses nothing that happened. Appends, so a resumed run continues the same file.
 */
public final class JsonlJournal implements Journal {
    private final BufferedWriter out;
    private final Redactor redactor;

    public JsonlJournal(Path file, Redactor redactor) {
        this.redactor = redactor;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void record(JournalEvent event) {
        try {
            out.write(JournalCodec.encode(event, redactor));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
