package dev.wisp.dsl.parse;

import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.source.DocumentCheck;
import dev.wisp.dsl.source.SourceDocument;
import dev.wisp.dsl.source.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads playbook files: YAML, then the document checks (the JSON Schema), then the model. Thread-safe and reusable;
 * the CLI validates many files in parallel with one loader.
 */
public final class PlaybookLoader {
    private final YamlReader reader = new YamlReader();
    private final PlaybookBuilder builder = new PlaybookBuilder();
    private final List<DocumentCheck> checks;

    /** A loader running these document checks (for example the JSON Schema check) before building the model. */
    public PlaybookLoader(List<DocumentCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Loads a file, naming it in diagnostics as given. */
    public LoadResult load(Path file) {
        return load(file, file.toString());
    }

    /** Loads a file, naming it {@code displayName} in diagnostics. */
    public LoadResult load(Path file, String displayName) {
        return finish(displayName, reader.read(file, displayName), file);
    }

    /** Loads YAML text, for tests and editors. */
    public LoadResult loadString(String yaml, String displayName) {
        return finish(displayName, reader.readString(yaml, displayName), null);
    }

    private LoadResult finish(String file, YamlReader.Result read, Path source) {
        List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
        SourceDocument doc = read.document();
        if (doc == null) {
            return new LoadResult(file, Optional.empty(), diagnostics, null);
        }
        for (DocumentCheck check : checks) {
            diagnostics.addAll(check.check(doc));
        }
        PlaybookBuilder.Result built = builder.build(doc, source);
        // the builder's diagnostic is the more specific one where both report the same place
        Set<Location> reported = new HashSet<>();
        built.diagnostics().forEach(d -> reported.add(d.location()));
        diagnostics.removeIf(d -> reported.contains(d.location()) && !read.diagnostics().contains(d));
        diagnostics.addAll(built.diagnostics());
        return new LoadResult(file, Optional.of(built.playbook()), diagnostics, doc);
    }
}
