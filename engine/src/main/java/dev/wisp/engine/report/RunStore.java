package dev.wisp.engine.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The run directories under {@code .wisp/runs}: ids, paths, and what a resume needs (never secrets). */
public final class RunStore {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path root;

    public RunStore(Path root) {
        this.root = root;
    }

    /** A new id: sortable by time, unique by its random tail. */
    public static String newId(Instant now) {
        byte[] tail = new byte[3];
        RANDOM.nextBytes(tail);
        return ID_TIME.format(now) + "-" + HexFormat.of().formatHex(tail);
    }

    /** Trouble with the place runs are recorded in, said so that a user can fix it. */
    public static final class StoreException extends RuntimeException {
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Creates a new run's directory, or says clearly why it cannot: {@code .wisp} or {@code .wisp/runs} is a file,
     * or the place is not writable.
     */
    public Path create(String runId) {
        Path dir = dir(runId);
        for (Path p = root.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new StoreException("cannot record runs in " + root + ": " + p + " is a file, not a "
                        + "directory; move it away, or record runs elsewhere with --runs-dir DIR", null);
            }
        }
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot record runs in " + root + ": cannot create " + dir + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); choose another place with --runs-dir DIR", e);
        }
    }

    /** What a resume needs of a run: its run.json, read and checked, or a message saying what is wrong. */
    public Map<String, Object> metadataOf(String runId) {
        Path file = metadata(runId);
        if (!Files.isRegularFile(file)) {
            throw new StoreException("run " + runId + " cannot be resumed: " + file + " is missing, so what it ran "
                    + "(its playbook, inputs and assets) is not known; start it again with wisp run", null);
        }
        Map<String, Object> meta;
        try {
            meta = readJson(file);
        } catch (UncheckedIOException e) {
            throw new StoreException("run " + runId + " cannot be resumed: " + file + " is not a run's metadata ("
                    + e.getCause().getClass().getSimpleName() + "); start it again with wisp run", e);
        }
        if (meta == null || !(meta.get("playbook") instanceof String)
                || !(meta.getOrDefault("inputs", Map.of()) instanceof Map)
                || (meta.get("event") != null && !(meta.get("event") instanceof String))
                || (meta.get("assets") != null && !(meta.get("assets") instanceof String))) {
            throw new StoreException("run " + runId + " cannot be resumed: " + file + " lacks the playbook's path or "
                    + "has fields of the wrong type; start it again with wisp run", null);
        }
        return meta;
    }

    public Path dir(String runId) {
        return root.resolve(runId);
    }

    public Path journal(String runId) {
        return dir(runId).resolve("journal.jsonl");
    }

    public Path report(String runId) {
        return dir(runId).resolve("report.json");
    }

    public Path metadata(String runId) {
        return dir(runId).resolve("run.json");
    }

    /** The run whose id is, or uniquely starts with, {@code idOrPrefix}. */
    public String find(String idOrPrefix) {
        if (Files.isDirectory(dir(idOrPrefix))) {
            return idOrPrefix;
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no run '" + idOrPrefix + "' in " + root + " (no runs recorded there yet)");
        }
        try (Stream<Path> dirs = Files.list(root)) {
            List<String> found = dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(idOrPrefix))
                    .sorted().toList();
            if (found.size() == 1) {
                return found.get(0);
            }
            throw new IllegalArgumentException(found.isEmpty() ? "no run '" + idOrPrefix + "' in " + root
                    : "'" + idOrPrefix + "' matches several runs: " + String.join(", ", found));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeJson(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, dev.wisp.engine.journal.JournalCodec.json(value, true) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> readJson(Path file) {
        try {
            return dev.wisp.engine.journal.JournalCodec.mapper().readValue(Files.readAllBytes(file), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
