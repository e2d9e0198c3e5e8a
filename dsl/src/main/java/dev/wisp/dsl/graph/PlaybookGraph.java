package dev.wisp.dsl.graph;

import dev.wisp.dsl.model.Edge;
import dev.wisp.dsl.model.Playbook;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The playbook's blocks and edges as a graph with nodes {@code start}, the blocks, and {@code end}. Edges that name
 * unknown nodes are left out (a static check reports them). Immutable; built in O(V+E).
 */
public final class PlaybookGraph {
    private final List<String> nodes;
    private final Map<String, List<Edge>> out = new HashMap<>();
    private final Map<String, List<Edge>> in = new HashMap<>();
    private final Set<String> fromStart;
    private final Set<String> toEnd;

    public PlaybookGraph(Playbook playbook) {
        List<String> all = new ArrayList<>();
        all.add(Edge.START);
        all.addAll(playbook.blocks().keySet());
        all.add(Edge.END);
        this.nodes = List.copyOf(all);
        Set<String> known = new HashSet<>(all);
        for (String n : all) {
            out.put(n, new ArrayList<>());
            in.put(n, new ArrayList<>());
        }
        for (Edge e : playbook.edges()) {
            // edges into start or out of end are reported by a check and have no meaning in the graph
            if (known.contains(e.from()) && known.contains(e.to()) && !e.from().equals(Edge.END)
                    && !e.to().equals(Edge.START)) {
                out.get(e.from()).add(e);
                in.get(e.to()).add(e);
            }
        }
        this.fromStart = reach(Edge.START, true);
        this.toEnd = reach(Edge.END, false);
    }

    /** start, the blocks in written order, end. */
    public List<String> nodes() {
        return nodes;
    }

    public List<Edge> outgoing(String node) {
        return Collections.unmodifiableList(out.getOrDefault(node, List.of()));
    }

    public List<Edge> incoming(String node) {
        return Collections.unmodifiableList(in.getOrDefault(node, List.of()));
    }

    /** Whether {@code node} has a {@code failure} edge (its failures are routed, not the run's). */
    public boolean routesFailure(String node) {
        return outgoing(node).stream().anyMatch(e -> "failure".equals(e.port()));
    }

    /**
     * The port an edge follows: its own, or for an edge without one {@code success} when its block routes
     * failures, else the default port {@code ""}.
     */
    public String port(Edge e) {
        return e.port() != null ? e.port() : routesFailure(e.from()) ? "success" : "";
    }

    /** Whether {@code node} can be reached from start. */
    public boolean reachableFromStart(String node) {
        return fromStart.contains(node);
    }

    /** Whether end can be reached from {@code node}. */
    public boolean reachesEnd(String node) {
        return toEnd.contains(node);
    }

    /**
     * Whether {@code ancestor} has a path to {@code node}. A backward search from {@code node} that stops when it
     * finds {@code ancestor}, and, when the graph has no cycle, never looks at nodes before {@code ancestor} in the
     * topological order (they cannot lead to it): a data path naming a block a few steps up costs a few steps, so
     * checking every data path of a playbook stays linear in its size.
     */
    public boolean isUpstream(String ancestor, String node) {
        if (!in.containsKey(ancestor) || !in.containsKey(node)) {
            return false;
        }
        Map<String, Integer> order = order();
        int floor = order == null ? Integer.MIN_VALUE : order.get(ancestor);
        if (order != null && order.get(node) <= floor) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.push(node);
        while (!todo.isEmpty()) {
            for (Edge e : in.get(todo.pop())) {
                String from = e.from();
                if (from.equals(ancestor)) {
                    return true;
                }
                if ((order == null || order.get(from) > floor) && seen.add(from)) {
                    todo.push(from);
                }
            }
        }
        return false;
    }

    private Map<String, Integer> topoIndex;
    private boolean topoKnown;

    /** Each node's place in a topological order, or null when there is a cycle. */
    private synchronized Map<String, Integer> order() {
        if (!topoKnown) {
            topoKnown = true;
            topologicalOrder().ifPresent(o -> {
                Map<String, Integer> m = new HashMap<>();
                for (int i = 0; i < o.size(); i++) {
                    m.put(o.get(i), i);
                }
                topoIndex = m;
            });
        }
        return topoIndex;
    }

    private Set<String> reach(String from, boolean forward) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (seen.add(n)) {
                for (Edge e : (forward ? out : in).get(n)) {
                    todo.push(forward ? e.to() : e.from());
                }
            }
        }
        return seen;
    }

    /**
     * The edges that close cycles: for each cycle found by a depth-first search from every node, the back edge that
     * closes it, with the nodes of the cycle in order.
     */
    public List<Cycle> cycles() {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the stack, 2 = done
        List<Cycle> found = new ArrayList<>();
        for (String n : nodes) {
            if (!state.containsKey(n)) {
                dfs(n, state, new ArrayList<>(), found);
            }
        }
        return found;
    }

    /**
     * A cycle.
     *
     * @param closing the edge that closes it
     * @param path    the nodes of the cycle, starting at the closing edge's target
     */
    public record Cycle(Edge closing, List<String> path) {
        public Cycle {
            path = List.copyOf(path);
        }
    }

    private void dfs(String start, Map<String, Integer> state, List<String> stack, List<Cycle> found) {
        // iterative: playbooks are small, but generated ones may be deep
        Deque<Map.Entry<String, Integer>> frames = new ArrayDeque<>();
        frames.push(Map.entry(start, 0));
        state.put(start, 1);
        stack.add(start);
        while (!frames.isEmpty()) {
            Map.Entry<String, Integer> top = frames.pop();
            String n = top.getKey();
            List<Edge> edges = out.get(n);
            int i = top.getValue();
            if (i < edges.size()) {
                frames.push(Map.entry(n, i + 1));
                Edge e = edges.get(i);
                Integer s = state.get(e.to());
                if (s == null) {
                    state.put(e.to(), 1);
                    stack.add(e.to());
                    frames.push(Map.entry(e.to(), 0));
                } else if (s == 1) {
                    found.add(new Cycle(e, stack.subList(stack.indexOf(e.to()), stack.size())));
                }
            } else {
                state.put(n, 2);
                stack.remove(stack.size() - 1);
            }
        }
    }

    /** The blocks in an order where every block comes after its upstream blocks; empty when there is a cycle. */
    public Optional<List<String>> topologicalOrder() {
        Map<String, Integer> remaining = new LinkedHashMap<>();
        nodes.forEach(n -> remaining.put(n, in.get(n).size()));
        Deque<String> ready = new ArrayDeque<>();
        remaining.forEach((n, c) -> {
            if (c == 0) {
                ready.add(n);
            }
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String n = ready.poll();
            order.add(n);
            for (Edge e : out.get(n)) {
                if (remaining.merge(e.to(), -1, Integer::sum) == 0) {
                    ready.add(e.to());
                }
            }
        }
        return order.size() == nodes.size() ? Optional.of(List.copyOf(order)) : Optional.empty();
    }
}
