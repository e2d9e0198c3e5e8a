package dev.wisp.dsl.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the files a user names: playbooks, answers, assets, events. Regular files and streams (a named pipe,
 * {@code <(process substitution)}, {@code /dev/stdin}) alike, with the same size limit, and never blocking without
 * an end: a pipe that nobody writes to, or that is not finished within the timeout, is an error naming the file.
 */
public final class InputFiles {
    /** How long a pipe may take to be written, from opening it to its end. */
    public static final Duration PIPE_TIMEOUT = Duration.ofSeconds(30);
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;

    private InputFiles() {
    }

    /** A file larger than the limit. */
    public static final class TooLarge extends IOException {
        private final long size;

        TooLarge(Path file, long size, long limit) {
            super(file + " is " + (size > limit ? size + " bytes" : "more than " + limit + " bytes") + "; at most "
                    + limit + " bytes are read");
            this.size = size;
        }

        /** The size, when known; -1 for a stream that went past the limit. */
        public long size() {
            return size;
        }
    }

    /** Whether the path names something to read: it exists and is not a directory. */
    public static boolean readable(Path file) {
        return Files.exists(file) && !Files.isDirectory(file);
    }

    /** The file's bytes, at most {@code maxBytes}; a stream must end within {@link #PIPE_TIMEOUT}. */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        return read(file, maxBytes, PIPE_TIMEOUT);
    }

    /** The file's bytes, at most {@code maxBytes}; a stream must end within {@code timeout}. */
    public static byte[] read(Path file, long maxBytes, Duration timeout) throws IOException {
        if (Files.isRegularFile(file)) {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new TooLarge(file, size, maxBytes);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return bounded(in, file, maxBytes);
            }
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory");
        }
        return stream(file, maxBytes, timeout);
    }

    private static byte[] bounded(InputStream in, Path file, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new TooLarge(file, -1, maxBytes);
        }
        return bytes;
    }

    /** Opening a pipe blocks until a writer comes, reading until it is done: both happen on a thread of their own. */
    private static byte[] stream(Path file, long maxBytes, Duration timeout) throws IOException {
        CompletableFuture<byte[]> read = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                read.complete(bounded(in, file, maxBytes));
            } catch (IOException | RuntimeException e) {
                read.completeExceptionally(e);
            }
        }, "wisp-read-" + file.getFileName());
        reader.setDaemon(true);
        reader.start();
        try {
            return read.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            release(file);
            throw new IOException(file + " is a pipe that was not written to its end within "
                    + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s")
                    + " (nothing writes to it?)");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(file);
            throw new IOException("interrupted while reading " + file, e);
        }
    }

    /**
     * Unblocks a reader still waiting for a named pipe's writer by being that writer for a moment: it then reads an
     * empty pipe and ends, instead of staying blocked for the rest of the process. Best effort, on its own thread
     * (opening a pipe to write blocks too, should the reader be gone already).
     */
    private static void release(Path file) {
        try {
            if (((Integer) Files.getAttribute(file, "unix:mode") & S_IFMT) != S_IFIFO) {
                return;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return;
        }
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                out.flush();
            } catch (IOException e) {
                // the reader is gone, or the pipe is: nothing is left to release
            }
        }, "wisp-release-" + file.getFileName());
        writer.setDaemon(true);
        writer.start();
    }
}
