package dev.wisp.engine.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a journal back into typed events. A truncated last line (a crash mid-write) is dropped. */
public final class JournalReader {
    private JournalReader() {
    }

    public static List<JournalEvent> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file + ": " + e.getMessage(), e);
        }
        List<JournalEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(JournalCodec.decode(line));
            } catch (IllegalArgumentException e) {
                if (i == lines.size() - 1) {
                    break; // the last line was being written when the process died
                }
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return events;
    }
}
