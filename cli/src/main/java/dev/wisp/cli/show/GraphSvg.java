package dev.wisp.cli.show;

import dev.wisp.dsl.graph.PlaybookGraph;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Edge;
import dev.wisp.dsl.model.Playbook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A playbook's graph as SVG, top to bottom, each block coloured by what happened to it in a run and the edges the
 * run took drawn solid: blocks in layers by their longest path from start, ordered in each layer by where their
 * upstream blocks are (two sweeps of the barycentre heuristic). Linear in the graph's size but for the sort in
 * each layer, so large generated playbooks draw too.
 */
final class GraphSvg {
    static final int NODE_H = 34;
    static final int LAYER_GAP = 62;
    static final int NODE_GAP = 24;
    static final int CHAR_W = 7;

    private GraphSvg() {
    }

    /**
     * The SVG.
     *
     * @param statuses block to its status in the run (success, failed, skipped...); missing is pending
     * @param ports    block to the ports it fired
     */
    static String svg(Playbook playbook, Map<String, String> statuses, Map<String, Collection<String>> ports) {
        PlaybookGraph g = new PlaybookGraph(playbook);
        Map<String, Integer> layer = layers(g);
        List<List<String>> layers = new ArrayList<>();
        for (String n : g.nodes()) {
            slot(layers, layer.get(n)).add(n);
        }
        // an edge across several layers runs through a point in each layer between (a node of no width), so the
        // ordering keeps it beside the blocks it passes instead of through them
        List<Edge> edges = new ArrayList<>();
        g.nodes().forEach(n -> edges.addAll(g.outgoing(n)));
        Map<Edge, List<String>> via = new HashMap<>();
        Map<String, List<String>> up = new HashMap<>(); // point or node -> what feeds it from the layer above
        for (int i = 0; i < edges.size(); i++) {
            Edge e = edges.get(i);
            int from = layer.get(e.from());
            int to = layer.get(e.to());
            List<String> points = new ArrayList<>();
            String prev = e.from();
            for (int l = from + 1; l < to; l++) {
                String point = "~" + i + "~" + l;
                slot(layers, l).add(point);
                points.add(point);
                up.computeIfAbsent(point, k -> new ArrayList<>()).add(prev);
                prev = point;
            }
            if (to > from) {
                up.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(prev);
            }
            via.put(e, points);
        }
        Map<String, Double> x = new HashMap<>();
        for (int sweep = 0; sweep < 3; sweep++) {
            for (List<String> row : layers) {
                Map<String, Double> bary = new HashMap<>();
                for (int i = 0; i < row.size(); i++) {
                    String n = row.get(i);
                    double sum = 0;
                    int count = 0;
                    for (String u : up.getOrDefault(n, List.of())) {
                        Double px = x.get(u);
                        if (px != null) {
                            sum += px;
                            count++;
                        }
                    }
                    bary.put(n, count == 0 ? (x.containsKey(n) ? x.get(n) : i) : sum / count);
                }
                row.sort(Comparator.comparingDouble(bary::get));
                for (int i = 0; i < row.size(); i++) {
                    x.put(row.get(i), (double) i);
                }
            }
        }
        Map<String, int[]> box = new HashMap<>(); // x, y, width
        int[] rowWidth = new int[layers.size()];
        int width = 0;
        for (int l = 0; l < layers.size(); l++) {
            int cx = NODE_GAP;
            for (String n : layers.get(l)) {
                int w = n.startsWith("~") ? 0 : Math.max(80, label(playbook, n).length() * CHAR_W + 24);
                box.put(n, new int[] {cx, NODE_GAP + l * (NODE_H + LAYER_GAP), w});
                cx += w + NODE_GAP;
            }
            rowWidth[l] = cx;
            width = Math.max(width, cx);
        }
        for (int l = 0; l < layers.size(); l++) { // each layer centred
            int shift = (width - rowWidth[l]) / 2;
            for (String n : layers.get(l)) {
                box.get(n)[0] += shift;
            }
        }
        int height = NODE_GAP * 2 + layers.size() * (NODE_H + LAYER_GAP) - LAYER_GAP;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"playbook graph\">");
        b.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\"/></marker></defs>");
        // edges not taken first, so the path the run took is drawn over them
        List<String> taken = new ArrayList<>();
        for (Edge e : edges) {
            boolean isTaken = e.from().equals(Edge.START) ? !statuses.isEmpty()
                    : ports.getOrDefault(e.from(), Set.of()).contains(g.port(e));
            String drawn = edge(e, via.get(e), box, isTaken);
            if (isTaken) {
                taken.add(drawn);
            } else {
                b.append(drawn);
            }
        }
        taken.forEach(b::append);
        for (String n : g.nodes()) {
            int[] r = box.get(n);
            String status = n.equals(Edge.START) ? "terminal" : n.equals(Edge.END)
                    ? ("success".equals(statuses.get(Edge.END)) ? "success" : "terminal")
                    : statuses.getOrDefault(n, "pending");
            b.append("<g class=\"node ").append(Html.attr(status)).append("\" data-block=\"").append(Html.attr(n))
                    .append("\"><a href=\"#block-").append(Html.attr(n)).append("\"><rect x=\"").append(r[0])
                    .append("\" y=\"").append(r[1]).append("\" width=\"").append(r[2]).append("\" height=\"")
                    .append(NODE_H).append("\" rx=\"").append(n.equals(Edge.START) || n.equals(Edge.END) ? 17 : 6)
                    .append("\"/><text x=\"").append(r[0] + r[2] / 2).append("\" y=\"").append(r[1] + 21)
                    .append("\">").append(Html.text(label(playbook, n))).append("</text><title>")
                    .append(Html.text(n + ": " + status)).append("</title></a></g>");
        }
        return b.append("</svg>").toString();
    }

    private static List<String> slot(List<List<String>> layers, int l) {
        while (layers.size() <= l) {
            layers.add(new ArrayList<>());
        }
        return layers.get(l);
    }

    /** One edge: a smooth curve from the bottom of its source through its points to the top of its target. */
    private static String edge(Edge e, List<String> points, Map<String, int[]> box, boolean taken) {
        int[] a = box.get(e.from());
        int[] z = box.get(e.to());
        List<int[]> at = new ArrayList<>();
        at.add(new int[] {a[0] + a[2] / 2, a[1] + NODE_H});
        for (String p : points) {
            int[] r = box.get(p);
            at.add(new int[] {r[0], r[1]});
            at.add(new int[] {r[0], r[1] + NODE_H});
        }
        at.add(new int[] {z[0] + z[2] / 2, z[1]});
        StringBuilder d = new StringBuilder("M" + at.get(0)[0] + "," + at.get(0)[1]);
        for (int i = 1; i < at.size(); i++) {
            int[] p = at.get(i - 1);
            int[] q = at.get(i);
            if (q[1] > p[1]) {
                int mid = (q[1] - p[1]) / 2;
                d.append(" C").append(p[0]).append(',').append(p[1] + mid).append(' ').append(q[0]).append(',')
                        .append(q[1] - mid).append(' ').append(q[0]).append(',').append(q[1]);
            } else if (q[1] == p[1] + 0 && q[0] == p[0]) {
                continue;
            } else {
                // back to an earlier layer (a cycle): around the side
                d.append(" C").append(p[0] + 80).append(',').append(p[1] + 40).append(' ').append(q[0] + 80)
                        .append(',').append(q[1] - 40).append(' ').append(q[0]).append(',').append(q[1]);
            }
        }
        StringBuilder out = new StringBuilder("<path class=\"edge").append(taken ? " taken" : "").append("\" d=\"")
                .append(d).append("\" marker-end=\"url(#arrow)\"/>");
        if (e.port() != null) {
            int[] p = at.get(0);
            int[] q = at.get(1);
            out.append("<text class=\"port").append(taken ? " taken" : "").append("\" x=\"")
                    .append((p[0] + q[0]) / 2 + 4).append("\" y=\"").append(p[1] + 16).append("\">")
                    .append(Html.text(e.port())).append("</text>");
        }
        return out.toString();
    }

    private static String label(Playbook p, String node) {
        Block b = p.blocks().get(node);
        return b == null ? node : node + " · " + b.kind();
    }

    /** Each node's layer: its longest path from start (breadth-first depth where a cycle leaves no order). */
    private static Map<String, Integer> layers(PlaybookGraph g) {
        Map<String, Integer> layer = new HashMap<>();
        List<String> order = g.topologicalOrder().orElse(null);
        if (order != null) {
            for (String n : order) {
                int l = 0;
                for (Edge e : g.incoming(n)) {
                    l = Math.max(l, layer.get(e.from()) + 1);
                }
                layer.put(n, l);
            }
        } else {
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(Edge.START));
            layer.put(Edge.START, 0);
            while (!todo.isEmpty()) {
                String n = todo.poll();
                for (Edge e : g.outgoing(n)) {
                    if (!layer.containsKey(e.to())) {
                        layer.put(e.to(), layer.get(n) + 1);
                        todo.add(e.to());
                    }
                }
            }
            int last = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            for (String n : g.nodes()) {
                layer.putIfAbsent(n, ++last); // unreachable: below the rest
            }
        }
        // end last, on its own layer
        int max = layer.entrySet().stream().filter(en -> !en.getKey().equals(Edge.END))
                .mapToInt(Map.Entry::getValue).max().orElse(0);
        layer.put(Edge.END, max + 1);
        return layer;
    }
}
