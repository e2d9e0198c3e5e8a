package dev.wisp.importer.soar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisp.dsl.model.Asset;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.CodeOutput;
import dev.wisp.dsl.model.Comparison;
import dev.wisp.dsl.model.Condition;
import dev.wisp.dsl.model.Edge;
import dev.wisp.dsl.model.Input;
import dev.wisp.dsl.model.Join;
import dev.wisp.dsl.model.Output;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.model.PromptResponse;
import dev.wisp.dsl.model.Repeat;
import dev.wisp.dsl.model.Value;
import dev.wisp.dsl.parse.Durations;
import dev.wisp.dsl.path.DataPathParser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a playbook model as the YAML a person would write: keys in the order of docs/playbook-format.md, blocks
 * in the model's order, plain scalars wherever they read back the same, {@code {value: ...}} only for a literal
 * that would read as a data path, multi-line text as {@code |} blocks, and the import's comments above the
 * playbook and its blocks. Reading the output with the playbook loader gives the same model (locations aside).
 */
public final class PlaybookYamlWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder out = new StringBuilder();
    private Set<String> blockNames = Set.of();

    /** The YAML of an imported playbook. */
    public static String write(ImportedPlaybook imported) {
        return new PlaybookYamlWriter().playbook(imported);
    }

    private String playbook(ImportedPlaybook imported) {
        Playbook p = imported.playbook();
        blockNames = p.blocks().keySet();
        imported.header().forEach(l -> comment("", l));
        line("", "playbook: " + str(p.name()));
        if (!p.description().isEmpty()) {
            text("", "description", p.description());
        }
        if (!p.assets().isEmpty()) {
            line("", "assets:");
            for (Asset a : p.assets().values()) {
                line("  ", key(a.name()) + ":");
                line("    ", "app: " + str(a.app()));
                if (!a.description().isEmpty()) {
                    text("    ", "description", a.description());
                }
            }
        }
        if (!p.inputs().isEmpty()) {
            line("", "inputs:");
            p.inputs().values().forEach(this::input);
        }
        if (!p.outputs().isEmpty()) {
            line("", "outputs:");
            for (Output o : p.outputs().values()) {
                line("  ", key(o.name()) + ":");
                line("    ", "value: " + value(o.value(), false));
                if (!o.description().isEmpty()) {
                    text("    ", "description", o.description());
                }
            }
        }
        line("", "blocks:");
        for (Block b : p.blocks().values()) {
            imported.commentsOf(b.name()).forEach(l -> comment("  ", l));
            line("  ", key(b.name()) + ":");
            block(b);
        }
        line("", "edges:");
        for (Edge e : p.edges()) {
            line("  ", "- " + str(e.text()));
        }
        return out.toString();
    }

    private void input(Input i) {
        line("  ", key(i.name()) + ":");
        line("    ", "type: " + i.type().id());
        if (!i.required() && i.defaultValue() == null) {
            line("    ", "required: false");
        }
        if (i.defaultValue() != null) {
            line("    ", "default: " + literal(i.defaultValue(), false));
        }
        if (!i.contains().isEmpty()) {
            line("    ", "contains: " + flowList(i.contains()));
        }
        if (!i.description().isEmpty()) {
            text("    ", "description", i.description());
        }
    }

    private void block(Block b) {
        String in = "    ";
        if (!b.info().description().isEmpty()) {
            text(in, "description", b.info().description());
        }
        if (b.info().join() == Join.ANY) {
            line(in, "join: any");
        }
        switch (b.type()) {
            case ACTION -> action((Block.ActionBlock) b);
            case PROMPT -> prompt((Block.PromptBlock) b);
            case FILTER -> conditions("filter", ((Block.FilterBlock) b).conditions());
            case DECISION -> conditions("decision", ((Block.DecisionBlock) b).branches());
            case FORMAT -> {
                Block.FormatBlock f = (Block.FormatBlock) b;
                text(in, "format", f.template());
                valueList("parameters", f.parameters());
                if (!f.separator().equals(", ")) {
                    line(in, "separator: " + str(f.separator()));
                }
                if (f.dropNone()) {
                    line(in, "drop_none: true");
                }
            }
            case PLAYBOOK -> {
                Block.PlaybookBlock s = (Block.PlaybookBlock) b;
                line(in, "playbook: " + str(s.playbook()));
                valueMap("inputs", s.inputs());
            }
            case CODE -> code((Block.CodeBlock) b);
        }
    }

    private void action(Block.ActionBlock a) {
        String in = "    ";
        line(in, "action: " + str(a.action()));
        line(in, a.asset() != null ? "asset: " + str(a.asset()) : "app: " + str(a.app()));
        valueMap("parameters", a.parameters());
        if (a.combine() != null) {
            line(in, "combine: " + a.combine().id());
        }
        if (a.repeat() != null) {
            Repeat r = a.repeat();
            line(in, "repeat:");
            line(in + "  ", "until: " + condition(r.until()));
            line(in + "  ", "interval: " + Durations.format(r.interval()));
            line(in + "  ", "max_iterations: " + r.maxIterations());
            line(in + "  ", "max_duration: " + Durations.format(r.maxDuration()));
        }
    }

    private void prompt(Block.PromptBlock p) {
        String in = "    ";
        text(in, "prompt", p.message());
        valueList("parameters", p.parameters());
        if (!p.responses().isEmpty()) {
            line(in, "responses:");
            for (PromptResponse r : p.responses()) {
                String options = r.type() == PromptResponse.Type.LIST ? ", options: " + flowList(r.options()) : "";
                line(in + "  ", "- {prompt: " + YamlScalars.string(r.prompt(), true) + ", type: " + r.type().id()
                        + options + "}");
            }
        }
        if (p.approver() != null) {
            line(in, "approver: " + str(p.approver()));
        }
        if (p.timeout() != null) {
            line(in, "timeout: " + Durations.format(p.timeout()));
        }
    }

    private void code(Block.CodeBlock c) {
        String in = "    ";
        text(in, "code", c.code());
        valueMap("inputs", c.inputs());
        if (!c.outputs().isEmpty()) {
            line(in, "outputs:");
            for (CodeOutput o : c.outputs().values()) {
                String desc = o.description().isEmpty() ? "" : ", description: "
                        + YamlScalars.string(o.description(), true);
                line(in + "  ", key(o.name()) + ": {type: " + o.type().id() + desc + "}");
            }
        }
    }

    private void conditions(String kind, List<Condition> conditions) {
        line("    ", kind + ":");
        for (Condition c : conditions) {
            line("      ", key(c.name()) + ": " + condition(c));
        }
    }

    /** {@code [[a, op, b], ...]}, or {@code {any: [...], case_sensitive: false}} when that is needed. */
    private String condition(Condition c) {
        String list = c.comparisons().stream().map(this::comparison).collect(Collectors.joining(", ", "[", "]"));
        if (c.logic() == Condition.Logic.ALL && c.caseSensitive()) {
            return list;
        }
        return "{" + c.logic().id() + ": " + list + (c.caseSensitive() ? "" : ", case_sensitive: false") + "}";
    }

    private String comparison(Comparison c) {
        return "[" + value(c.left(), true) + ", " + YamlScalars.string(c.operator().symbol(), true)
                + (c.right() == null ? "" : ", " + value(c.right(), true)) + "]";
    }

    private void valueMap(String name, Map<String, Value> values) {
        if (values.isEmpty()) {
            return;
        }
        line("    ", name + ":");
        values.forEach((k, v) -> {
            String multi = v instanceof Value.Literal l && l.value() instanceof String s
                    && !DataPathParser.looksLikePath(s, blockNames) ? YamlScalars.literalBlock(s, "        ") : null;
            line("      ", key(k) + ": " + (multi != null ? multi : value(v, false)));
        });
    }

    private void valueList(String name, List<Value> values) {
        if (values.isEmpty()) {
            return;
        }
        line("    ", name + ":");
        values.forEach(v -> line("      ", "- " + value(v, false)));
    }

    /** A value as written: a data path's text, a literal plain or quoted, or {@code {value: ...}} when needed. */
    private String value(Value v, boolean flow) {
        if (v instanceof Value.PathRef ref) {
            return YamlScalars.string(ref.text(), flow);
        }
        Object x = ((Value.Literal) v).value();
        if (x instanceof String s && DataPathParser.looksLikePath(s, blockNames)) {
            return "{value: " + YamlScalars.quoted(s) + "}";
        }
        if (x instanceof Map || x instanceof List) {
            return "{value: " + json(x) + "}";
        }
        return literal(x, flow);
    }

    private static String literal(Object x, boolean flow) {
        if (x == null) {
            return "null";
        }
        if (x instanceof String s) {
            return YamlScalars.string(s, flow);
        }
        if (x instanceof Map || x instanceof List) {
            return json(x);
        }
        return x.toString();
    }

    private static String json(Object x) {
        try {
            return JSON.writeValueAsString(x);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a literal as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private String flowList(List<String> items) {
        return items.stream().map(s -> YamlScalars.string(s, true)).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String key(String k) {
        return YamlScalars.string(k, false);
    }

    private static String str(String s) {
        return YamlScalars.string(s, false);
    }

    /** {@code key: text}, as a {@code |} block when the text has several lines. */
    private void text(String indent, String key, String s) {
        String block = YamlScalars.literalBlock(s, indent + "  ");
        line(indent, key + ": " + (block != null ? block : str(s)));
    }

    private void comment(String indent, String text) {
        text.lines().forEach(l -> line(indent, ("# " + l).stripTrailing()));
        if (text.isEmpty()) {
            line(indent, "#");
        }
    }

    private void line(String indent, String text) {
        out.append(indent).append(text).append('\n');
    }
}
