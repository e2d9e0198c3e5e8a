package dev.wisp.dsl.check;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Comparison;
import dev.wisp.dsl.model.Condition;
import dev.wisp.dsl.model.Value;
import java.util.ArrayList;
import java.util.List;

/** Every value a block reads (parameters, placeholders, inputs, condition sides), for the data path checks. */
final class BlockValues {
    private BlockValues() {
    }

    static List<Value> of(Block block) {
        List<Value> out = new ArrayList<>();
        // Java 17 has no pattern switch; the model's Block is sealed, so this chain covers every kind
        if (block instanceof Block.ActionBlock a) {
            out.addAll(a.parameters().values());
            if (a.repeat() != null) {
                conditions(List.of(a.repeat().until()), out);
            }
        } else if (block instanceof Block.PromptBlock p) {
            out.addAll(p.parameters());
        } else if (block instanceof Block.FilterBlock f) {
            conditions(f.conditions(), out);
        } else if (block instanceof Block.DecisionBlock d) {
            conditions(d.branches(), out);
        } else if (block instanceof Block.FormatBlock f) {
            out.addAll(f.parameters());
        } else if (block instanceof Block.PlaybookBlock p) {
            out.addAll(p.inputs().values());
        } else if (block instanceof Block.CodeBlock c) {
            out.addAll(c.inputs().values());
        }
        return out;
    }

    private static void conditions(List<Condition> conditions, List<Value> out) {
        for (Condition c : conditions) {
            for (Comparison cmp : c.comparisons()) {
                out.add(cmp.left());
                if (cmp.right() != null) {
                    out.add(cmp.right());
                }
            }
        }
    }
}
