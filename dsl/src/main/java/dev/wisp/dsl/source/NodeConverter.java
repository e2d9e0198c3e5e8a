package dev.wisp.dsl.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Location;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a composed SnakeYAML node tree into a JSON tree, recording where every value and key is written. Reports
 * every duplicate key, rejects custom tags, merge keys and non-scalar keys, and bounds the expanded size so that an
 * alias bomb cannot exhaust memory. One instance per document.
 */
final class NodeConverter {
    private static final Set<Tag> ALLOWED = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String file;
    private final int maxNodes;
    private final int maxDepth;
    private final Map<String, Location> values = new HashMap<>();
    private final Map<String, Location> keys = new HashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int nodes;

    NodeConverter(String file, int maxNodes, int maxDepth) {
        this.file = file;
        this.maxNodes = maxNodes;
        this.maxDepth = maxDepth;
    }

    /** Signals that the document is too large once expanded; ends the conversion. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    YamlReader.Result convert(Node root) {
        if (!(root instanceof MappingNode)) {
            return new YamlReader.Result(null, List.of(Diagnostic.of(Code.WSP017, at(root),
                    "a playbook is a mapping with playbook:, blocks: and edges: at the top, not "
                            + describe(root))));
        }
        try {
            JsonNode tree = node(root, "", 0);
            return new YamlReader.Result(new SourceDocument(file, tree, values, keys), diagnostics);
        } catch (TooLarge e) {
            return new YamlReader.Result(null, List.of(Diagnostic.of(Code.WSP003, Location.ofFile(file),
                    "the document expands to more than " + maxNodes + " values (through aliases); "
                            + "a playbook is never that large")));
        }
    }

    private JsonNode node(Node node, String pointer, int depth) {
        if (++nodes > maxNodes) {
            throw new TooLarge();
        }
        if (depth > maxDepth) {
            diagnostics.add(Diagnostic.of(Code.WSP003, at(node),
                    "nesting is too deep; at most " + maxDepth + " levels are allowed"));
            return JSON.nullNode();
        }
        // a quoted scalar's location is its first character inside the quotes, so offsets into it line up
        boolean quoted = node instanceof ScalarNode sc && !sc.isPlain()
                && (sc.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.DOUBLE_QUOTED
                || sc.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.SINGLE_QUOTED);
        values.putIfAbsent(pointer, quoted ? at(node).shift(1) : at(node));
        if (!ALLOWED.contains(node.getTag())) {
            diagnostics.add(Diagnostic.of(Code.WSP009, at(node), "the YAML tag " + node.getTag().getValue()
                    + " is not allowed; playbooks use plain strings, numbers, booleans, lists and mappings"));
            return JSON.nullNode();
        }
        if (node instanceof ScalarNode s) {
            return scalar(s);
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode array = JSON.arrayNode(seq.getValue().size());
            int i = 0;
            for (Node item : seq.getValue()) {
                array.add(node(item, pointer + "/" + i++, depth + 1));
            }
            return array;
        }
        return mapping((MappingNode) node, pointer, depth);
    }

    private ObjectNode mapping(MappingNode map, String pointer, int depth) {
        ObjectNode object = JSON.objectNode();
        Map<String, Location> seen = new HashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar) || keyNode.getTag() == Tag.NULL) {
                diagnostics.add(Diagnostic.of(Code.WSP009, at(keyNode),
                        "mapping keys must be plain text, not " + describe(keyNode)));
                continue;
            }
            String key = keyScalar.getValue();
            Location keyAt = at(keyNode);
            if (key.equals("<<") && keyScalar.isPlain()) {
                diagnostics.add(Diagnostic.of(Code.WSP009, keyAt,
                        "merge keys (<<) are not supported; write the keys out"));
                continue;
            }
            Location first = seen.putIfAbsent(key, keyAt);
            if (first != null) {
                diagnostics.add(Diagnostic.of(Code.WSP004, keyAt, "duplicate key '" + key + "' (first written at line "
                        + first.line() + "); remove one of them"));
                continue;
            }
            String child = pointer + "/" + SourceDocument.escape(key);
            keys.put(child, keyAt);
            object.set(key, node(tuple.getValueNode(), child, depth + 1));
        }
        return object;
    }

    private JsonNode scalar(ScalarNode s) {
        String v = s.getValue();
        Tag tag = s.getTag();
        try {
            if (tag.equals(Tag.NULL)) {
                return JSON.nullNode();
            }
            if (tag.equals(Tag.BOOL)) {
                return JSON.booleanNode(v.equalsIgnoreCase("true"));
            }
            if (tag.equals(Tag.INT)) {
                return integer(v);
            }
            if (tag.equals(Tag.FLOAT)) {
                String lower = v.toLowerCase(java.util.Locale.ROOT);
                double d = lower.endsWith(".inf") || lower.endsWith(".nan") ? Double.NaN : Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    // JSON has no NaN or infinity (1e999 is one too): the schema library and the journal cannot hold it
                    diagnostics.add(Diagnostic.of(Code.WSP001, at(s), "'" + v + "' is not a finite number, which "
                            + "playbook values must be; quote it (\"" + v + "\") if you mean the text"));
                    return JSON.textNode(v);
                }
                return JSON.numberNode(d);
            }
        } catch (NumberFormatException e) {
            diagnostics.add(Diagnostic.of(Code.WSP001, at(s), "'" + v + "' is not a valid " + tag.getValue()));
            return JSON.nullNode();
        }
        return JSON.textNode(v);
    }

    private static JsonNode integer(String v) {
        String t = v.startsWith("+") ? v.substring(1) : v;
        BigInteger n;
        if (t.startsWith("0x")) {
            n = new BigInteger(t.substring(2), 16);
        } else if (t.startsWith("0o")) {
            n = new BigInteger(t.substring(2), 8);
        } else {
            n = new BigInteger(t);
        }
        return n.bitLength() < 64 ? JSON.numberNode(n.longValue()) : JSON.numberNode(n);
    }


    private Location at(Node node) {
        return node == null || node.getStartMark() == null ? Location.ofFile(file)
                : new Location(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    private static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return node == null ? "nothing" : "a single value";
    }
}
