package dev.wisp.engine.code;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisp.dsl.model.Block;
import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.AppConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a run's code blocks: warm Python interpreters kept for the whole run (one per set of passed-through
 * environment variables, more when blocks run in parallel), each serving one execution at a time. An interpreter
 * that times out, is cancelled, breaks a limit or dies is killed with its children and replaced by a fresh one.
 */
final class CodeConnection implements AppConnection {
    /** The most a block may print (stdout and stderr together) into the journal. */
    static final long MAX_LOG_BYTES = 1 << 20;
    /** The most its outputs may take as JSON (they are journaled, and journal lines have a limit). */
    static final long MAX_OUTPUT_BYTES = 1 << 20;

    private static final ObjectMapper JSON = JournalCodec.mapper();
    private final Map<String, Block.CodeBlock> blocks;
    private final CodeSettings settings;
    private final Map<String, Object> container;
    private final Map<String, Object> runData = new LinkedHashMap<>();
    private final Map<String, Object> formats = new LinkedHashMap<>();
    private final Map<List<String>, Deque<PythonProcess>> idle = new HashMap<>();
    private final List<PythonProcess> all = new ArrayList<>();
    private final Path workDir;
    private final boolean ownWorkDir;
    private boolean closed;
    private Python.Interpreter interpreter;

