package dev.wisp.dsl.check;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Edge;
import dev.wisp.dsl.model.Playbook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** WSP020 unknown block in an edge, WSP021 unknown or missing port, WSP025 duplicate edge. */
final class EdgeCheck implements Check {

    @Override
    public void run(CheckContext ctx) {
        Playbook p = ctx.playbook();
        List<String> names = new ArrayList<>(p.blocks().keySet());
        Map<String, Edge> seen = new HashMap<>();
        for (Edge e : p.edges()) {
            boolean known = endpoint(ctx, e, e.from(), names) & endpoint(ctx, e, e.to(), names);
            if (known) {
                ports(ctx, e);
            }
            Edge first = seen.putIfAbsent(e.text(), e);
            if (first != null) {
                ctx.report(Code.WSP025, e.location(), "edge '" + e.text() + "' is written twice (first at line "
                        + first.location().line() + "); remove one");
            }
        }
    }

    private static boolean endpoint(CheckContext ctx, Edge e, String name, List<String> names) {
        if (name.equals(Edge.START) || name.equals(Edge.END) || ctx.playbook().blocks().containsKey(name)) {
            return true;
        }
        ctx.report(Code.WSP020, e.location(), "edge '" + e.text() + "' names block '" + name
                + "', which does not exist" + Suggest.hint(name, names));
        return false;
    }

    private static void ports(CheckContext ctx, Edge e) {
        if (e.to().equals(Edge.START)) {
            ctx.report(Code.WSP021, e.location(), "no edge may enter start; start is where the playbook begins");
        }
        if (e.from().equals(Edge.END)) {
            ctx.report(Code.WSP021, e.location(), "no edge may leave end; end is where the playbook finishes");
            return;
        }
        if (e.from().equals(Edge.START)) {
            if (e.port() != null) {
                ctx.report(Code.WSP021, e.location(), "start has no ports; write 'start -> " + e.to() + "'");
            }
            return;
        }
        Block from = ctx.playbook().blocks().get(e.from());
        List<String> ports = from.ports();
        boolean needsPort = !ports.contains("");
        if (e.port() == null && needsPort) {
            ctx.report(Code.WSP021, e.location(), kind(from) + " '" + from.name() + "' has no default output; "
                    + "name a port: " + String.join(", ", ports.stream().map(x -> from.name() + "." + x).toList()));
        } else if (e.port() != null && !ports.contains(e.port())) {
            List<String> named = ports.stream().filter(x -> !x.isEmpty()).toList();
            ctx.report(Code.WSP021, e.location(), kind(from) + " '" + from.name() + "' has no port '" + e.port()
                    + "'" + (named.isEmpty() ? "; write '" + from.name() + " -> " + e.to() + "'"
                    : Suggest.closest(e.port(), named).map(s -> "; did you mean '" + s + "'?")
                            .orElse("; its ports are " + String.join(", ", named))));
        }
    }

    /** "an action", "a filter". */
    static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    static String kind(Block b) {
        return b instanceof Block.PlaybookBlock ? "playbook block" : b.kind();
    }
}
