package dev.wisp.dsl.check;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** WSP045: parameters from different multi-valued sources without {@code combine}: an implicit cross product. */
final class ProductCheck implements Check {

    @Override
    public void run(CheckContext ctx) {
        for (Block b : ctx.playbook().blocks().values()) {
            if (!(b instanceof Block.ActionBlock a) || a.combine() != null) {
                continue;
            }
            Map<String, List<String>> bySource = new LinkedHashMap<>();
            for (Map.Entry<String, Value> e : a.parameters().entrySet()) {
                String source = Sources.multiValuedSource(ctx.playbook(), e.getValue());
                boolean unknownBlock = e.getValue() instanceof Value.PathRef ref
                        && ref.path() instanceof dev.wisp.dsl.path.DataPath.BlockPath bp
                        && !ctx.playbook().blocks().containsKey(bp.block());
                if (source != null && !unknownBlock) {
                    bySource.computeIfAbsent(source, k -> new ArrayList<>()).add(e.getKey());
                }
            }
            if (bySource.size() > 1) {
                List<String> parts = new ArrayList<>();
                bySource.forEach((source, params) -> parts.add(String.join(", ", params) + " (from " + source + ")"));
                ctx.report(Code.WSP045, a.location(), "block '" + a.name() + "' takes " + String.join(" and ", parts)
                        + ": it will run once per combination (a cross product); write 'combine: product' to "
                        + "confirm, or 'combine: zip' to pair the rows");
            }
        }
    }
}
