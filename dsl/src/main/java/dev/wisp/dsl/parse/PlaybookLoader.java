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
        return finish(displayName, reader.read(file, displayName), file, null);
    }

    /** Loads YAML text, for tests and editors. */
    public LoadResult loadString(String yaml, String displayName) {
        return finish(displayName, reader.readString(yaml, displayName), null, null);
    }

    /**
     * Loads YAML text whose code files came with it (a run on a Temporal worker): their text by their path beside
     * {@code displayName} ({@link #codeFileKey}); a code file missing from the map is an error (WSP070).
     */
    public LoadResult loadString(String yaml, String displayName, java.util.Map<String, String> codeFiles) {
        return finish(displayName, reader.readString(yaml, displayName), null, java.util.Map.copyOf(codeFiles));
    }

    /** The key of a code file {@code relative} (as a block names it) of the playbook named {@code playbookName}. */
    public static String codeFileKey(String playbookName, String relative) {
        return CodeFiles.key(Path.of(playbookName), relative);
    }

    private LoadResult finish(String file, YamlReader.Result read, Path source, java.util.Map<String, String> code) {
        List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
        SourceDocument doc = read.document();
        if (doc == null) {
            return new LoadResult(file, Optional.empty(), diagnostics, null);
        }
        for (DocumentCheck check : checks) {
            diagnostics.addAll(check.check(doc));
        }
        PlaybookBuilder.Result built = builder.build(doc, source, code);
        // the builder's diagnostic is the more specific one where both report the same place
        Set<Location> reported = new HashSet<>();
        built.diagnostics().forEach(d -> reported.add(d.location()));
        diagnostics.removeIf(d -> reported.contains(d.location()) && !read.diagnostics().contains(d));
        diagnostics.addAll(built.diagnostics());
        return new LoadResult(file, Optional.of(built.playbook()), diagnostics, doc);
    }
}
