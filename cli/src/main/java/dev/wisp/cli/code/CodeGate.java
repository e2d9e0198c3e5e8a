package dev.wisp.cli.code;

import dev.wisp.cli.UsageException;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.code.CodeSettings;
import dev.wisp.engine.code.Python;
import dev.wisp.engine.run.RunRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, before a run starts, whether its code blocks may run: a playbook with code (itself or in a
 * sub-playbook) runs only with {@code --allow-code} or {@code code: {allow: true}} in its folder's
 * {@code wisp-project.yaml}, and only when the Python interpreter is there. Either refusal is a usage error that
 * names the blocks, so nothing starts half-way.
 */
public final class CodeGate {
    /** The environment variable naming the interpreter (above the project file). */
    public static final String PYTHON_VARIABLE = "WISP_PYTHON";

    private CodeGate() {
    }

    /** The code settings of a run of {@code playbook} (from {@code file}); off when it has no code at all. */
    public static CodeSettings settings(Path file, Playbook playbook, RunRequest.SubPlaybookSource subs,
                                        boolean allowFlag) {
        Map<String, List<String>> code = codeBlocks(playbook, subs);
        if (code.isEmpty()) {
            return CodeSettings.off();
        }
        ProjectFile project = allowed(file, code, allowFlag);
        String python = System.getenv(PYTHON_VARIABLE) != null && !System.getenv(PYTHON_VARIABLE).isBlank()
                ? System.getenv(PYTHON_VARIABLE) : project.python();
        CodeSettings settings = CodeSettings.allowed(python);
        Python.Interpreter interpreter = Python.interpreter(settings);
        if (interpreter.problem() != null) {
            throw new UsageException(describe(code) + ": " + interpreter.problem() + "; nothing was run");
        }
        // the interpreter itself, not a launcher in front of it (a pyenv shim costs a process per start)
        return CodeSettings.allowed(interpreter.path().toString());
    }

    /**
     * Refuses a run of a playbook with code blocks that neither {@code --allow-code} nor its project file allows,
     * without looking for an interpreter: a run on Temporal runs its Python on the workers (which are allowed by
     * {@code wisp worker --allow-code}).
     */
    public static void check(Path file, Playbook playbook, RunRequest.SubPlaybookSource subs, boolean allowFlag) {
        Map<String, List<String>> code = codeBlocks(playbook, subs);
        if (!code.isEmpty()) {
            allowed(file, code, allowFlag);
        }
    }

    private static ProjectFile allowed(Path file, Map<String, List<String>> code, boolean allowFlag) {
        ProjectFile project = ProjectFile.beside(file);
        if (!allowFlag && !project.allowCode()) {
            throw new UsageException(describe(code) + ": running Python from a playbook needs --allow-code, or "
                    + "'code: {allow: true}' in " + ProjectFile.NAME + " beside the playbook; nothing was run");
        }
        return project;
    }

    /**
     * The code settings of a worker: off unless its operator allowed code ({@code wisp worker --allow-code}), then
     * with the interpreter of {@code WISP_PYTHON} (else {@code python3}), which must be there.
     */
    public static CodeSettings worker(boolean allowFlag) {
        if (!allowFlag) {
            return CodeSettings.off();
        }
        String named = System.getenv(PYTHON_VARIABLE);
        Python.Interpreter interpreter = Python.interpreter(CodeSettings.allowed(named == null || named.isBlank()
                ? null : named));
        if (interpreter.problem() != null) {
            throw new UsageException("--allow-code: " + interpreter.problem());
        }
        return CodeSettings.allowed(interpreter.path().toString());
    }

    /** Playbook file to the names of its code blocks, for this playbook and the sub-playbooks it calls. */
    public static Map<String, List<String>> codeBlocks(Playbook playbook, RunRequest.SubPlaybookSource subs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        collect(playbook, subs, out, new HashSet<>());
        return out;
    }

    private static void collect(Playbook pb, RunRequest.SubPlaybookSource subs, Map<String, List<String>> out,
                                Set<String> seen) {
        if (!seen.add(pb.file()) || seen.size() > 64) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (Block b : pb.blocks().values()) {
            if (b instanceof Block.CodeBlock) {
                names.add(b.name());
            } else if (b instanceof Block.PlaybookBlock sub && subs != null) {
                try {
                    collect(subs.load(pb, sub.playbook()), subs, out, seen);
                } catch (RuntimeException e) {
                    // a sub-playbook that cannot be loaded fails its block at run time, saying why
                }
            }
        }
        if (!names.isEmpty()) {
            out.put(pb.file(), names);
        }
    }

    private static String describe(Map<String, List<String>> code) {
        List<String> parts = new ArrayList<>();
        code.forEach((file, names) -> parts.add(file + " (" + String.join(", ", names) + ")"));
        return "this run has code blocks: " + String.join("; ", parts);
    }
}
