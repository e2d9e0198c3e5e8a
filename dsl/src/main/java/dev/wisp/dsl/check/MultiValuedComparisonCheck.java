package dev.wisp.dsl.check;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Comparison;
import dev.wisp.dsl.model.Condition;
import dev.wisp.dsl.model.Operator;
import dev.wisp.dsl.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * WSP049: an ordering comparison ({@code <}, {@code <=}, {@code >}, {@code >=}) with a multi-valued path of another
 * source than the items the condition iterates. It holds when it holds for any of that source's values, which is
 * rarely what was meant; the usual fix is to compare the items' own values, or to filter the other source first.
 */
final class MultiValuedComparisonCheck implements Check {
    private static final Set<Operator> ORDERING = Set.of(Operator.LT, Operator.LE, Operator.GT, Operator.GE);

    @Override
    public void run(CheckContext ctx) {
        for (Block b : ctx.playbook().blocks().values()) {
            for (Condition c : conditions(b)) {
                String items = null;
                for (Comparison cmp : c.comparisons()) {
                    for (Value v : sides(cmp)) {
                        if (items == null) {
                            items = Sources.multiValuedSource(ctx.playbook(), v);
                        }
                    }
                }
                for (Comparison cmp : c.comparisons()) {
                    if (!ORDERING.contains(cmp.operator())) {
                        continue;
                    }
                    for (Value v : sides(cmp)) {
                        String source = Sources.multiValuedSource(ctx.playbook(), v);
                        if (source != null && !source.equals(items)) {
                            ctx.report(Code.WSP049, v.location(), "'" + cmp.operator().symbol() + "' in condition '"
                                    + c.name() + "' of block '" + b.name() + "' compares with every value of "
                                    + source + ", while the condition's items are " + (items == null ? "one value"
                                    : "the rows of " + items) + ": it holds when any of those values fits; compare "
                                    + "the items' own values, or filter " + source + " first");
                        }
                    }
                }
            }
        }
    }

    private static List<Condition> conditions(Block b) {
        List<Condition> out = new ArrayList<>();
        if (b instanceof Block.FilterBlock f) {
            out.addAll(f.conditions());
        } else if (b instanceof Block.DecisionBlock d) {
            out.addAll(d.branches());
        } else if (b instanceof Block.ActionBlock a && a.repeat() != null) {
            out.add(a.repeat().until());
        }
        return out;
    }

    private static List<Value> sides(Comparison cmp) {
        return cmp.right() == null ? List.of(cmp.left()) : List.of(cmp.left(), cmp.right());
    }
}
