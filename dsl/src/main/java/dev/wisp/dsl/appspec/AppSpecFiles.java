package dev.wisp.dsl.appspec;

import dev.wisp.dsl.AppCatalog;
import dev.wisp.dsl.SpecOnlyApp;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The app specs of some directories ({@code apps/} folders, {@code --app-spec DIR}): every {@code *.yaml} and
 * {@code *.yml} file directly in them, read and checked together. An id unlike its file's name, or an id two files
 * declare, is an error (WSP076); a spec whose id an installed app has is a warning (WSP077) and is left out: the
 * installed implementation, with its own spec, wins.
 */
public final class AppSpecFiles {
    private AppSpecFiles() {
    }

    /**
     * What the directories hold.
     *
     * @param apps        the spec-only apps that were read without error and that no installed app shadows
     * @param diagnostics each spec file's problems, by file as diagnostics name it (files without problems absent)
     */
    public record Loaded(List<SpecOnlyApp> apps, Map<String, List<Diagnostic>> diagnostics) {
        public Loaded {
            apps = List.copyOf(apps);
            diagnostics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        }

        /** Whether any spec file has an error. */
        public boolean hasErrors() {
            return diagnostics.values().stream().flatMap(List::stream)
                    .anyMatch(d -> d.severity() == dev.wisp.dsl.diag.Severity.ERROR);
        }
    }

    /** The spec files of a directory, sorted; none when it does not exist. */
    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> {
                String n = f.getFileName().toString();
                return Files.isRegularFile(f) && !n.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml"));
            }).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Reads these spec files, in order; {@code display} names a file in diagnostics. */
    public static Loaded read(List<Path> files, AppCatalog installed, Function<Path, String> display) {
        AppSpecReader reader = new AppSpecReader();
        List<SpecOnlyApp> apps = new ArrayList<>();
        Map<String, String> firstFile = new LinkedHashMap<>();
        Map<String, List<Diagnostic>> diagnostics = new LinkedHashMap<>();
        for (Path f : files) {
            String name = display.apply(f);
            AppSpecReader.Result r = reader.read(f, name);
            List<Diagnostic> d = new ArrayList<>(r.diagnostics());
            r.app().ifPresent(app -> {
                String id = app.spec().id();
                String stem = f.getFileName().toString().replaceFirst("\\.ya?ml$", "");
                var at = r.document().valueLocation("/app");
                String other = firstFile.putIfAbsent(id, name);
                if (!stem.equals(id)) {
                    d.add(Diagnostic.of(Code.WSP076, at, "the spec of app '" + id + "' is in " + stem + ".yaml"
                            + "; name the file " + id + ".yaml, as Wisp looks for apps/<app id>.yaml"));
                } else if (other != null) {
                    d.add(Diagnostic.of(Code.WSP076, at, "app '" + id + "' is also specified in " + other
                            + "; keep one spec per app"));
                } else if (installed.isInstalled(id)) {
                    d.add(Diagnostic.of(Code.WSP077, at, "an installed plugin provides app '" + id + "': its "
                            + "implementation and its own spec win, and this file is ignored (remove it, or "
                            + "uninstall the plugin to check against the file)"));
                } else {
                    apps.add(app);
                }
            });
            if (!d.isEmpty()) {
                diagnostics.put(name, d.stream().sorted().toList());
            }
        }
        return new Loaded(apps, diagnostics);
    }
}
