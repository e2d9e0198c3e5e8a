package dev.wisp.importer.soar;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.BlockInfo;
import dev.wisp.dsl.model.Edge;
import dev.wisp.dsl.model.Join;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The graph: SOAR's edges as Wisp edges (a filter's or decision's branch index as its port), joins by the rule of
 * section 3.6 of the format notes, an edge to {@code end} for every branch SOAR just let end, and the blocks in
 * graph order.
 */
final class GraphMapper {
    /** Block types SOAR runs synchronously: a join looks through them for the asynchronous blocks it waits for. */
    private static final Set<String> SYNC = Set.of("filter", "decision", "format", "code", "start");

    private final Translation t;
    private final Map<String, Map<Integer, String>> ports;

    GraphMapper(Translation t, Map<String, Map<Integer, String>> ports) {
        this.t = t;
        this.ports = ports;
    }

    /** The edges, with the losses of those that cannot be written. */
    List<Edge> edges(Map<String, Block> byId) {
        Set<String> seen = new HashSet<>();
        List<Edge> out = new ArrayList<>();
        SoarExport x = t.export;
        for (SoarExport.SoarEdge e : x.edges()) {
            SoarNode from = x.nodes().get(e.source());
            SoarNode to = x.nodes().get(e.target());
            if (from == x.end() || to == x.start()) {
                t.losses.node(from, Code.WSP108, e.pointer(), "edge " + from.name() + " -> " + to.name()
                        + " leaves the end or enters the start; not imported");
                continue;
            }
            Block source = byId.get(from.id());
            String port = null;
            if (source instanceof Block.FilterBlock || source instanceof Block.DecisionBlock) {
                port = e.condition() == null ? null : ports.getOrDefault(from.id(), Map.of()).get(e.condition());
                if (port == null) {
                    t.losses.node(from, Code.WSP108, e.pointer(), "edge " + from.name() + " -> " + to.name()
                            + (e.condition() == null ? " names no condition of the " + from.type()
                            : " names condition index " + e.condition() + ", which the " + from.type()
                            + " does not have") + "; not imported");
                    continue;
                }
            }
            Edge edge = new Edge(from.name(), port, to.name(), t.at(e.pointer()));
            if (seen.add(edge.text())) {
                out.add(edge);
            }
        }
        return out;
    }

    /**
     * Adds {@code -> end} to every block that has no way out (SOAR just ends such a branch; Wisp requires every
     * block to reach end), and reports blocks that nothing leads to.
     */
    List<Edge> endEdges(Map<String, Block> byId, List<Edge> edges) {
        List<Edge> out = new ArrayList<>(edges);
        Set<String> reachable = reach(Edge.START, edges, true);
        for (SoarNode n : t.export.blocks()) {
            Block b = byId.get(n.id());
            if (b == null) {
                continue;
            }
            if (!reachable.contains(n.name())) {
                t.losses.node(n, Code.WSP108, n.pointer(), "block '" + n.name() + "' cannot be reached from the start "
                        + "(SOAR never runs it); Wisp refuses such a block: connect or remove it");
            }
            boolean leaves = edges.stream().anyMatch(e -> e.from().equals(n.name()));
            if (leaves) {
                continue;
            }
            List<String> from = switch (b.type()) {
                case FILTER, DECISION -> b.ports();
                case ACTION, PROMPT, FORMAT, PLAYBOOK, CODE -> java.util.Collections.singletonList(null);
            };
            for (String port : from) {
                out.add(new Edge(n.name(), port, Edge.END, t.at(n.pointer())));
            }
            t.losses.node(n, Code.WSP131, n.pointer(), "'" + n.name() + "' did not lead to SOAR's end block; "
                    + "an edge to end was added (the branch ends there, as in SOAR)");
        }
        return out;
    }

