package dev.wisp.engine.journal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a run's events to {@code journal.jsonl} as they happen, one JSON object a line, redacted, flushed per
 * event so that a crash loses nothing that happened. Appends, so a resumed run continues the same file.
 *
 * <p>An event whose line would be longer than {@link JournalCodec#MAX_LINE_CHARS} (a 50 MB format output, say) is
 * written whole to {@code journal.values/<sha256>.json} beside the journal, and its line says where:
 * {@code {"type":..., "time":..., "stored":"journal.values/<sha256>.json", "sha256":..., "chars":...}}.
 * {@link JournalReader} reads it back from there and checks its digest, so nothing the run did goes unrecorded.
 */
public final class JsonlJournal implements Journal {
    /** The directory, beside the journal, of events too large for a line. */
    public static final String VALUES_DIR = "journal.values";
    private final Path file;
    private final BufferedWriter out;
    private final java.nio.channels.FileChannel channel;
    private final Redactor redactor;
    private final long dropped;

    public JsonlJournal(Path file, Redactor redactor) {
        this.file = file;
        this.redactor = redactor;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.READ);
            this.dropped = dropTornLine(channel);
            channel.position(channel.size());
            this.out = new BufferedWriter(java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void record(JournalEvent event) {
        try {
            String line = JournalCodec.encode(event, redactor);
            if (line.length() > JournalCodec.MAX_LINE_CHARS) {
                line = store(event, line);
            }
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * How many bytes of a last line cut off mid-write (the process died while writing it) were dropped on opening,
     * so that what this process appends starts on a line of its own; 0 when the journal ended cleanly.
     */
    public long droppedTornLine() {
        return dropped;
    }

    private static long dropTornLine(java.nio.channels.FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0) {
            return 0;
        }
        long keep = size;
        java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
        while (keep > 0) {
            one.clear();
            ch.read(one, keep - 1);
            if (one.get(0) == '\n') {
                break;
            }
            keep--;
        }
        if (keep < size) {
            ch.truncate(keep);
        }
        return size - keep;
    }

    @Override
    public void secret(String value) {
        redactor.learn(value);
    }

    @Override
    public synchronized void sync() {
        try {
            out.flush();
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the event beside the journal (atomically, so a crash leaves no half file) and returns its line. */
    private String store(JournalEvent event, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String sha = sha256(bytes);
        Path dir = file.toAbsolutePath().getParent().resolve(VALUES_DIR);
        Files.createDirectories(dir);
        Path target = dir.resolve(sha + ".json");
        if (!Files.exists(target)) {
            Path tmp = Files.createTempFile(dir, sha, ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", JournalCodec.type(event.getClass()));
        line.put("time", event.time().toString());
        line.put("stored", VALUES_DIR + "/" + sha + ".json");
        line.put("sha256", sha);
        line.put("chars", json.length());
        return JournalCodec.mapper().writeValueAsString(line);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
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
