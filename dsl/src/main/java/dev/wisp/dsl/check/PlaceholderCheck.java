package dev.wisp.dsl.check;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.model.Block;
import java.util.BitSet;

/** WSP043: {@code {0}}, {@code {1}} placeholders of formats and prompt messages against their parameter lists. */
final class PlaceholderCheck implements Check {

    @Override
    public void run(CheckContext ctx) {
        for (Block b : ctx.playbook().blocks().values()) {
            if (b instanceof Block.FormatBlock f) {
                check(ctx, "format", f.name(), f.template(), f.parameters().size(), f.templateLocation());
            } else if (b instanceof Block.PromptBlock p) {
                check(ctx, "prompt message", p.name(), p.message(), p.parameters().size(), p.location());
            }
        }
    }

    private static void check(CheckContext ctx, String what, String block, String template, int count,
                              Location at) {
        BitSet used = new BitSet();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
                i += 2;
                continue;
            }
            if (c == '}') {
                ctx.report(Code.WSP043, at, what + " of '" + block + "' has a '}' without '{'; write '}}' for a "
                        + "literal brace");
                return;
            }
            if (c == '{') {
                int close = template.indexOf('}', i);
                if (close < 0) {
                    ctx.report(Code.WSP043, at, what + " of '" + block + "' has a '{' without '}'; write '{{' for a "
                            + "literal brace");
                    return;
                }
                String inside = template.substring(i + 1, close);
                if (!inside.matches("[0-9]{1,4}")) {
                    ctx.report(Code.WSP043, at, what + " of '" + block + "' has the placeholder {" + inside
                            + "}; placeholders are numbers {0}, {1}, ... that refer to the parameters list");
                    return;
                }
                int n = Integer.parseInt(inside);
                if (n >= count) {
                    ctx.report(Code.WSP043, at, what + " of '" + block + "' uses {" + n + "} but has "
                            + (count == 0 ? "no parameters" : "only " + count + " parameter" + (count == 1 ? "" : "s")
                            + " ({0}" + (count > 1 ? " to {" + (count - 1) + "}" : "") + ")"));
                }
                used.set(n);
                i = close + 1;
                continue;
            }
            i++;
        }
        for (int p = 0; p < count; p++) {
            if (!used.get(p)) {
                ctx.report(Code.WSP043, at, what + " of '" + block + "' never uses parameter " + p + " ({" + p
                        + "}); use it or remove it");
            }
        }
    }
}
