package dev.wisp.importer.app;

import dev.wisp.dsl.SpecOnlyApp;
import dev.wisp.dsl.appspec.AppSpecReader;
import dev.wisp.dsl.appspec.AppSpecWriter;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code wisp import soar-app}: app JSONs into {@code DIR/<app id>.yaml}. Each spec written is read back with the
 * spec reader before the import counts it, so what was written is what {@code wisp validate} will load.
 */
public final class SoarAppImport {
    private SoarAppImport() {
    }

    /**
     * One input's outcome.
     *
     * @param file        the app JSON, as named in the report
     * @param written     the spec file written, when it was
     * @param app         the app, when it was converted
     * @param diagnostics what the conversion reported, sorted by location
     */
    public record Outcome(String file, Optional<Path> written, Optional<SpecOnlyApp> app, List<Diagnostic> diagnostics) {
        public Outcome {
            diagnostics = diagnostics.stream().sorted().toList();
        }

        public boolean failed() {
            return written.isEmpty();
        }
    }

    /**
     * Converts every file into {@code outDir} (created when missing). A spec file already there is replaced only
     * with {@code force}; two inputs of one app id write neither twice.
     */
    public static List<Outcome> run(List<Path> files, Path outDir, boolean force, Function<Path, String> display)
            throws IOException {
        List<Outcome> out = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Path file : files) {
            String name = display.apply(file);
            LocatedJson.Result read = LocatedJson.read(file, name);
            if (read.document() == null) {
                out.add(new Outcome(name, Optional.empty(), Optional.empty(), List.of(read.problem())));
                continue;
            }
            List<Diagnostic> d = new ArrayList<>();
            Path target = null;
            SoarAppConverter.Conversion c = null;
            String id = null;
            if (read.document().root().path("name").isTextual()) {
                id = dev.wisp.importer.SoarNames.appId(read.document().root().get("name").textValue());
                target = outDir.resolve(id + ".yaml");
            }
            c = SoarAppConverter.convert(read.document(), target == null ? "" : display.apply(target));
            d.addAll(c.report());
            if (c.app().isEmpty()) {
                out.add(new Outcome(name, Optional.empty(), Optional.empty(), d));
                continue;
            }
            Location at = read.document().valueLocation("/name");
            String other = ids.putIfAbsent(id, name);
            if (other != null) {
                d.add(Diagnostic.of(Code.WSP162, at, "this app becomes '" + id + "', as " + other + " did; "
                        + "import one of them (not written)"));
            } else if (Files.exists(target) && !force) {
                d.add(Diagnostic.of(Code.WSP162, at, display.apply(target) + " already exists; pass --force to "
                        + "replace it (not written)"));
            }
            if (d.stream().anyMatch(x -> x.severity() == Severity.ERROR)) {
                out.add(new Outcome(name, Optional.empty(), c.app(), d));
                continue;
            }
            String appid = read.document().root().path("appid").asText("");
            out.add(write(name, c.app().get(), target, file.getFileName() + (appid.isEmpty() ? "" : ", SOAR appid " + appid), d,
                    display));
        }
        return out;
    }

    private static Outcome write(String name, SpecOnlyApp app, Path target, String source, List<Diagnostic> d,
                                 Function<Path, String> display) throws IOException {
        String yaml = AppSpecWriter.write(app, List.of("Converted by 'wisp import soar-app' from the SOAR app JSON "
                + source + " (" + app.spec().name() + " " + app.spec().version() + ").",
                "Every action's outputs are open: data paths it does not declare are warnings (docs/app-specs.md)."));
        AppSpecReader.Result back = new AppSpecReader().readString(yaml, display.apply(target));
        if (back.app().isEmpty() || !back.app().get().equals(app)) {
            d.add(Diagnostic.of(Code.WSP000, Location.ofFile(name), "the spec converted from this file does not "
                    + "read back as the same app (" + back.diagnostics().stream().findFirst().map(Diagnostic::toString)
                    .orElse("it differs") + "); this is a bug in Wisp, please report it with the file"));
            return new Outcome(name, Optional.empty(), Optional.of(app), d);
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(target, yaml);
        return new Outcome(name, Optional.of(target), Optional.of(app), d);
    }
}
