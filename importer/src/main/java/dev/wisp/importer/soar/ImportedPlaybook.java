package dev.wisp.importer.soar;

import dev.wisp.dsl.model.Playbook;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An imported playbook: the Wisp model, plus what the YAML carries beside it.
 *
 * @param playbook the model (located in the export)
 * @param header   comment lines for the top of the file (provenance: the export, SOAR's metadata)
 * @param comments block name to the comment lines written above it (SOAR's name and note, what was not imported)
 * @param dropNone the format blocks with {@code drop_none: true}
 */
public record ImportedPlaybook(Playbook playbook, List<String> header, Map<String, List<String>> comments,
                               Set<String> dropNone) {
    public ImportedPlaybook {
        Objects.requireNonNull(playbook, "playbook");
        header = List.copyOf(header);
        comments = Map.copyOf(comments);
        dropNone = Set.copyOf(dropNone);
    }

    public List<String> commentsOf(String block) {
        return comments.getOrDefault(block, List.of());
    }
}
