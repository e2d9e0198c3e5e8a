package dev.wisp.dsl.source;

import dev.wisp.dsl.diag.Diagnostic;
import java.util.List;

/**
 * A check of a whole YAML document before it becomes a model, such as the JSON Schema check of its structure.
 * Implementations are thread-safe and reusable across files.
 */
public interface DocumentCheck {

    /** The problems found, located through {@link SourceDocument#valueLocation} and {@link SourceDocument#keyLocation}. */
    List<Diagnostic> check(SourceDocument document);
}
