package dev.wisp.cli.graph;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Edge;
import dev.wisp.dsl.model.Join;
import dev.wisp.dsl.model.Playbook;
import java.util.List;
import java.util.Map;

/**
 * Draws a playbook as Mermaid (renders in pull requests) or Graphviz DOT: shapes per block kind, ports on the
 * edges, failure edges dashed, join kinds on blocks with several incoming edges, and optionally each block coloured
 * by what happened to it in a run.
 */
public final class GraphRenderer {
    private static final Map<String, String> FILL = Map.of("success", "#d4edda", "partial", "#fff3cd", "failed",
            "#f8d7da", "skipped", "#e2e3e5", "running", "#cfe2ff", "pending", "#ffffff");

    private GraphRenderer() {
    }

    private static String kind(Block b) {
        if (b instanceof Block.ActionBlock a) {
            return a.action();
        }
        if (b instanceof Block.CodeBlock c) {
            return c.file() != null ? "code " + c.file() : "code";
        }
        return b instanceof Block.PlaybookBlock p ? "playbook " + p.playbook() : b.kind();
    }

    private static String joinNote(Playbook p, Block b) {
        long incoming = p.edges().stream().filter(e -> e.to().equals(b.name())).count();
        return incoming > 1 ? "join: " + (b.info().join() == Join.ANY ? "any" : "all") : null;
    }

    /** Mermaid flowchart; {@code statuses} (block to run status) may be empty. */
    public static String mermaid(Playbook p, Map<String, String> statuses) {
        StringBuilder b = new StringBuilder("flowchart TD\n");
        b.append("  start_((start))\n");
        for (Block block : p.blocks().values()) {
            String label = mermaidText(block.name() + "\n" + kind(block)
                    + (joinNote(p, block) == null ? "" : "\n" + joinNote(p, block)));
            String shape;
            if (block instanceof Block.ActionBlock) {
                shape = "[\"" + label + "\"]";
            } else if (block instanceof Block.PromptBlock) {
                shape = "[/\"" + label + "\"/]";
            } else if (block instanceof Block.FilterBlock || block instanceof Block.DecisionBlock) {
                shape = "{\"" + label + "\"}";
            } else if (block instanceof Block.FormatBlock) {
                shape = ">\"" + label + "\"]";
            } else if (block instanceof Block.CodeBlock) {
                shape = "{{\"" + label + "\"}}";
            } else {
                shape = "[[\"" + label + "\"]]";
            }
            b.append("  ").append(id(block.name())).append(shape).append('\n');
        }
        b.append("  end_((end))\n");
        for (Edge e : p.edges()) {
            String from = id(e.from());
            String to = id(e.to());
            if ("failure".equals(e.port())) {
                b.append("  ").append(from).append(" -. failure .-> ").append(to).append('\n');
            } else if (e.port() != null) {
                b.append("  ").append(from).append(" -- ").append(mermaidText(e.port())).append(" --> ").append(to)
                        .append('\n');
            } else {
                b.append("  ").append(from).append(" --> ").append(to).append('\n');
            }
        }
        if (!statuses.isEmpty()) {
            FILL.forEach((status, color) -> b.append("  classDef ").append(status).append(" fill:").append(color)
                    .append(",stroke:#555\n"));
            statuses.forEach((block, status) -> {
                if (p.blocks().containsKey(block) && FILL.containsKey(status)) {
                    b.append("  class ").append(id(block)).append(' ').append(status).append('\n');
                }
            });
        }
        return b.toString();
    }

    private static String id(String name) {
        return name.equals(Edge.START) ? "start_" : name.equals(Edge.END) ? "end_" : name;
    }

    private static String mermaidText(String s) {
        return s.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;").replace("\n", "<br/>");
    }

    /** Graphviz DOT; {@code statuses} may be empty. */
    public static String dot(Playbook p, Map<String, String> statuses) {
        StringBuilder b = new StringBuilder("digraph ").append(dotText(p.name())).append(" {\n");
        b.append("  rankdir=TB;\n  node [fontname=\"Helvetica\", fontsize=11];\n  edge [fontname=\"Helvetica\", "
                + "fontsize=10];\n");
        b.append("  \"start\" [shape=circle, label=\"start\"];\n  \"end\" [shape=doublecircle, label=\"end\"];\n");
        for (Block block : p.blocks().values()) {
            String shape = block instanceof Block.ActionBlock ? "box" : block instanceof Block.PromptBlock
                    ? "parallelogram" : block instanceof Block.FormatBlock ? "note" : block instanceof Block.PlaybookBlock
                    ? "component" : block instanceof Block.CodeBlock ? "hexagon" : "diamond";
            String label = block.name() + "\n" + kind(block) + (joinNote(p, block) == null ? ""
                    : "\n" + joinNote(p, block));
            b.append("  ").append(dotText(block.name())).append(" [shape=").append(shape).append(", label=")
                    .append(dotText(label));
            String status = statuses.get(block.name());
            if (status != null && FILL.containsKey(status)) {
                b.append(", style=filled, fillcolor=\"").append(FILL.get(status)).append('"');
            }
            b.append("];\n");
        }
        for (Edge e : p.edges()) {
            b.append("  ").append(dotText(e.from())).append(" -> ").append(dotText(e.to()));
            if ("failure".equals(e.port())) {
                b.append(" [label=\"failure\", style=dashed, color=\"#c0392b\"]");
            } else if (e.port() != null) {
                b.append(" [label=").append(dotText(e.port())).append(']');
            }
            b.append(";\n");
        }
        return b.append("}\n").toString();
    }

    private static String dotText(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** Block statuses from a run report. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> statuses(Map<String, Object> report) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Object blocks = report.get("blocks");
        if (blocks instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(((Map<String, Object>) v).get("status"))));
        }
        return out;
    }
}
