package dev.wisp.importer.soar;

import dev.wisp.dsl.model.Playbook;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An imported playbook: the Wisp model, plus what the YAML carries beside it.
 *
 * @param playbook the model (located in the export)
 * @param header   comment lines for the top of the file (provenance: the export, SOAR's metadata)
 * @param comments block name to the comment lines written above it (SOAR's name and note, what was not imported)
 */
public record ImportedPlaybook(Playbook playbook, List<String> header, Map<String, List<String>> comments) {
    public ImportedPlaybook {
        Objects.requireNonNull(playbook, "playbook");
        header = List.copyOf(header);
        comments = Map.copyOf(comments);
    }

    public List<String> commentsOf(String block) {
        return comments.getOrDefault(block, List.of());
    }
}
