package dev.wisp.cli.validate;

import dev.wisp.dsl.AppCatalog;
import dev.wisp.dsl.check.StaticChecks;
import dev.wisp.dsl.check.SubPlaybooks;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.parse.LoadResult;
import dev.wisp.dsl.parse.PlaybookLoader;
import dev.wisp.dsl.schema.SchemaCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Loads and checks one playbook file: YAML, the JSON Schema, the model, the static checks. Thread-safe. */
public final class Validator {
    private final PlaybookLoader loader = new PlaybookLoader(List.of(SchemaCheck.shared()));
    private final AppCatalog catalog;

    public Validator(AppCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * A file's diagnostics, and its playbook when it could be read.
     *
     * @param file        the file as named in diagnostics
     * @param playbook    the playbook, if the file was YAML of the right shape
     * @param diagnostics every problem, sorted by location
     */
    public record Result(String file, Optional<Playbook> playbook, List<Diagnostic> diagnostics) {
    }

    public Result validate(Path file) {
        String name = display(file);
        LoadResult r = loader.load(file, name);
        List<Diagnostic> all = new ArrayList<>(r.diagnostics());
        r.playbook().ifPresent(p -> all.addAll(StaticChecks.run(p, catalog, subPlaybooks(file))));
        return new Result(name, r.playbook(), all.stream().sorted().toList());
    }

    /** Loads a playbook for running: the same checks as validate. */
    public LoadResult load(Path file) {
        return loader.load(file, display(file));
    }

    private SubPlaybooks subPlaybooks(Path file) {
        return (parent, relative) -> {
            // relative to the playbook that names it (a sub-playbook's own sub-playbooks are beside it)
            Path base = parent.file() == null ? file : Path.of(parent.file());
            Path sub = base.toAbsolutePath().getParent().resolve(relative).normalize();
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
