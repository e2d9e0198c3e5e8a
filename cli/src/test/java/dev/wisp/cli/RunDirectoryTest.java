package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trouble with where runs are recorded: said clearly, never an internal error. */
class RunDirectoryTest {
    static final String ASKING = """
            playbook: asking
            blocks:
              ask: { prompt: "Go on", responses: [{ prompt: Go, type: yes/no }] }
              after: { action: set value, app: core, parameters: { value: done } }
            edges: [start -> ask, ask -> after, after -> end]
            """;

    @TempDir
    Path dir;

    private Path playbook() throws IOException {
        Path p = dir.resolve("asking.yaml");
        Files.writeString(p, ASKING);
        return p;
    }

    @Test
    void aPlainFileWhereTheRunsDirectoryShouldBeIsNamed() throws IOException {
        Path pb = playbook();
        Files.writeString(dir.resolve(".wisp"), "not a directory");
        CliRun wisp = CliRun.of("run", pb.toString(), "--answer", "ask=yes", "--runs-dir",
                dir.resolve(".wisp/runs").toString());
        assertEquals(ExitCodes.USAGE, wisp.exit(), wisp.err());
        assertTrue(wisp.err().contains("wisp: cannot record runs in " + dir.resolve(".wisp/runs") + ": "
                + dir.resolve(".wisp") + " is a file, not a directory; move it away, or record runs elsewhere with "
                + "--runs-dir DIR"), wisp.err());
        Files.createDirectories(dir.resolve("w"));
        Files.writeString(dir.resolve("w/runs"), "");
        CliRun runs = CliRun.of("run", pb.toString(), "--answer", "ask=yes", "--runs-dir",
                dir.resolve("w/runs").toString());
        assertEquals(ExitCodes.USAGE, runs.exit(), runs.err());
        assertTrue(runs.err().contains(dir.resolve("w/runs") + " is a file, not a directory"), runs.err());
    }

    @Test
    void resumingARunWhoseRunJsonIsMissingOrBrokenSaysSo() throws IOException {
        Path runs = dir.resolve("runs");
        CliRun suspended = CliRun.of("run", playbook().toString(), "--runs-dir", runs.toString());
        assertEquals(ExitCodes.SUSPENDED, suspended.exit(), suspended.err());
        Path run;
        try (Stream<Path> s = Files.list(runs)) {
            run = s.findFirst().orElseThrow();
        }
        String id = run.getFileName().toString();
        for (String broken : new String[] {null, "{oops", "[]", "{\"playbook\": 7}", "null"}) {
            Path meta = run.resolve("run.json");
            Files.deleteIfExists(meta);
            if (broken != null) {
                Files.writeString(meta, broken);
            }
            CliRun r = CliRun.of("resume", id, "--answer", "ask=yes", "--runs-dir", runs.toString());
            assertEquals(ExitCodes.USAGE, r.exit(), broken + ": " + r.err());
            assertTrue(r.err().startsWith("wisp: run " + id + " cannot be resumed: " + meta), r.err());
            assertFalse(r.err().contains("internal error"), r.err());
        }
        Files.writeString(run.resolve("journal.jsonl"), "{oops\n{}\n");
        CliRun journal = CliRun.of("resume", id, "--runs-dir", runs.toString());
        assertEquals(ExitCodes.USAGE, journal.exit(), journal.err());
    }
}
