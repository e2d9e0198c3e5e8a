package dev.wisp.dsl.check;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Condition;
import dev.wisp.dsl.model.Edge;
import dev.wisp.dsl.model.Output;
import dev.wisp.dsl.model.Value;
import dev.wisp.dsl.path.DataPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** WSP027 a filter condition that no edge leaves and no {@code filtered-data:} path reads. */
final class FilterPortCheck implements Check {

    @Override
    public void run(CheckContext ctx) {
        Set<String> used = new HashSet<>();
        for (Edge e : ctx.playbook().edges()) {
            if (e.port() != null) {
                used.add(e.from() + "." + e.port());
            }
        }
        List<Value> values = new ArrayList<>();
        ctx.playbook().blocks().values().forEach(b -> values.addAll(BlockValues.of(b)));
        ctx.playbook().outputs().values().stream().map(Output::value).forEach(values::add);
        for (Value v : values) {
            if (v instanceof Value.PathRef ref) {
                DataPath p = ref.path();
                while (p instanceof DataPath.FilteredPath fp) {
                    used.add(fp.filter() + "." + fp.condition());
                    p = fp.inner();
                }
            }
        }
        for (Block b : ctx.playbook().blocks().values()) {
            if (b instanceof Block.FilterBlock f) {
                for (Condition c : f.conditions()) {
                    if (!used.contains(f.name() + "." + c.name())) {
                        ctx.report(Code.WSP027, c.location(), "condition '" + c.name() + "' of filter '" + f.name()
                                + "' leads nowhere: no edge leaves '" + f.name() + "." + c.name()
                                + "' and no filtered-data path reads it; add an edge from it, or remove it");
                    }
                }
            }
        }
    }
}
