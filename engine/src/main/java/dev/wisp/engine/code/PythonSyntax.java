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
 * WSP071: compiles every code block of a playbook with the real interpreter (one process per playbook, nothing
 * executed), and locates each syntax error in the playbook (the code block's line plus the Python line) or in
 * the code file. Without an interpreter there is nothing to compile with: the check says so and is skipped.
 */
public final class PythonSyntax {
    private static final ObjectMapper JSON = JournalCodec.mapper();
    private static final String SCRIPT = String.join("\n",
            "import json, sys",
            "out = []",
            "for b in json.loads(sys.stdin.buffer.read().decode('utf-8')):",
            "    try:",
            "        compile(b['code'], b['name'], 'exec', dont_inherit=True)",
            "    except SyntaxError as e:",
            "        out.append({'name': b['name'], 'line': e.lineno, 'column': e.offset, 'message': e.msg})",
            "    except (ValueError, OverflowError, RecursionError, MemoryError) as e:",
            "        out.append({'name': b['name'], 'line': None, 'column': None, 'message': str(e)})",
            "sys.stdout.write(json.dumps(out))");

    private final CodeSettings settings;

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
        Optional<java.nio.file.Path> python = Python.find(settings.python(), settings.environment());
        if (python.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> request = new ArrayList<>();
        for (Block.CodeBlock b : blocks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", b.name());
            m.put("code", b.code());
            request.add(m);
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(python.get().toString(), "-I", "-X", "utf8", "-c", SCRIPT);
            pb.environment().keySet().retainAll(java.util.Set.of("PATH", "HOME", "SYSTEMROOT"));
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                in.write(JSON.writeValueAsBytes(request));
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            List<Map<String, Object>> errors = JSON.readValue(new String(out, StandardCharsets.UTF_8), List.class);
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** What to tell the user when {@link #check} could not compile. */
    public String unavailable() {
        return "Python syntax of code blocks not checked: '" + settings.python() + "' was not found or did not run";
    }
}
