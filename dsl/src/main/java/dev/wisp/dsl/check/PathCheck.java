package dev.wisp.dsl.check;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Comparison;
import dev.wisp.dsl.model.Output;
import dev.wisp.dsl.model.Value;
import dev.wisp.dsl.path.DataPath;
import dev.wisp.dsl.path.Segment;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Data paths against the playbook: WSP041 unknown block, WSP042 not upstream, WSP046 unknown input, WSP047 bad
 * filtered-data reference, WSP048 a path form the named block does not produce.
 */
final class PathCheck implements Check {

    @Override
    public void run(CheckContext ctx) {
        for (Block b : ctx.playbook().blocks().values()) {
            // asked per data path, not as the block's whole upstream: linear in the playbook for the usual paths
            Predicate<String> upstream = name -> ctx.graph().isUpstream(name, b.name());
            Set<Value> selfAllowed = repeatValues(b);
            for (Value v : BlockValues.of(b)) {
                if (v instanceof Value.PathRef ref) {
                    Predicate<String> allowed = selfAllowed.contains(v)
                            ? upstream.or(b.name()::equals) : upstream;
                    check(ctx, b.name(), allowed, ref.path(), ref.location(), ref.text());
                }
            }
        }
        for (Output o : ctx.playbook().outputs().values()) {
            if (o.value() instanceof Value.PathRef ref) {
                check(ctx, null, ctx.playbook().blocks()::containsKey, ref.path(), ref.location(), ref.text());
            }
        }
    }

    /** A repeat's until condition reads the block's own latest results. */
    private static Set<Value> repeatValues(Block b) {
        Set<Value> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (b instanceof Block.ActionBlock a && a.repeat() != null) {
            for (Comparison c : a.repeat().until().comparisons()) {
                out.add(c.left());
                if (c.right() != null) {
                    out.add(c.right());
                }
            }
        }
        return out;
    }

    private static void check(CheckContext ctx, String user, Predicate<String> allowed, DataPath path, Location at,
                              String text) {
        if (path instanceof DataPath.BlockPath bp) {
            blockPath(ctx, user, allowed, bp, at, text);
        } else if (path instanceof DataPath.FilteredPath fp) {
            Block f = ctx.playbook().blocks().get(fp.filter());
            if (f == null) {
                ctx.report(Code.WSP041, at, "data path '" + text + "' names filter '" + fp.filter()
                        + "', which does not exist" + Suggest.hint(fp.filter(), ctx.playbook().blocks().keySet()));
                return;
            }
            if (!(f instanceof Block.FilterBlock filter)) {
                ctx.report(Code.WSP047, at, "filtered-data names '" + fp.filter() + "', which is "
                        + EdgeCheck.article(EdgeCheck.kind(f)) + ", not a filter");
                return;
            }
            if (!filter.ports().contains(fp.condition())) {
                ctx.report(Code.WSP047, at, "filter '" + fp.filter() + "' has no condition '" + fp.condition() + "'"
                        + Suggest.closest(fp.condition(), filter.ports()).map(s -> "; did you mean '" + s + "'?")
                        .orElse("; its conditions are " + String.join(", ", filter.ports())));
                return;
            }
            if (user != null && !allowed.test(fp.filter())) {
                notUpstream(ctx, user, fp.filter(), at);
                return;
            }
            check(ctx, user, allowed, fp.inner(), at, text);
        } else if (path instanceof DataPath.InputPath ip) {
            if (!ctx.playbook().inputs().containsKey(ip.name())) {
                ctx.report(Code.WSP046, at, "data path '" + text + "' names input '" + ip.name()
                        + "', which is not declared under inputs" + Suggest.hint(ip.name(),
                        ctx.playbook().inputs().keySet()));
            }
        }
    }

    private static void blockPath(CheckContext ctx, String user, Predicate<String> allowed, DataPath.BlockPath bp,
                                  Location at, String text) {
        Block target = ctx.playbook().blocks().get(bp.block());
        if (target == null) {
            ctx.report(Code.WSP041, at, "data path '" + text + "' names block '" + bp.block()
                    + "', which does not exist" + Suggest.hint(bp.block(), ctx.playbook().blocks().keySet()));
            return;
        }
        if (user != null && !allowed.test(bp.block())) {
            notUpstream(ctx, user, bp.block(), at);
            return;
        }
        String problem = kindProblem(target, bp.segments());
        if (problem != null) {
            ctx.report(Code.WSP048, at, "data path '" + text + "': " + problem);
        }
    }

    private static void notUpstream(CheckContext ctx, String user, String block, Location at) {
        ctx.report(Code.WSP042, at, user.equals(block)
                ? "block '" + user + "' reads its own results; only a repeat's until condition may"
                : "block '" + user + "' reads '" + block + "', which does not run before it; data paths may only "
                        + "name upstream blocks (add a path of edges from '" + block + "' to '" + user + "')");
    }

    private static String kindProblem(Block target, List<Segment> segs) {
        String root = segs.isEmpty() ? "" : segs.get(0).toString();
        String second = segs.size() > 1 ? segs.get(1).toString() : "";
        if (target instanceof Block.ActionBlock) {
            return root.equals("action_result") || root.equals("summary") ? null
                    : "an action block has action_result and summary, not " + root;
        }
        if (target instanceof Block.PromptBlock) {
            boolean ok = root.equals("action_result") && (second.equals("status") || second.equals("message")
                    || second.equals("summary") || second.equals("parameter"));
            return ok ? null : "a prompt has action_result.summary.responses.N, action_result.status and "
                    + "action_result.message";
        }
        if (target instanceof Block.FormatBlock) {
            return root.equals("formatted_data") ? null : "a format block has formatted_data and formatted_data.*";
        }
        if (target instanceof Block.PlaybookBlock) {
            return root.equals("playbook_output") || (root.equals("action_result") && second.equals("status"))
                    ? null : "a playbook block has playbook_output:<name> and action_result.status";
        }
        if (target instanceof Block.CodeBlock) {
            return root.equals("custom_function") && segs.size() > 1 || (root.equals("action_result")
                    && (second.equals("status") || second.equals("message")))
                    ? null : "a code block has custom_function:<output>, action_result.status and action_result.message";
        }
        return EdgeCheck.kind(target) + " '" + target.name() + "' has no data of its own"
                + (target instanceof Block.FilterBlock
                ? "; read the matching items with filtered-data:" + target.name() + ":<condition>:<data path>" : "");
    }
}
