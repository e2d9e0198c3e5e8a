package dev.wisp.dsl.check;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.CodeOutput;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a code block's Python reads and writes, as far as the text shows it (no Python parser in the JVM):
 * WSP072 {@code inputs["x"]} or {@code inputs.get("x")} for an input the block does not declare; WSP073 (warning)
 * a declared output the code never writes with {@code outputs["x"] = ...} or {@code phantom.save_run_data(key="x")},
 * unless the code writes outputs in a way the text cannot follow ({@code outputs.update}, {@code outputs[name]}).
 */
final class CodeIoCheck implements Check {
    private static final Pattern READ = Pattern.compile(
            "\\binputs\\s*(?:\\[\\s*(['\"])([^'\"\\\\]*)\\1\\s*\\]|\\.get\\(\\s*(['\"])([^'\"\\\\]*)\\3)");
    private static final Pattern WRITE = Pattern.compile(
            "\\boutputs\\s*\\[\\s*(['\"])([^'\"\\\\]*)\\1\\s*\\]\\s*(?:[-+*/|&]?=(?!=))");
    private static final Pattern SAVE = Pattern.compile(
            "save_run_data\\s*\\([^)]*?key\\s*=\\s*(['\"])([^'\"\\\\]*)\\1");
    private static final Pattern DYNAMIC = Pattern.compile(
            "\\boutputs\\s*(?:\\.(?:update|setdefault|__setitem__)\\s*\\(|\\[\\s*[^'\"\\s\\]])");

    @Override
    public void run(CheckContext ctx) {
        for (Block b : ctx.playbook().blocks().values()) {
            if (b instanceof Block.CodeBlock code) {
                check(ctx, code);
            }
        }
    }

    private static void check(CheckContext ctx, Block.CodeBlock code) {
        String[] lines = code.code().split("\n", -1);
        Set<String> written = new HashSet<>();
        boolean dynamic = false;
        for (int i = 0; i < lines.length; i++) {
            String line = withoutComment(lines[i]);
            Matcher m = READ.matcher(line);
            while (m.find()) {
                String name = m.group(2) != null ? m.group(2) : m.group(4);
                if (!code.inputs().containsKey(name)) {
                    ctx.report(Code.WSP072, code.pythonLocation(i + 1, m.start() + 1), "code block '" + code.name()
                            + "' reads input '" + name + "' (Python line " + (i + 1) + "), which it does not declare"
                            + (code.inputs().isEmpty() ? "; declare it under inputs"
                            : Suggest.hint(name, code.inputs().keySet())));
                }
            }
            for (Pattern p : new Pattern[] {WRITE, SAVE}) {
                Matcher w = p.matcher(line);
                while (w.find()) {
                    written.add(w.group(2));
                }
            }
            dynamic |= DYNAMIC.matcher(line).find();
        }
        if (dynamic) {
            return;
        }
        for (CodeOutput o : code.outputs().values()) {
            if (!written.contains(o.name())) {
                ctx.report(Code.WSP073, o.location(), "code block '" + code.name() + "' declares output '"
                        + o.name() + "' but its code never writes outputs[\"" + o.name() + "\"]; the block will "
                        + "fail when it runs without it");
            }
        }
    }

    /** The line without a trailing comment; a '#' inside a string literal is kept (a rough but safe reading). */
    private static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
