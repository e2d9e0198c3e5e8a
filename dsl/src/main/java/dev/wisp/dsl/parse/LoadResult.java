package dev.wisp.dsl.parse;

import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Severity;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.source.SourceDocument;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A playbook file read as far as possible.
 *
 * @param file        the file as the user named it
 * @param playbook    the model, when the file was YAML of the right shape (possibly with errors)
 * @param diagnostics every problem found, sorted by location
 * @param document    the YAML document, or {@code null} when the file was not YAML
 */
public record LoadResult(String file, Optional<Playbook> playbook, List<Diagnostic> diagnostics,
                         SourceDocument document) {
    public LoadResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(playbook, "playbook");
        diagnostics = diagnostics.stream().sorted().toList();
    }

    /** Whether any diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