    CodeConnection(Map<String, Block.CodeBlock> blocks, CodeSettings settings, Map<String, Object> container,
                   Map<String, Object> savedBefore, Map<String, Object> formatsBefore) {
        this.blocks = Map.copyOf(blocks);
        this.settings = settings;
        this.container = container;
        runData.putAll(savedBefore);
        formats.putAll(formatsBefore);
        try {
            if (settings.workDir() != null) {
                workDir = Files.createDirectories(settings.workDir());
                ownWorkDir = false;
            } else {
                workDir = Files.createTempDirectory("wisp-code-");
                ownWorkDir = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the code blocks' folder: " + e.getMessage(), e);
        }
    }

    @Override
    public CompletionStage<ActionResult> execute(ActionContext ctx) {
        Block.CodeBlock block = blocks.get(ctx.blockName());
        Map<String, Object> params = ctx.parameters();
        if (block == null) {
            return done(ActionResult.failed(params, "block " + ctx.blockName() + " is not a code block"));
        }
        if (!settings.allowed()) {
            return done(ActionResult.failed(params, Python.problem(settings).orElse("code blocks are off")));
        }
        PythonProcess p;
        try {
            p = borrow(block);
        } catch (IOException e) {
            return done(ActionResult.failed(params, "cannot start Python: " + e.getMessage()));
        }
        Execution x = new Execution(ctx, block, p);
        return done(x.run());
    }

    private static CompletionStage<ActionResult> done(ActionResult r) {
        return CompletableFuture.completedFuture(r);
    }

    /** One execution on one interpreter: its limits, its timeout, its end. */
    private final class Execution {
        private final ActionContext ctx;
        private final Block.CodeBlock block;
        private final PythonProcess process;
        private final AtomicLong printed = new AtomicLong();
        private final AtomicBoolean over = new AtomicBoolean();
        private final AtomicBoolean timedOut = new AtomicBoolean();
        private final AtomicBoolean finished = new AtomicBoolean();

        Execution(ActionContext ctx, Block.CodeBlock block, PythonProcess process) {
            this.ctx = ctx;
            this.block = block;
            this.process = process;
        }

        ActionResult run() {
            Map<String, Object> params = ctx.parameters();
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
            long t0 = System.nanoTime();
            String answer;
            try {
                answer = process.call(request(params), this::log, this::read);
            } catch (PythonProcess.TooLong e) {
                process.kill();
                return ActionResult.failed(params, "its outputs are larger than the limit of "
                        + (MAX_OUTPUT_BYTES >> 20) + " MiB of JSON");
            } catch (IOException e) {
                answer = null;
            } finally {
                finished.set(true);
            }
            if (answer == null) {
                process.kill();
                if (timedOut.get()) {
                    ctx.log("the Python process and its children were killed at the timeout");
                }
                // the same words as the scheduler's own timeout, whichever of the two comes first
                return ActionResult.failed(params, timedOut.get()
                        ? "timed out after " + dev.wisp.dsl.parse.Durations.format(timeout)
                        : over.get() ? "it printed more than the limit of " + (MAX_LOG_BYTES >> 20)
                        + " MiB (stdout and stderr)" : ctx.cancelled() ? "cancelled"
                        : "the Python process ended unexpectedly (exit code " + process.exitCode() + ")");
            }
            giveBack(block, process);
            CodeResults.Outcome o = CodeResults.of(ctx, block, parse(answer), (System.nanoTime() - t0) / 1_000_000);
            if (o.result().succeeded()) {
                saved(o.runData(), o.formats());
            }
            return o.result();
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

        @SuppressWarnings("unchecked")
        private String read(InputStream from) throws IOException {
            while (true) {
                String line = PythonProcess.readLine(from, MAX_OUTPUT_BYTES + 4096);
                if (line == null) {
                    return null;
                }
                Map<String, Object> m = parse(line);
                if (m.containsKey("log")) {
                    if (!log(String.valueOf(m.get("log")), String.valueOf(m.get("text")))) {
                        process.kill();
                        return null;
                    }
                } else {
                    return line;
                }
            }
        }

        private String request(Map<String, Object> params) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("block", block.name());
            r.put("code", block.code());
            r.put("filename", block.file() != null ? block.file() : "<code block " + block.name() + ">");
            r.putAll(CodeInputs.request(block, params));
            r.put("outputs", new ArrayList<>(block.outputs().keySet()));
            r.put("container", container);
            synchronized (CodeConnection.this) {
                r.put("run_data", new LinkedHashMap<>(runData));
                r.put("formats", new LinkedHashMap<>(formats));
            }
            try {
                return JSON.writeValueAsString(r);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the inputs cannot be written as JSON: " + e.getMessage(), e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String line) {
        try {
            return JSON.readValue(line, Map.class);
        } catch (IOException e) {
            return Map.of("done", true, "error", "wisp: a message from Python that is not JSON: "
                    + line.substring(0, Math.min(200, line.length())));
        }
    }

    private synchronized PythonProcess borrow(Block.CodeBlock block) throws IOException {
        if (closed) {
            throw new IOException("the run has ended");
        }
        Deque<PythonProcess> free = idle.computeIfAbsent(block.env(), k -> new ArrayDeque<>());
        while (!free.isEmpty()) {
            PythonProcess p = free.pop();
            if (p.alive()) {
                return p;
            }
        }
        PythonProcess p = new PythonProcess(command(), workDir, environment(block));
        all.add(p);
        return p;
    }

    private synchronized void giveBack(Block.CodeBlock block, PythonProcess p) {
        if (closed || !p.alive()) {
            p.kill();
            return;
        }
        idle.computeIfAbsent(block.env(), k -> new ArrayDeque<>()).push(p);
    }

    private List<String> command() throws IOException {
        if (interpreter == null) {
            interpreter = Python.interpreter(settings);
        }
        if (interpreter.problem() != null) {
            throw new IOException(interpreter.problem());
        }
        return List.of(interpreter.path().toString(), "-I", "-u", "-X", "utf8", "-c", Runner.script());
    }

    /** Nothing of Wisp's environment but what the block lists, and what Python itself needs to start. */
    private Map<String, String> environment(Block.CodeBlock block) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : List.of("PATH", "SYSTEMROOT")) {
            String v = settings.environment().get(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        env.put("HOME", workDir.toString());
        env.put("TMPDIR", workDir.toString());
        env.put("LANG", "C.UTF-8");
        for (String name : block.env()) {
            String v = settings.environment().get(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        return env;
    }

    @Override
    public synchronized void close() {
        closed = true;
        all.forEach(PythonProcess::kill);
        all.clear();
        idle.clear();
        if (ownWorkDir) {
            try (var files = Files.walk(workDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a temporary folder left behind is not worth failing the run for
            }
        }
    }

    /** Records what a successful execution saved for later blocks ({@code save_run_data}, {@code format}). */
    synchronized void saved(Map<String, Object> data, Map<String, Object> formatted) {
        runData.putAll(data);
        formats.putAll(formatted);
    }

    /** The runner script, read once from the engine's jar. */
    static final class Runner {
        private static final String SCRIPT = load();

        private Runner() {
        }

        static String script() {
            return SCRIPT;
        }

        private static String load() {
            try (InputStream in = CodeConnection.class.getResourceAsStream("wisp_runner.py")) {
                if (in == null) {
                    throw new IllegalStateException("wisp_runner.py is missing from the engine's jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
