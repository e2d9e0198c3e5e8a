package dev.wisp.cli.run;

import dev.wisp.cli.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process at a time per run: an operating-system lock on {@code run.lock} in the run's directory. The lock goes
 * with the process that holds it, so the lock of a process that died (kill -9, a crash) is simply taken over.
 */
public final class RunLock implements AutoCloseable {
    static final String FILE = "run.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the run's lock, or refuses (a usage error) when another process runs it now. */
    public static RunLock acquire(Path runDir, String runId) {
        FileChannel ch;
        try {
            Files.createDirectories(runDir);
            ch = FileChannel.open(runDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock run " + runId + ": " + e.getMessage(), e);
        }
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // this process runs it already
        } catch (IOException e) {
            close(ch);
            throw new UncheckedIOException("cannot lock run " + runId + ": " + e.getMessage(), e);
        }
        if (l == null) {
            close(ch);
            String pid = "";
            try {
                pid = Files.readString(runDir.resolve("process.pid")).strip();
            } catch (IOException | RuntimeException e) {
                // the holder has not written its pid yet
            }
            throw new UsageException("run " + runId + " is running in another process" + (pid.isEmpty() ? ""
                    : " (pid " + pid + ")") + "; wait for it to end or stop it, then resume");
        }
        return new RunLock(ch, l);
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing was locked
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process ends soon or goes on without the lock; either way nothing waits for it
        }
    }
}
