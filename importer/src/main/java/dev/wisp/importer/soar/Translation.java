package dev.wisp.importer.soar;

import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.model.Asset;
import dev.wisp.dsl.model.BlockInfo;
import dev.wisp.dsl.model.Join;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The state of one export's import that the block mappers share: losses, assets, comments. */
final class Translation {
    final SoarExport export;
    final Losses losses;
    final PythonCompanion python;
    final Set<String> knownPlaybooks;
    final Map<String, Asset> assets = new LinkedHashMap<>();
    final Map<String, List<String>> comments = new LinkedHashMap<>();
    ValueMapper values;

    Translation(SoarExport export, Losses losses, PythonCompanion python, Set<String> knownPlaybooks) {
        this.export = export;
        this.losses = losses;
        this.python = python;
        this.knownPlaybooks = Set.copyOf(knownPlaybooks);
    }

    Location at(String pointer) {
        return losses.locationOf(pointer);
    }

    /** The block's common part; the join is decided later, from the graph. */
    BlockInfo info(SoarNode node) {
        return new BlockInfo(node.name(), description(node), Join.ALL, at(node.pointer()));
    }

    /** {@code advanced.description}, else {@code customName}, else {@code note}. */
    static String description(SoarNode node) {
        for (String key : List.of("description", "customName", "note")) {
            String s = node.advanced(key).asText("").strip();
            if (!s.isEmpty()) {
                return s;
            }
        }
        return "";
    }

    void comment(SoarNode node, String line) {
        comments.computeIfAbsent(node.name(), k -> new ArrayList<>()).add(line);
    }

    /** The first lines of some Python, as comment lines (so a reader sees what was there). */
    void pythonComment(SoarNode node, String label, String python) {
        List<String> lines = python.lines().filter(l -> !l.isBlank()).toList();
        comment(node, label + " (" + lines.size() + (lines.size() == 1 ? " line" : " lines") + "):");
        int shown = Math.min(8, lines.size());
        lines.subList(0, shown).forEach(l -> comment(node, "  " + l.stripTrailing()));
        if (shown < lines.size()) {
            comment(node, "  ...");
        }
    }

    /**
     * The asset for a SOAR asset name of an app: the name made an identifier, the original kept in the
     * description; a name already taken by another app's asset gets a suffix.
     */
    String asset(String soarAsset, String appId, String connector, Location at) {
        String base = dev.wisp.importer.SoarNames.identifier(soarAsset);
        String name = base;
        for (int k = 2; assets.containsKey(name) && !assets.get(name).app().equals(appId); k++) {
            name = base + "_" + k;
        }
        if (!assets.containsKey(name)) {
            assets.put(name, new Asset(name, appId, "SOAR asset '" + soarAsset + "' (" + connector + ")", at, at));
        }
        return name;
    }
}
