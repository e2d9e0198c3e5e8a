package dev.wisp.engine.code;

import dev.wisp.dsl.model.Block;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warm interpreters of one run: one per set of passed-through environment variables, more when blocks run in
 * parallel. Each serves one execution at a time; one that died or was killed is never handed out again.
 */
final class PythonPool {
    private static final String SCRIPT = script();
    private final CodeSettings settings;
    private final Map<List<String>, Deque<PythonProcess>> idle = new HashMap<>();
    private final List<PythonProcess> all = new ArrayList<>();
    private final Path workDir;
    private final boolean ownWorkDir;
    private boolean closed;
    private Python.Interpreter interpreter;

    PythonPool(CodeSettings settings) {
        this.settings = settings;
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

    /** An idle interpreter for the block's environment, or a new one. */
    synchronized PythonProcess borrow(Block.CodeBlock block) throws IOException {
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

    /** An interpreter that answered, ready for the next execution. */
    synchronized void giveBack(Block.CodeBlock block, PythonProcess p) {
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
        return List.of(interpreter.path().toString(), "-I", "-u", "-X", "utf8", "-c", SCRIPT);
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

    /** Kills every interpreter; removes the work folder when it was a temporary one. */
    synchronized void close() {
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

    /** The runner script, read once from the engine's jar. */
    private static String script() {
        try (InputStream in = PythonPool.class.getResourceAsStream("wisp_runner.py")) {
            if (in == null) {
                throw new IllegalStateException("wisp_runner.py is missing from the engine's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
