package dev.wisp.engine.code;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.journal.JournalCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * WSP071: compiles every code block of a playbook with the real interpreter (nothing executed), and locates each
 * syntax error in the playbook (the code block's line plus the Python line) or in the code file. One interpreter
 * process serves every playbook this checker is asked about, a line of JSON in and out for each: a process for each
 * playbook cost 30 to 40 ms of interpreter start each, which made a validate of 1,000 playbooks four times slower.
 * Without an interpreter there is nothing to compile with: the check says so and is skipped. Thread-safe.
 */
public final class PythonSyntax {
    private static final ObjectMapper JSON = JournalCodec.mapper();
    private static final String SCRIPT = String.join("\n",
            "import json, os, sys, threading",
            "while True:",
            "    idle = threading.Timer(IDLE, lambda: os._exit(0))",  // a checker nobody asks any more ends
            "    idle.daemon = True",
            "    idle.start()",
            "    line = sys.stdin.readline()",
            "    idle.cancel()",
            "    if not line:",
            "        break",
            "    out = []",
            "    for b in json.loads(line):",
            "        try:",
            "            compile(b['code'], b['name'], 'exec', dont_inherit=True)",
            "        except SyntaxError as e:",
            "            out.append({'name': b['name'], 'line': e.lineno, 'column': e.offset, 'message': e.msg})",
            "        except (ValueError, OverflowError, RecursionError, MemoryError) as e:",
            "            out.append({'name': b['name'], 'line': None, 'column': None, 'message': str(e)})",
            "    sys.stdout.write(json.dumps(out) + '\\n')",
            "    sys.stdout.flush()").replace("IDLE", "60");
    /** How long one playbook's compilation may take before the checker is given up on. */
    private static final long TIMEOUT_SECONDS = 20;

    private final CodeSettings settings;
    /** The interpreter, started at the first playbook with code; it ends when its input closes or after 60 s idle. */
    private Process process;
    private java.io.BufferedReader answers;

    /** A checker that compiles with the interpreter of {@code settings} (allowed or not: nothing runs). */
    public PythonSyntax(CodeSettings settings) {
        this.settings = settings;
    }

    /**
     * The syntax errors of the playbook's code blocks, or empty when they could not be checked (no interpreter, or
     * it failed: {@link #unavailable()} says why).
     */
    @SuppressWarnings("unchecked")
    public Optional<List<Diagnostic>> check(Playbook playbook) {
        List<Block.CodeBlock> blocks = playbook.blocks().values().stream()
                .filter(b -> b instanceof Block.CodeBlock).map(b -> (Block.CodeBlock) b).toList();
        if (blocks.isEmpty()) {
            return Optional.of(List.of());
        }
        List<Map<String, Object>> request = new ArrayList<>();
        for (Block.CodeBlock b : blocks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", b.name());
            m.put("code", b.code());
            request.add(m);
        }
        Optional<String> answer = compile(request);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<Map<String, Object>> errors = JSON.readValue(answer.get(), List.class);
            List<Diagnostic> diagnostics = new ArrayList<>();
            for (Map<String, Object> e : errors) {
                Block.CodeBlock b = (Block.CodeBlock) playbook.blocks().get(String.valueOf(e.get("name")));
                int line = e.get("line") instanceof Number n ? n.intValue() : 1;
                int column = e.get("column") instanceof Number n ? n.intValue() : 1;
                diagnostics.add(Diagnostic.of(Code.WSP071, b.pythonLocation(line, column), "Python syntax error in "
                        + "code block '" + b.name() + "' (" + (b.file() != null ? b.file() + " " : "Python ")
                        + "line " + line + "): " + e.get("message")));
            }
            return Optional.of(diagnostics);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * One request to the interpreter (started if need be): its answer line, or empty when it could not answer. A
     * checker that had ended (idle for a minute) as it was asked is started again once.
     */
    private synchronized Optional<String> compile(List<Map<String, Object>> request) {
        boolean running = process != null && process.isAlive();
        Optional<String> answer = ask(request);
        return answer.isEmpty() && running ? ask(request) : answer;
    }

    private Optional<String> ask(List<Map<String, Object>> request) {
        try {
            if (process == null || !process.isAlive()) {
                Optional<java.nio.file.Path> python = Python.find(settings.python(), settings.environment());
                if (python.isEmpty()) {
                    return Optional.empty();
                }
                ProcessBuilder pb = new ProcessBuilder(python.get().toString(), "-I", "-X", "utf8", "-c", SCRIPT);
                pb.environment().keySet().retainAll(java.util.Set.of("PATH", "HOME", "SYSTEMROOT"));
                pb.redirectError(ProcessBuilder.Redirect.DISCARD);
                process = pb.start();
                answers = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8));
            }
            var in = process.getOutputStream();
            in.write(JSON.writeValueAsBytes(request)); // one line: JSON strings escape their line breaks
            in.write('\n');
            in.flush();
            java.io.BufferedReader reader = answers;
            java.util.concurrent.CompletableFuture<String> line = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return reader.readLine();
                        } catch (IOException e) {
                            return null;
                        }
                    });
            String answer = line.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (answer == null) {
                stop();
                return Optional.empty();
            }
            return Optional.of(answer);
        } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            stop();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return Optional.empty();
        }
    }

    /** Ends the interpreter (the next check starts another). */
    private void stop() {
        if (process != null) {
            process.destroyForcibly();
            process = null;
            answers = null;
        }
    }

    /** What to tell the user when {@link #check} could not compile. */
    public String unavailable() {
        return "Python syntax of code blocks not checked: '" + settings.python() + "' was not found or did not run";
    }
}
