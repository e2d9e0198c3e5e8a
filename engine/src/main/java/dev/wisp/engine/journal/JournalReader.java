package dev.wisp.engine.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a journal back into typed events, with the limits it was written with ({@link JournalCodec}). An event
 * stored beside the journal ({@link JsonlJournal}) is read from there and must match its digest. A truncated last
 * line (a crash mid-write) is dropped.
 */
public final class JournalReader {
    private static final Pattern STORED = Pattern.compile(Pattern.quote(JsonlJournal.VALUES_DIR) + "/[0-9a-f]{64}\\.json");

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
                events.add(decode(file, line));
            } catch (IllegalArgumentException e) {
                if (i == lines.size() - 1) {
                    break; // the last line was being written when the process died
                }
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return events;
    }

    private static JournalEvent decode(Path journal, String line) {
        JsonNode tree;
        try {
            tree = JournalCodec.tree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a journal event: " + e.getOriginalMessage(), e);
        }
        JsonNode stored = tree.get("stored");
        if (stored == null) {
            return JournalCodec.decode(tree);
        }
        // a journal is only trusted to point into its own values directory, at a file with the digest it names
        String name = stored.asText();
        String sha = tree.path("sha256").asText();
        if (!STORED.matcher(name).matches() || !name.equals(JsonlJournal.VALUES_DIR + "/" + sha + ".json")) {
            throw new IllegalArgumentException("a stored event must be " + JsonlJournal.VALUES_DIR
                    + "/<its sha256>.json, not '" + name + "'");
        }
        Path file = journal.toAbsolutePath().getParent().resolve(name);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored event " + file + ": " + e.getMessage(), e);
        }
        if (!JsonlJournal.sha256(bytes).equals(sha)) {
            throw new IllegalArgumentException("the stored event " + file + " does not match its digest; it was "
                    + "changed after it was written");
        }
        try {
            JsonNode event = JournalCodec.tree(new String(bytes, StandardCharsets.UTF_8));
            if (!event.path("type").asText().equals(tree.path("type").asText())) {
                throw new IllegalArgumentException("the stored event " + file + " is not a "
                        + tree.path("type").asText());
            }
            return JournalCodec.decode(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the stored event " + file + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
