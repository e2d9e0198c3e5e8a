package dev.wisp.engine.runs;

import dev.wisp.engine.report.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process at a time per run: an operating-system lock on {@code run.lock} in the run's directory, and the
 * holder's process id in {@code process.pid} (so {@code wisp runs} can tell a running run from one whose process
 * died). The lock goes with the process that holds it, so the lock of a process that died (kill -9, a crash) is
 * simply taken over.
 */
public final class RunLock implements AutoCloseable {
    /** The lock file in a run's directory. */
    public static final String FILE = "run.lock";
    /** The process id of the lock's holder, while it holds it. */
    public static final String PID_FILE = "process.pid";
    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the run's lock and writes this process's id beside it, or refuses (a {@link RunStore.StoreException})
     * when another process runs it now.
     */
    public static RunLock acquire(Path runDir, String runId) {
        RunLock held = take(runDir, runId);
        try {
            Files.writeString(runDir.resolve(PID_FILE), ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            held.close();
            throw new RunStore.StoreException("cannot write " + runDir.resolve(PID_FILE) + ": " + e.getMessage(), e);
        }
        return held;
    }

    /** Refuses when another process runs the run now; takes nothing. */
    public static void check(Path runDir, String runId) {
        RunLock probe = take(runDir, runId);
        probe.release();
    }

    private static RunLock take(Path runDir, String runId) {
        FileChannel ch;
        try {
            Files.createDirectories(runDir);
            ch = FileChannel.open(runDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new RunStore.StoreException("cannot lock run " + runId + ": " + e.getMessage(), e);
        }
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // this process runs it already
        } catch (IOException e) {
            close(ch);
            throw new RunStore.StoreException("cannot lock run " + runId + ": " + e.getMessage(), e);
        }
        if (l == null) {
            close(ch);
            String pid = "";
            try {
                pid = Files.readString(runDir.resolve(PID_FILE)).strip();
            } catch (IOException | RuntimeException e) {
                // the holder has not written its pid yet
            }
            throw new RunStore.StoreException("run " + runId + " is running in another process" + (pid.isEmpty()
                    ? "" : " (pid " + pid + ")") + "; wait for it to end or stop it, then resume", null);
        }
        return new RunLock(runDir, ch, l);
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing was locked
        }
    }

    private void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process ends soon or goes on without the lock; either way nothing waits for it
        }
    }

    /** Removes the process id, then lets the lock go. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(dir.resolve(PID_FILE));
        } catch (IOException e) {
            // a stale pid file of a process that is gone reads as a run that stopped, which it has
        }
        release();
    }
}
