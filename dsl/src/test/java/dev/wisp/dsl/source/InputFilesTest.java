package dev.wisp.dsl.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    @TempDir
    Path dir;

    /** A named pipe, made the way a shell does; the tests that need one are skipped where there is no mkfifo. */
    static Path fifo(Path dir, String name) throws IOException, InterruptedException {
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

    /** Writes to a pipe from another thread, as a process on the other end would. */
    static CompletableFuture<Void> writeLater(Path pipe, byte[] bytes) {
        return CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(pipe)) {
                out.write(bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void aNamedPipeIsReadAsAStream() throws Exception {
        Path pipe = fifo(dir, "in.yaml");
        byte[] text = "playbook: piped\n".getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Void> writer = writeLater(pipe, text);
        assertArrayEquals(text, InputFiles.read(pipe, 1000, Duration.ofSeconds(20)));
        writer.get();
    }

    @Test
    void aPipeNobodyWritesToIsAnErrorAfterTheTimeoutNotAHang() throws Exception {
        Path pipe = fifo(dir, "silent.json");
        IOException e = assertThrows(IOException.class, () -> InputFiles.read(pipe, 1000, Duration.ofMillis(200)));
        assertEquals(pipe + " is a pipe that was not written to its end within 200 ms (nothing writes to it?)",
                e.getMessage());
    }

    @Test
    void aPipeOrAFileLargerThanTheLimitIsRefusedWithTheSameLimit() throws Exception {
        Path pipe = fifo(dir, "big.yaml");
        CompletableFuture<Void> writer = writeLater(pipe, new byte[5000]);
        InputFiles.TooLarge piped = assertThrows(InputFiles.TooLarge.class,
                () -> InputFiles.read(pipe, 1000, Duration.ofSeconds(20)));
        assertEquals(-1, piped.size());
        writer.handle((v, x) -> null).get(); // the writer fails once the reader has closed: that is fine
        Path file = dir.resolve("big.txt");
        Files.write(file, new byte[5000]);
        InputFiles.TooLarge regular = assertThrows(InputFiles.TooLarge.class, () -> InputFiles.read(file, 1000));
        assertEquals(5000, regular.size());
        assertTrue(regular.getMessage().endsWith("at most 1000 bytes are read"), regular.getMessage());
    }

    @Test
    void aPipedPlaybookReadsLikeAFile() throws Exception {
        Path pipe = fifo(dir, "p.yaml");
        CompletableFuture<Void> writer = writeLater(pipe, "playbook: p\nblocks: {}\nedges: []\n"
                .getBytes(StandardCharsets.UTF_8));
        YamlReader.Result r = new YamlReader().read(pipe, "p.yaml");
        writer.get();
        assertEquals(java.util.List.of(), r.diagnostics());
        assertEquals("p", r.document().root().path("playbook").asText());
    }
}
