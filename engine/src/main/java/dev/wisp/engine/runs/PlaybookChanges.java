package dev.wisp.engine.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.source.YamlReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed in a playbook between the start of a run and its resume: a run continued under another playbook
 * would mix two playbooks' decisions, so a resume refuses it (unless forced) and says what changed.
 */
public final class PlaybookChanges {
    private PlaybookChanges() {
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Each code block's name to the SHA-256 of its Python, as a run records it for its resume. */
    public static java.util.Map<String, String> codeFingerprints(dev.wisp.dsl.model.Playbook playbook) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        playbook.blocks().values().forEach(b -> {
            if (b instanceof dev.wisp.dsl.model.Block.CodeBlock c) {
                out.put(c.name(), sha256(c.code()));
            }
        });
        return out;
    }

    /**
     * The code blocks whose Python differs from what {@code before} recorded, described for the user: a code file
     * beside the playbook can change while the playbook's own text does not.
     */
    public static List<String> codeChanged(java.util.Map<?, ?> before, dev.wisp.dsl.model.Playbook playbook) {
        List<String> out = new ArrayList<>();
        java.util.Map<String, String> now = codeFingerprints(playbook);
        before.forEach((name, sha) -> {
            if (now.containsKey(String.valueOf(name)) && !now.get(String.valueOf(name)).equals(sha)
                    && playbook.blocks().get(String.valueOf(name)) instanceof dev.wisp.dsl.model.Block.CodeBlock c) {
                out.add(c.file() != null ? "code file " + c.file() + " of block " + name : "block " + name);
            }
        });
        return out;
    }

    /** The changes, one line each (blocks added, removed or changed; edges, inputs, assets, outputs changed). */
    public static List<String> between(String before, String after) {
        JsonNode a = tree(before);
        JsonNode b = tree(after);
        List<String> out = new ArrayList<>();
        if (a == null || b == null) {
            out.add("the playbook " + (a == null ? "as it was started" : "now") + " cannot be read");
            return out;
        }
        Set<String> blocks = new LinkedHashSet<>();
        a.path("blocks").fieldNames().forEachRemaining(blocks::add);
        b.path("blocks").fieldNames().forEachRemaining(blocks::add);
        for (String name : blocks) {
            JsonNode x = a.path("blocks").get(name);
            JsonNode y = b.path("blocks").get(name);
            if (x == null) {
                out.add("block " + name + " was added");
            } else if (y == null) {
                out.add("block " + name + " was removed");
            } else if (!x.equals(y)) {
                out.add("block " + name + " changed");
            }
        }
        for (Iterator<String> it = List.of("edges", "inputs", "outputs", "assets", "playbook").iterator();
             it.hasNext(); ) {
            String key = it.next();
            if (!a.path(key).equals(b.path(key))) {
                out.add(key + " changed");
            }
        }
        if (out.isEmpty()) {
            out.add("only comments, descriptions or layout changed");
        }
        return out;
    }

    private static JsonNode tree(String text) {
        YamlReader.Result r = new YamlReader().readString(text, "playbook");
        return r.document() == null ? null : r.document().root();
    }
}
