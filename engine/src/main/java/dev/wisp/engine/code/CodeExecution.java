package dev.wisp.engine.code;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.parse.Durations;
import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.spi.ActionContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One execution on one interpreter: the request goes out, log lines come back into the journal until the answer,
 * within the block's timeout (real time) and the output limits. Whatever stops it early kills the interpreter.
 */
final class CodeExecution {
    /** The most a block may print (stdout and stderr together) into the journal. */
    static final long MAX_LOG_BYTES = 1 << 20;
    /** The most its outputs may take as JSON (they are journaled, and journal lines have a limit). */
    static final long MAX_OUTPUT_BYTES = 1 << 20;
    private static final ObjectMapper JSON = JournalCodec.mapper();

    /**
     * How it ended: Python's answer, or why there is none.
     *
     * @param answer  the answer line, or null
     * @param failure why there is no answer, or null
     */
    record Ended(String answer, String failure) {
    }

    private final ActionContext ctx;
    private final Block.CodeBlock block;
    private final PythonProcess process;
    private final AtomicLong printed = new AtomicLong();
    private final AtomicBoolean over = new AtomicBoolean();
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();

    CodeExecution(ActionContext ctx, Block.CodeBlock block, PythonProcess process) {
        this.ctx = ctx;
        this.block = block;
        this.process = process;
    }

    Ended run(String request) {
        Duration timeout = block.timeout() != null ? block.timeout() : CodeSettings.DEFAULT_TIMEOUT;
        CompletableFuture.runAsync(() -> {
            if (!finished.get()) {
                timedOut.set(true);
                process.kill();
            }
        }, CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
        ctx.onCancel(() -> {
            if (!finished.get()) { // a late cancel must not kill the interpreter serving another block
                process.kill();
            }
        });
        String answer;
        try {
            answer = process.call(request, this::log, this::read);
        } catch (PythonProcess.TooLong e) {
            process.kill();
            return new Ended(null, "its outputs are larger than the limit of " + (MAX_OUTPUT_BYTES >> 20)
                    + " MiB of JSON");
        } catch (IOException e) {
            answer = null;
        } finally {
            finished.set(true);
        }
        if (answer != null) {
            return new Ended(answer, null);
        }
        process.kill();
        if (timedOut.get()) {
            ctx.log("the Python process and its children were killed at the timeout");
            // the same words as the scheduler's own timeout, whichever of the two comes first
            return new Ended(null, "timed out after " + Durations.format(timeout));
        }
        return new Ended(null, over.get() ? "it printed more than the limit of " + (MAX_LOG_BYTES >> 20)
                + " MiB (stdout and stderr)" : ctx.cancelled() ? "cancelled"
                : "the Python process ended unexpectedly (exit code " + process.exitCode() + ")");
    }

    private boolean log(String stream, String text) {
        if (over.get()) {
            return false;
        }
        if (printed.addAndGet(text.length() + 1L) > MAX_LOG_BYTES) {
            over.set(true);
            ctx.log(stream + ": (output stopped: more than " + (MAX_LOG_BYTES >> 20) + " MiB)");
            return false;
        }
        ctx.log(stream + ": " + text);
        return true;
    }

    private String read(InputStream from) throws IOException {
        while (true) {
            String line = PythonProcess.readLine(from, MAX_OUTPUT_BYTES + 4096);
            if (line == null) {
                return null;
            }
            Map<String, Object> m = parse(line);
            if (!m.containsKey("log")) {
                return line;
            }
            if (!log(String.valueOf(m.get("log")), String.valueOf(m.get("text")))) {
                process.kill();
                return null;
            }
        }
    }

    /** A message from Python; one that is not JSON is an error answer saying so. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String line) {
        try {
            return JSON.readValue(line, Map.class);
        } catch (IOException e) {
            return Map.of("done", true, "error", "wisp: a message from Python that is not JSON: "
                    + line.substring(0, Math.min(200, line.length())));
        }
    }
}
