package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wisp.cli.run.RunSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playbooks, answers, assets and events from named pipes, as process substitution gives them. */
class RunInputFilesTest {
    @TempDir
    Path dir;

    private Path fifo(String name) throws IOException, InterruptedException {
        Path p = dir.resolve(name);
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            throw e;
        }
        assumeTrue(mk.waitFor() == 0, "mkfifo failed");
        return p;
    }

    private static CompletableFuture<Void> writeLater(Path pipe, String text) {
        return CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(pipe)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void aPlaybookAnswersAssetsAndAnEventFromPipesAreReadAsFilesAre() throws Exception {
        Path playbook = fifo("playbook.yaml");
        Path answers = fifo("answers.yaml");
        Path assets = fifo("assets.yaml");
        Path event = fifo("event.json");
        CompletableFuture<?> writers = CompletableFuture.allOf(writeLater(playbook, RunDirectoryTest.ASKING),
                writeLater(answers, "ask: yes\n"), writeLater(assets, "assets: {}\n"),
                writeLater(event, "{\"container\": {\"name\": \"piped\"}}"));
        CliRun r = CliRun.of("run", playbook.toString(), "--answers", answers.toString(), "--assets",
                assets.toString(), "--event", event.toString(), "--runs-dir", dir.resolve("runs").toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        writers.get();
    }

    @Test
    void anEventPipeNobodyWritesToIsAUsageErrorAfterTheTimeout() throws Exception {
        Path event = fifo("event.json");
        UsageException e = assertThrows(UsageException.class,
                () -> RunSupport.eventFile(event, Duration.ofMillis(300)));
        assertTrue(e.getMessage().startsWith("cannot read event " + event + ": " + event + " is a pipe that was "
                + "not written to its end within 300 ms"), e.getMessage());
    }
}
