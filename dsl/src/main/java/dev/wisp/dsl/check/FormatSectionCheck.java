package dev.wisp.dsl.check;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Block;

/** WSP080: the {@code %%} markers of a format template pair up, so every row section is closed. */
final class FormatSectionCheck implements Check {
    private static final String MARKER = "%%";

    @Override
    public void run(CheckContext ctx) {
        for (Block b : ctx.playbook().blocks().values()) {
            if (b instanceof Block.FormatBlock f) {
                check(ctx, f);
            }
        }
    }

    private static void check(CheckContext ctx, Block.FormatBlock f) {
        String t = f.template();
        int markers = 0;
        int last = -1;
        for (int at = t.indexOf(MARKER); at >= 0; at = t.indexOf(MARKER, at + MARKER.length())) {
            markers++;
            last = at;
        }
        if (markers % 2 == 1) {
            int line = 1 + (int) t.substring(0, last).chars().filter(c -> c == '\n').count();
            ctx.report(Code.WSP080, f.templateLocation(), "format of '" + f.name() + "' opens a %% row section at "
                    + "line " + line + " of its template that is never closed (" + markers + " %% marker"
                    + (markers == 1 ? "" : "s") + ", an odd number); close the section with another %%");
        }
    }
}
