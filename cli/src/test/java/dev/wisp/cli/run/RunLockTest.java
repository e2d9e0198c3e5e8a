package dev.wisp.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.cli.Main;
import dev.wisp.engine.report.RunStore;
import dev.wisp.engine.runs.RunLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process at a time per run: a second resume is refused, a dead holder's lock is taken over. */
class RunLockTest {
    @Test
    void aSecondResumeInAnotherProcessIsRefusedWhileTheRunIsHeld(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        String id = "20261201-100000-abcdef";
        Path run = runs.resolve(id);
        Files.createDirectories(run);
        Files.writeString(run.resolve("run.json"), "{\"playbook\": \"x.yaml\"}");
        Files.writeString(run.resolve("journal.jsonl"), "");
        try (RunLock held = RunLock.acquire(run, id)) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "resume", id, "--runs-dir",
                    runs.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String out = Files.readString(dir.resolve("out.txt"));
            assertEquals(2, p.exitValue(), out);
            assertTrue(out.contains("run " + id + " is running in another process"), out);
            assertThrows(RunStore.StoreException.class, () -> RunLock.acquire(run, id), "the same process is refused too");
        }
        RunLock.acquire(run, id).close(); // released: it can be taken again
    }
}
