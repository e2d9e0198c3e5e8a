package dev.wisp.engine.exec;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Condition;
import dev.wisp.engine.data.BlockState;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The blocks that decide at once, from data already there: filters, decisions, formats. */
final class Decisions {
    private Decisions() {
    }

    static void filter(Scheduler s, Block.FilterBlock f) {
        Map<String, BlockState.Matches> matches = new LinkedHashMap<>();
        Map<String, Object> matched = new LinkedHashMap<>();
        Map<String, Object> missing = new LinkedHashMap<>();
        Set<String> ports = new LinkedHashSet<>();
        for (Condition c : f.conditions()) {
            Conditions.Outcome o = Conditions.evaluate(c, s.playbook, s.data, s.eval);
            matches.put(c.name(), o.matches());
            matched.put(c.name(), o.matches().keys().size());
            if (o.missing() > 0) {
                missing.put(c.name(), o.missing());
            }
            if (o.matched()) {
                ports.add(c.name());
            }
        }
        BlockState st = new BlockState(List.of(), null, List.of(), matches, Map.of());
        Map<String, Object> out = Restored.output(st);
        out.put("matched", matched);
        if (!missing.isEmpty()) {
            out.put("missing", missing);
        }
        if (ports.isEmpty()) {
            out.put("note", "no condition matched: this branch of the playbook ends here");
        }
        s.finish(f.name(), st, "success", 0, 0, ports, out);
    }

    static void decision(Scheduler s, Block.DecisionBlock d) {
        String port = null;
        Map<String, Object> missing = new LinkedHashMap<>();
        for (Condition c : d.branches()) {
            Conditions.Outcome o = Conditions.evaluate(c, s.playbook, s.data, s.eval);
            if (o.missing() > 0) {
                missing.put(c.name(), o.missing());
            }
            if (o.matched()) {
                port = c.name();
                break;
            }
        }
        boolean elseEdge = s.graph.outgoing(d.name()).stream()
                .anyMatch(e -> Block.DecisionBlock.ELSE.equals(e.port()));
        if (port == null && elseEdge) {
            port = Block.DecisionBlock.ELSE;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("branch", port);
        if (port == null) {
            out.put("note", "no branch matched and there is no else edge: this branch of the playbook ends here");
        }
        if (!missing.isEmpty()) {
            out.put("missing", missing);
        }
        s.finish(d.name(), new BlockState(List.of(), null, List.of(), Map.of(), Map.of()), "success", 0, 0,
                port == null ? Set.of() : Set.of(port), out);
    }

    static void format(Scheduler s, Block.FormatBlock f) {
        List<List<Object>> params = s.values(f.parameters());
        Templates.Formatted text = Templates.format(f.template(), params, f.separator(), f.dropNone());
        BlockState st = new BlockState(List.of(), text.whole(), text.rows(), Map.of(), Map.of());
        s.finish(f.name(), st, "success", 0, 0, Set.of(""), Restored.output(st));
    }
}
