package dev.wisp.dsl.check;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import java.util.ArrayList;
import java.util.List;

/**
 * WSP062: a sub-playbook that calls itself, directly or through others, would recurse until the run is killed.
 * The chain of files is followed through every sub-playbook that can be loaded (at most 16 deep, as at run time).
 */
final class SubPlaybookCycleCheck implements Check {
    private static final int MAX_DEPTH = 16;

    @Override
    public void run(CheckContext ctx) {
        for (Block b : ctx.playbook().blocks().values()) {
            if (b instanceof Block.PlaybookBlock pb) {
                List<String> chain = new ArrayList<>(List.of(ctx.playbook().file()));
                String cycle = follow(ctx, ctx.playbook(), pb, chain);
                if (cycle != null) {
                    ctx.report(Code.WSP062, pb.playbookLocation(), "block '" + pb.name() + "' starts a chain of "
                            + "sub-playbooks that " + cycle);
                }
            }
        }
    }

    /** Why the chain from {@code block} cannot end, or null. */
    private static String follow(CheckContext ctx, Playbook parent, Block.PlaybookBlock block, List<String> chain) {
        Playbook sub = ctx.subPlaybooks().find(parent, block.playbook()).playbook().orElse(null);
        if (sub == null) {
            return null; // WSP060 reports it
        }
        if (chain.contains(sub.file())) {
            return "calls itself: " + String.join(" -> ", chain) + " -> " + sub.file();
        }
        if (chain.size() >= MAX_DEPTH) {
            return "nests deeper than " + MAX_DEPTH + " levels: " + String.join(" -> ", chain);
        }
        chain.add(sub.file());
        for (Block b : sub.blocks().values()) {
            if (b instanceof Block.PlaybookBlock next) {
                String found = follow(ctx, sub, next, chain);
                if (found != null) {
                    return found;
                }
            }
        }
        chain.remove(chain.size() - 1);
        return null;
    }
}
