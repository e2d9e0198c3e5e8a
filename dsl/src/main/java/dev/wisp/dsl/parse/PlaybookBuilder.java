package dev.wisp.dsl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.model.Asset;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Edge;
import dev.wisp.dsl.model.Input;
import dev.wisp.dsl.model.Output;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.source.SourceDocument;
import dev.wisp.spi.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the immutable {@link Playbook} model from a {@link SourceDocument}. Tolerant by design: the JSON Schema
 * check reports structural mistakes, and the builder keeps as much of the playbook as it can (a block with a bad
 * field is still a block) so the static checks can report the rest in the same run without cascades. The builder
 * reports what the schema cannot see: data path syntax, operators, reserved names. Never throws on any input.
 */
public final class PlaybookBuilder {
    private static final Pattern EDGE = Pattern.compile(
            "^\\s*([A-Za-z_][A-Za-z0-9_]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?\\s*->\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*$");
    private static final Set<String> RESERVED = Set.of(Edge.START, Edge.END);

    /**
     * What building produced.
     *
     * @param playbook    the playbook
     * @param diagnostics what the builder found wrong
     */
    public record Result(Playbook playbook, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    public Result build(SourceDocument doc) {
        return build(doc, null);
    }

    /**
     * Builds the playbook of {@code doc}, read from {@code source} (null when it came from a string): files a
     * playbook names, such as code files, are read beside it.
     */
    public Result build(SourceDocument doc, java.nio.file.Path source) {
        return build(doc, source, null);
    }

    /**
     * As {@link #build(SourceDocument, java.nio.file.Path)}, the code files taken from {@code codeFiles} (their text
     * by their path beside the playbook's name, as {@link CodeFiles#key} gives it) instead of read; null reads them.
     */
    public Result build(SourceDocument doc, java.nio.file.Path source, java.util.Map<String, String> codeFiles) {
        JsonNode root = doc.root();
        JsonNode blocksNode = root.get("blocks");
        Set<String> names = new LinkedHashSet<>();
        if (blocksNode != null && blocksNode.isObject()) {
            blocksNode.fieldNames().forEachRemaining(names::add);
        }
        BuildContext ctx = new BuildContext(doc, names, source, codeFiles);
        String name = ctx.scalarText(root, "playbook");
        if (name == null) {
            name = fileStem(doc.file());
        }
        Playbook playbook = new Playbook(name, ctx.text(root, "description"), doc.file(), assets(ctx, root),
                inputs(ctx, root), outputs(ctx, root), blocks(ctx, blocksNode), edges(ctx, root),
                ctx.at(root.has("playbook") ? "/playbook" : ""));
        return new Result(playbook, ctx.diagnostics);
    }

    private static String fileStem(String file) {
        String f = Path.of(file).getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    private static Map<String, Asset> assets(BuildContext ctx, JsonNode root) {
        Map<String, Asset> out = new LinkedHashMap<>();
        JsonNode node = ctx.object(root, "assets");
        if (node != null) {
            node.fields().forEachRemaining(e -> {
                String p = "/assets/" + SourceDocument.escape(e.getKey());
                if (e.getValue().isObject()) {
                    String app = ctx.text(e.getValue(), "app");
                    out.put(e.getKey(), new Asset(e.getKey(), app == null ? "" : app,
                            ctx.text(e.getValue(), "description"), ctx.keyAt(p), ctx.at(p + "/app")));
                }
            });
        }
        return out;
    }

    private static Map<String, Input> inputs(BuildContext ctx, JsonNode root) {
        Map<String, Input> out = new LinkedHashMap<>();
        JsonNode node = ctx.object(root, "inputs");
        if (node != null) {
            node.fields().forEachRemaining(e -> {
                JsonNode in = e.getValue();
                if (!in.isObject()) {
                    return;
                }
                DataType type = DataType.fromId(String.valueOf(ctx.text(in, "type")));
                Object def = Json.toJava(in.get("default"));
                Boolean required = ctx.bool(in, "required");
                out.put(e.getKey(), new Input(e.getKey(), type == null ? DataType.STRING : type,
                        def == null && (required == null || required), def, ctx.strings(in, "contains"),
                        ctx.text(in, "description"), ctx.keyAt("/inputs/" + SourceDocument.escape(e.getKey()))));
            });
        }
        return out;
    }

    private static Map<String, Output> outputs(BuildContext ctx, JsonNode root) {
        Map<String, Output> out = new LinkedHashMap<>();
        JsonNode node = ctx.object(root, "outputs");
        ValueBuilder values = new ValueBuilder(ctx);
        if (node != null) {
            node.fields().forEachRemaining(e -> {
                String p = "/outputs/" + SourceDocument.escape(e.getKey());
                JsonNode value = e.getValue().isObject() ? e.getValue().get("value") : null;
                if (value != null) {
                    out.put(e.getKey(), new Output(e.getKey(), values.value(value, p + "/value"),
                            ctx.text(e.getValue(), "description")));
                }
            });
        }
        return out;
    }

    private static Map<String, Block> blocks(BuildContext ctx, JsonNode node) {
        Map<String, Block> out = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        BlockBuilder builder = new BlockBuilder(ctx);
        node.fields().forEachRemaining(e -> {
            String p = "/blocks/" + SourceDocument.escape(e.getKey());
            if (RESERVED.contains(e.getKey())) {
                ctx.report(Code.WSP013, ctx.keyAt(p), "'" + e.getKey() + "' is reserved for the implicit "
                        + e.getKey() + " of the playbook; name the block differently");
                return;
            }
            if (e.getValue().isObject()) {
                Block b = builder.build(e.getKey(), e.getValue(), p);
                if (b != null) {
                    out.put(e.getKey(), b);
                }
            }
        });
        return out;
    }

    private static List<Edge> edges(BuildContext ctx, JsonNode root) {
        List<Edge> out = new ArrayList<>();
        JsonNode node = ctx.array(root, "edges");
        if (node == null) {
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode e = node.get(i);
            if (!e.isTextual()) {
                continue;
            }
            Matcher m = EDGE.matcher(e.textValue());
            if (m.matches()) {
                out.add(new Edge(m.group(1), m.group(2), m.group(3), ctx.at("/edges/" + i)));
            }
        }
        return out;
    }
}