    private static Set<String> reach(String from, List<Edge> edges, boolean forward) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String x = todo.pop();
            if (seen.add(x)) {
                edges.stream().filter(e -> (forward ? e.from() : e.to()).equals(x))
                        .forEach(e -> todo.push(forward ? e.to() : e.from()));
            }
        }
        return seen;
    }

    /** The join of every block with several incoming edges (3.6). */
    Map<String, Join> joins(Map<String, Block> byId) {
        Map<String, Join> out = new HashMap<>();
        SoarExport x = t.export;
        Map<String, List<String>> parents = new HashMap<>();
        for (SoarExport.SoarEdge e : x.edges()) {
            parents.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e.source());
        }
        for (SoarNode n : x.blocks()) {
            Set<String> direct = new LinkedHashSet<>(parents.getOrDefault(n.id(), List.of()));
            if (direct.size() < 2 || !byId.containsKey(n.id())) {
                continue;
            }
            Set<String> waits = new TreeSet<>();
            Set<String> visited = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(direct);
            while (!todo.isEmpty()) {
                SoarNode p = x.nodes().get(todo.pop());
                if (p == null || !visited.add(p.id())) {
                    continue;
                }
                boolean sync = SYNC.contains(p.type()) || (p.type().equals("utility")
                        && p.text("utilityType").equals("api"));
                if (sync) {
                    todo.addAll(parents.getOrDefault(p.id(), List.of()));
                } else {
                    waits.add(p.functionName());
                }
            }
            Set<String> notRequired = new TreeSet<>();
            n.advanced("notRequiredJoins").forEach(j -> notRequired.add(j.asText()));
            Set<String> required = new TreeSet<>(waits);
            required.removeAll(notRequired);
            String pointer = n.dataPointer() + "/advanced";
            if (required.size() == waits.size()) {
                out.put(n.name(), Join.ALL);
                t.losses.node(n, Code.WSP134, n.pointer(), "join of " + direct.size() + " branches waits for all ("
                        + String.join(", ", waits) + "); Wisp also runs it when a branch can no longer be taken, "
                        + "where SOAR would wait");
            } else if (required.isEmpty()) {
                out.put(n.name(), Join.ANY);
            } else {
                out.put(n.name(), Join.ALL);
                Set<String> not = new TreeSet<>(waits);
                not.retainAll(notRequired);
                t.losses.node(n, Code.WSP112, pointer + "/notRequiredJoins", "SOAR waits for " + String.join(", ",
                        required) + " but not for " + String.join(", ", not) + "; Wisp's join waits for all "
                        + "incoming branches");
            }
        }
        return out;
    }

    /** Blocks in graph order: a topological order from start, ties broken by the editor's layout (top to bottom). */
    List<String> order(List<Edge> edges, Map<String, SoarNode> byName) {
        Map<String, Integer> indegree = new LinkedHashMap<>();
        byName.keySet().forEach(b -> indegree.put(b, 0));
        for (Edge e : edges) {
            indegree.computeIfPresent(e.to(), (k, v) -> v + 1);
        }
        Comparator<String> layout = Comparator.comparingDouble((String b) -> byName.get(b).node().path("y").asDouble(0))
                .thenComparingDouble(b -> byName.get(b).node().path("x").asDouble(0)).thenComparing(b -> b);
        PriorityQueue<String> ready = new PriorityQueue<>(layout);
        edges.stream().filter(e -> e.from().equals(Edge.START)).forEach(e -> {
            if (indegree.containsKey(e.to()) && indegree.merge(e.to(), -1, Integer::sum) == 0) {
                ready.add(e.to());
            }
        });
        indegree.forEach((b, d) -> {
            if (d == 0 && !ready.contains(b) && edges.stream().noneMatch(e -> e.to().equals(b))) {
                ready.add(b);
            }
        });
        List<String> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (!ready.isEmpty()) {
            String b = ready.poll();
            if (!done.add(b)) {
                continue;
            }
            out.add(b);
            for (Edge e : edges) {
                if (e.from().equals(b) && indegree.containsKey(e.to()) && indegree.merge(e.to(), -1, Integer::sum) == 0) {
                    ready.add(e.to());
                }
            }
        }
        byName.keySet().stream().filter(b -> !done.contains(b)).sorted(layout).forEach(out::add);
        return out;
    }

    static Block withJoin(Block b, Join join) {
        BlockInfo i = new BlockInfo(b.info().name(), b.info().description(), join, b.info().location());
        return switch (b.type()) {
            case ACTION -> {
                Block.ActionBlock a = (Block.ActionBlock) b;
                yield new Block.ActionBlock(i, a.action(), a.actionLocation(), a.asset(), a.app(), a.parameters(),
                        a.combine(), a.maxConcurrency(), a.timeout(), a.retry(), a.repeat(), a.onFailure());
            }
            case PROMPT -> {
                Block.PromptBlock p = (Block.PromptBlock) b;
                yield new Block.PromptBlock(i, p.message(), p.parameters(), p.responses(), p.approver(), p.timeout());
            }
            case FILTER -> new Block.FilterBlock(i, ((Block.FilterBlock) b).conditions());
            case DECISION -> new Block.DecisionBlock(i, ((Block.DecisionBlock) b).branches());
            case FORMAT -> {
                Block.FormatBlock f = (Block.FormatBlock) b;
                yield new Block.FormatBlock(i, f.template(), f.templateLocation(), f.parameters(), f.separator(),
                        f.dropNone());
            }
            case PLAYBOOK -> {
                Block.PlaybookBlock p = (Block.PlaybookBlock) b;
                yield new Block.PlaybookBlock(i, p.playbook(), p.playbookLocation(), p.inputs());
            }
            case CODE -> {
                Block.CodeBlock c = (Block.CodeBlock) b;
                yield new Block.CodeBlock(i, c.code(), c.codeStart(), c.file(), c.inputs(), c.outputs(), c.env(),
                        c.timeout(), c.onFailure());
            }
        };
    }
}
