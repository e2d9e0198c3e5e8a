package dev.wisp.engine.code;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One Python interpreter running Wisp's runner ({@code wisp_runner.py}): a request a line in, messages a line out,
 * its raw stderr (and fd 1, which the runner points there) read line by line on a thread of its own. Serves one
 * execution at a time; killed with its whole process tree on timeout, cancellation or a broken limit.
 */
final class PythonProcess {
    /** Where an execution's log lines go; false stops the execution (its output budget is spent). */
    interface Sink {
        boolean line(String stream, String text);
    }

    /** A message line longer than the limit: the process was killed. */
    static final class TooLong extends IOException {
        TooLong(long limit) {
            super("longer than " + limit + " bytes");
        }
    }

    private static final Sink NOBODY = (stream, text) -> true;
    private final Process process;
    private final OutputStream in;
    private final InputStream out;
    private volatile Sink sink = NOBODY;

    PythonProcess(List<String> command, Path cwd, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        process = pb.start();
        in = process.getOutputStream();
        out = new BufferedInputStream(process.getInputStream());
        Thread pump = new Thread(this::pumpStderr, "wisp-python-stderr-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Its exit code once it has ended (waiting a moment for an end already under way), or null while it runs. */
    Integer exitCode() {
        try {
            return process.waitFor(1, java.util.concurrent.TimeUnit.SECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Sends one request line; log messages go to {@code sink}, and the first message that is not a log returns. */
    String call(String request, Sink to, MessageReader reader) throws IOException {
        sink = to;
        try {
            in.write(request.getBytes(StandardCharsets.UTF_8));
            in.write('\n');
            in.flush();
            return reader.read(out);
        } finally {
            sink = NOBODY;
        }
    }

    /** Reads protocol lines until the answer, handing log lines to the sink. */
    interface MessageReader {
        String read(InputStream from) throws IOException;
    }

    /** One line of at most {@code max} bytes, without its newline; null at the end of the stream. */
    static String readLine(InputStream from, long max) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = from.read()) != -1) {
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() >= max) {
                throw new TooLong(max);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    Sink sink() {
        return sink;
    }

    /** Kills the interpreter and everything it started; a process ignoring SIGTERM is killed all the same. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Raw stderr, a line at a time (a line longer than 64 KiB comes in pieces), into the current sink. */
    private void pumpStderr() {
        try (InputStream err = new BufferedInputStream(process.getErrorStream())) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = err.read()) != -1) {
                if (b != '\n') {
                    line.write(b);
                }
                if (b == '\n' || line.size() >= 64 * 1024) {
                    if (!sink.line("stderr", line.toString(StandardCharsets.UTF_8))) {
                        kill();
                    }
                    line.reset();
                }
            }
            if (line.size() > 0) {
                sink.line("stderr", line.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the process ended: nothing more to read
        }
    }
}
