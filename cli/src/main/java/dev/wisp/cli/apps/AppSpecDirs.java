package dev.wisp.cli.apps;

import dev.wisp.cli.UsageException;
import dev.wisp.cli.code.ProjectFile;
import dev.wisp.cli.validate.Validator;
import dev.wisp.dsl.AppCatalog;
import dev.wisp.dsl.appspec.AppSpecFiles;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a command finds app specs (docs/app-specs.md) and the catalog each playbook is checked against: the
 * installed apps, then the specs of {@code apps/} beside the playbook, of {@code apps/} in its project root (the
 * nearest folder above it with a {@code wisp-project.yaml}), and of every {@code --app-spec DIR}. Each set of
 * folders is read once; thread-safe, since {@code wisp validate} checks files in parallel.
 */
public final class AppSpecDirs {
    /** The folder name Wisp looks for beside playbooks. */
    public static final String FOLDER = "apps";

    private final AppCatalog installed;
    private final List<Path> given;
    private final Map<List<Path>, AppSpecFiles.Loaded> loaded = new LinkedHashMap<>();
    private final Set<Path> read = new LinkedHashSet<>();

    /** The installed apps and the {@code --app-spec} folders, which must exist. */
    public AppSpecDirs(AppCatalog installed, List<Path> given) {
        for (Path d : given) {
            if (!Files.isDirectory(d)) {
                throw new UsageException("--app-spec " + d + ": no such directory (it holds app specs, <app id>.yaml)");
            }
        }
        this.installed = installed;
        this.given = given.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** The folders whose specs a playbook sees, nearest first; folders that do not exist are left out. */
    public List<Path> foldersFor(Path playbook) {
        Set<Path> out = new LinkedHashSet<>();
        Path dir = playbook.toAbsolutePath().normalize().getParent();
        if (dir != null) {
            add(out, dir.resolve(FOLDER));
            for (Path d = dir; d != null; d = d.getParent()) {
                if (Files.isRegularFile(d.resolve(ProjectFile.NAME))) {
                    add(out, d.resolve(FOLDER));
                    break;
                }
            }
        }
        given.forEach(d -> add(out, d));
        return List.copyOf(out);
    }

    /** The folders of the current directory's {@code apps/} and {@code --app-spec}, for commands without a playbook. */
    public List<Path> foldersHere() {
        Set<Path> out = new LinkedHashSet<>();
        add(out, Path.of(FOLDER).toAbsolutePath().normalize());
        given.forEach(d -> add(out, d));
        return List.copyOf(out);
    }

    private static void add(Set<Path> out, Path dir) {
        if (Files.isDirectory(dir)) {
            out.add(dir);
        }
    }

    /** The catalog a playbook is checked against: the installed apps and the specs it sees. */
    public AppCatalog catalogFor(Path playbook) {
        return catalog(foldersFor(playbook));
    }

    /** The installed apps and the specs of these folders. */
    public AppCatalog catalog(List<Path> folders) {
        return folders.isEmpty() ? installed : installed.withSpecOnly(load(folders).apps());
    }

    /** The spec files of these folders, read once. */
    public synchronized AppSpecFiles.Loaded load(List<Path> folders) {
        return loaded.computeIfAbsent(folders, f -> {
            List<Path> files = new ArrayList<>();
            f.forEach(d -> files.addAll(AppSpecFiles.files(d)));
            read.addAll(files);
            return AppSpecFiles.read(files, installed, Validator::display);
        });
    }

    /** Every problem of the spec files read so far, by file, each once. */
    public synchronized Map<String, List<Diagnostic>> diagnostics() {
        Map<String, Set<Diagnostic>> all = new LinkedHashMap<>();
        loaded.values().forEach(l -> l.diagnostics().forEach((file, d) ->
                all.computeIfAbsent(file, k -> new LinkedHashSet<>()).addAll(d)));
        Map<String, List<Diagnostic>> out = new LinkedHashMap<>();
        all.forEach((file, d) -> out.put(file, d.stream().sorted().toList()));
        return out;
    }

    /** How many spec files were read so far. */
    public synchronized int filesRead() {
        return read.size();
    }

    /** Whether a spec file read so far has an error. */
    public boolean hasErrors() {
        return diagnostics().values().stream().flatMap(List::stream).anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
