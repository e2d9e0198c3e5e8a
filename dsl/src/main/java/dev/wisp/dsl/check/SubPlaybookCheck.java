package dev.wisp.dsl.check;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Input;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.model.Value;
import dev.wisp.dsl.path.DataPath;
import java.util.Map;

/**
 * WSP060 a sub-playbook that cannot be found or is invalid; WSP061 inputs it does not declare, required inputs not
 * given, and outputs it does not declare.
 */
final class SubPlaybookCheck implements Check {

    @Override
    public void run(CheckContext ctx) {
        for (Block b : ctx.playbook().blocks().values()) {
            if (!(b instanceof Block.PlaybookBlock pb)) {
                continue;
            }
            SubPlaybooks.Found found = ctx.subPlaybooks().find(ctx.playbook(), pb.playbook());
            if (found.playbook().isEmpty()) {
                ctx.report(Code.WSP060, pb.playbookLocation(), "sub-playbook '" + printable(pb.playbook()) + "' of block '"
                        + pb.name() + "': " + found.problem());
                continue;
            }
            Playbook sub = found.playbook().get();
            for (Map.Entry<String, Value> e : pb.inputs().entrySet()) {
                if (!sub.inputs().containsKey(e.getKey())) {
                    ctx.report(Code.WSP061, e.getValue().location(), "sub-playbook '" + sub.name()
                            + "' has no input '" + e.getKey() + "'" + Suggest.hint(e.getKey(), sub.inputs().keySet()));
                }
            }
            for (Input in : sub.inputs().values()) {
                if (in.required() && !pb.inputs().containsKey(in.name())) {
                    ctx.report(Code.WSP061, pb.location(), "block '" + pb.name() + "' must give sub-playbook '"
                            + sub.name() + "' its required input '" + in.name() + "'");
                }
            }
            outputs(ctx, pb, sub);
        }
    }

    private static void outputs(CheckContext ctx, Block.PlaybookBlock pb, Playbook sub) {
        for (Block b : ctx.playbook().blocks().values()) {
            for (Value v : BlockValues.of(b)) {
                if (v instanceof Value.PathRef ref && ref.path() instanceof DataPath.BlockPath bp
                        && bp.block().equals(pb.name()) && bp.root().equals("playbook_output")
                        && bp.segments().size() > 1) {
                    String name = bp.segments().get(1).toString();
                    if (!sub.outputs().containsKey(name)) {
                        ctx.report(Code.WSP061, ref.location(), "sub-playbook '" + sub.name() + "' has no output '"
                                + name + "'" + Suggest.hint(name, sub.outputs().keySet()));
                    }
                }
            }
        }
    }

    /** The path as written, with control characters (a NUL, say) shown as escapes rather than printed raw. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : Character.toString(c)));
        return out.toString();
    }
}
