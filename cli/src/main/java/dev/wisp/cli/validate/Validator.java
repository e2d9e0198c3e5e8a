package dev.wisp.cli.validate;

import dev.wisp.dsl.AppCatalog;
import dev.wisp.dsl.check.StaticChecks;
import dev.wisp.dsl.check.SubPlaybooks;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.parse.LoadResult;
import dev.wisp.dsl.parse.PlaybookLoader;
import dev.wisp.dsl.schema.SchemaCheck;
import dev.wisp.dsl.source.DocumentCheck;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Loads and checks one playbook file: YAML, the JSON Schema, the model, the static checks. Thread-safe. */
public final class Validator {
    private final PlaybookLoader loader;
    private final java.util.function.Function<Path, AppCatalog> catalogs;
    private final dev.wisp.engine.code.PythonSyntax python;

    public Validator(AppCatalog catalog) {
        this(catalog, List.of(SchemaCheck.shared()));
    }

    /** A validator checking each playbook against its own catalog (the app specs beside it, docs/app-specs.md). */
    public Validator(java.util.function.Function<Path, AppCatalog> catalogs) {
        this(catalogs, List.of(SchemaCheck.shared()));
    }

    /** A validator running these document checks instead of the JSON Schema's (for tests). */
    public Validator(AppCatalog catalog, List<DocumentCheck> checks) {
        this(file -> catalog, checks);
    }

    private Validator(java.util.function.Function<Path, AppCatalog> catalogs, List<DocumentCheck> checks) {
        this.catalogs = catalogs;
        this.loader = new PlaybookLoader(checks);
        String named = System.getenv(dev.wisp.cli.code.CodeGate.PYTHON_VARIABLE);
        this.python = new dev.wisp.engine.code.PythonSyntax(new dev.wisp.engine.code.CodeSettings(false,
                named, null, System.getenv(), null));
    }

    /**
     * A file's diagnostics, and its playbook when it could be read.
     *
     * @param file        the file as named in diagnostics
     * @param playbook    the playbook, if the file was YAML of the right shape
     * @param diagnostics every problem, sorted by location
     */
    public record Result(String file, Optional<Playbook> playbook, List<Diagnostic> diagnostics, List<String> notes) {
        public Result(String file, Optional<Playbook> playbook, List<Diagnostic> diagnostics) {
            this(file, playbook, diagnostics, List.of());
        }

        public Result {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Checks one file. A failure of Wisp itself on the file is contained: it becomes the file's error (WSP000), so
     * that a report on many files keeps every other file's diagnostics.
     */
    public Result validate(Path file) {
        String name = display(file);
        try {
            LoadResult r = loader.load(file, name);
            List<Diagnostic> all = new ArrayList<>(r.diagnostics());
            List<String> notes = new ArrayList<>();
            r.playbook().ifPresent(p -> {
                all.addAll(StaticChecks.run(p, catalogs.apply(file), subPlaybooks(file)));
                code(p, name, all, notes);
            });
            return new Result(name, r.playbook(), all.stream().sorted().toList(), notes);
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(name, Optional.empty(), List.of(Diagnostic.of(Code.WSP000, Location.ofFile(name),
                    "Wisp failed while checking this file (" + e.getClass().getSimpleName() + "); this is a bug in "
                            + "Wisp, please report it with the file")));
        }
    }

    /** A playbook with code blocks: its Python compiled (when an interpreter is there), and a note naming them. */
    private void code(Playbook p, String name, List<Diagnostic> all, List<String> notes) {
        List<String> blocks = p.blocks().values().stream().filter(b -> b instanceof dev.wisp.dsl.model.Block.CodeBlock)
                .map(dev.wisp.dsl.model.Block::name).toList();
        if (blocks.isEmpty()) {
            return;
        }
        notes.add(name + " has code blocks (" + String.join(", ", blocks) + "): they run Python only with "
                + "--allow-code or 'code: {allow: true}' in wisp-project.yaml beside it");
        Optional<List<Diagnostic>> syntax = python.check(p);
        syntax.ifPresentOrElse(all::addAll, () -> notes.add(name + ": " + python.unavailable()));
    }

    /** The catalog this playbook file is checked against. */
    public AppCatalog catalog(Path file) {
        return catalogs.apply(file);
    }

    /** Loads a playbook for running: the same checks as validate. */
    public LoadResult load(Path file) {
        return loader.load(file, display(file));
    }

    private SubPlaybooks subPlaybooks(Path file) {
        return (parent, relative) -> {
            // relative to the playbook that names it (a sub-playbook's own sub-playbooks are beside it)
            Path sub;
            try {
                Path base = parent.file() == null ? file : Path.of(parent.file());
                sub = base.toAbsolutePath().getParent().resolve(relative).normalize();
            } catch (InvalidPathException e) {
                return new SubPlaybooks.Found(Optional.empty(), "it is not a file path: " + e.getReason());
            }
            if (!Files.isRegularFile(sub)) {
                return new SubPlaybooks.Found(Optional.empty(), "file not found: " + display(sub));
            }
            LoadResult r = loader.load(sub, display(sub));
            return r.hasErrors() ? new SubPlaybooks.Found(Optional.empty(), "it has errors; run 'wisp validate "
                    + display(sub) + "'") : new SubPlaybooks.Found(r.playbook(), "");
        };
    }

    /** A path as users see it: relative to the working directory when it is below it. */
    public static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : file.normalize().toString();
    }
}
