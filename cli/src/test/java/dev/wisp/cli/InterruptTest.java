package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping wisp run (SIGTERM, like Ctrl-C's SIGINT, runs the shutdown hook) leaves a journal that says where. */
class InterruptTest {
    @Test
    void aStoppedRunRecordsThatItWasCancelled(@TempDir Path dir) throws Exception {
        Path playbook = dir.resolve("slow.yaml");
        Files.writeString(playbook, """
                playbook: slow
                blocks:
                  wait: { action: sleep, app: core, parameters: { seconds: 600 } }
                  after: { action: set value, app: core, parameters: { value: done } }
                edges: [start -> wait, wait -> after, after -> end]
                """);
        Path runs = dir.resolve("runs");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "run", playbook.toString(),
                "--runs-dir", runs.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        Path journal = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            journal = journal(runs);
            if (journal != null && Files.readString(journal).contains("\"execution_started\"")) {
                break;
            }
            Thread.sleep(10); // polling a file another process writes, with a deadline
        }
        assertTrue(journal != null, "the run started");
        long t0 = System.nanoTime();
        p.destroy();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the process ended");
        System.out.printf("SIGTERM to exit: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        assertEquals(130, p.exitValue(), "SIGTERM exits as cancelled, like Ctrl-C");
        String out = Files.readString(dir.resolve("out.txt"));

        assertTrue(out.contains("cancelled wait") && out.contains(": cancelled"), "the summary is printed:\n" + out);
        Path report = journal.resolveSibling("report.json");
        assertTrue(Files.exists(report), "report.json is written");
        assertTrue(Files.readString(report).contains("\"status\" : \"cancelled\""), Files.readString(report));
        List<String> lines = Files.readAllLines(journal);
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains("\"type\":\"run_finished\"") && last.contains("\"status\":\"cancelled\""), last);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"block_skipped\"") && l.contains("\"after\"")
                && l.contains("the run was cancelled")), String.join("\n", lines));
    }

    private static Path journal(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return null;
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.map(d -> d.resolve("journal.jsonl")).filter(Files::exists).findFirst().orElse(null);
        }
    }
}
