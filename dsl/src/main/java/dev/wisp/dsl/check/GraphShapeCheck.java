package dev.wisp.dsl.check;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.graph.PlaybookGraph;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Edge;
import dev.wisp.dsl.model.Join;

/**
 * WSP022 unreachable from start, WSP023 cannot reach end, WSP024 cycle, WSP026 a join setting on a block with one
 * incoming edge.
 */
final class GraphShapeCheck implements Check {

    @Override
    public void run(CheckContext ctx) {
        PlaybookGraph g = ctx.graph();
        if (!g.reachesEnd(Edge.START) && !ctx.playbook().blocks().isEmpty()) {
            ctx.report(Code.WSP023, ctx.playbook().location(), "no path leads from start to end; add edges "
                    + "'start -> <first block>' and '<last block> -> end'");
        }
        for (Block b : ctx.playbook().blocks().values()) {
            if (!g.reachableFromStart(b.name())) {
                ctx.report(Code.WSP022, b.location(), "block '" + b.name() + "' can never run: no path from start "
                        + "leads to it; add an edge into it or remove it");
            } else if (!g.reachesEnd(b.name())) {
                ctx.report(Code.WSP023, b.location(), "block '" + b.name() + "' has no path to end; add an edge "
                        + "'" + b.name() + " -> end' (or to a block that reaches end)");
            }
            if (b.info().join() == Join.ANY && g.incoming(b.name()).size() < 2) {
                ctx.report(Code.WSP026, b.location(), "'join: any' has no effect on block '" + b.name()
                        + "', which has " + g.incoming(b.name()).size() + " incoming edge(s)");
            }
        }
        for (PlaybookGraph.Cycle c : g.cycles()) {
            ctx.report(Code.WSP024, c.closing().location(), "edge '" + c.closing().text() + "' closes a cycle "
                    + String.join(" -> ", c.path()) + " -> " + c.closing().to()
                    + "; playbooks are acyclic: use 'repeat' on a block to loop");
        }
    }
}
