package dev.wisp.dsl.model;

import dev.wisp.dsl.diag.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed playbook: immutable, every element located in its source file.
 *
 * @param name        the playbook's name
 * @param description optional text
 * @param file        the source file as the user named it
 * @param assets      asset name to asset, in written order
 * @param inputs      input name to input, in written order
 * @param outputs     output name to output, in written order
 * @param blocks      block name to block, in written order
 * @param edges       the edges, in written order
 * @param location    where the playbook's name is written
 */
public record Playbook(String name, String description, String file, Map<String, Asset> assets,
                       Map<String, Input> inputs, Map<String, Output> outputs, Map<String, Block> blocks,
                       List<Edge> edges, Location location) {
    public Playbook {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(location, "location");
        description = description == null ? "" : description;
        assets = Collections.unmodifiableMap(new LinkedHashMap<>(assets));
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
        edges = List.copyOf(edges);
    }

    /**
     * The id of the app an action block runs: its asset's app, or its own {@code app:}; null when it names an asset
     * the playbook does not declare.
     */
    public String appOf(Block.ActionBlock block) {
        if (block.asset() == null) {
            return block.app();
        }
        Asset declared = assets.get(block.asset());
        return declared == null ? null : declared.app();
    }

    public Optional<Block> block(String blockName) {
        return Optional.ofNullable(blocks.get(blockName));
    }

    /** Edges leaving {@code blockName} (or {@code start}). */
    public List<Edge> edgesFrom(String blockName) {
        return edges.stream().filter(e -> e.from().equals(blockName)).toList();
    }

    /** Edges entering {@code blockName} (or {@code end}). */
    public List<Edge> edgesTo(String blockName) {
        return edges.stream().filter(e -> e.to().equals(blockName)).toList();
    }
}
