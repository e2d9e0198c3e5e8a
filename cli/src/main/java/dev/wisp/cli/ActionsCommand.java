package dev.wisp.cli;

import dev.wisp.cli.docs.AppDocs;
import dev.wisp.cli.docs.AppJson;
import dev.wisp.dsl.AppCatalog;
import dev.wisp.spi.AppSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code wisp actions [APP]}: the installed apps and the spec-only ones ({@code ./apps}, {@code --app-spec}), or one
 * app's actions with parameters and outputs.
 */
@Command(name = "actions", addMethodSubcommands = false,
        description = "List the installed and spec-only apps, or an app's actions, parameters "
        + "and outputs.",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  wisp actions",
            "  wisp actions cado_response",
            "  wisp actions core --format markdown > docs/apps/core.md",
            "  wisp actions cado_response --output json"})
final class ActionsCommand implements Callable<Integer> {
    enum Format { text, markdown, json }

    @ParentCommand
    Main main;

    @Parameters(arity = "0..1", paramLabel = "APP", description = "An app id, e.g. cado_response.")
    String app;

    @Option(names = {"--output", "--format"}, defaultValue = "text", paramLabel = "text|markdown|json",
            description = "text (default), markdown (a reference page) or json (see docs/cli.md).")
    Format format;

    @Option(names = "--app-spec", paramLabel = "DIR", description = "A folder of app specs (<app id>.yaml; "
            + "repeatable) besides ./apps, listed as spec only (docs/app-specs.md).")
    List<java.nio.file.Path> appSpecDirs = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = main.spec.commandLine().getOut();
        PrintWriter err = main.spec.commandLine().getErr();
        dev.wisp.cli.apps.AppSpecDirs specs = main.appSpecs(appSpecDirs);
        AppCatalog catalog = specs.catalog(specs.foldersHere());
        specs.diagnostics().values().forEach(d -> d.forEach(err::println));
        List<AppSpec> apps = List.copyOf(catalog.apps());
        if (format == Format.json) {
            Object doc = app == null ? AppJson.list(apps, catalog) : AppJson.app(find(catalog, apps), catalog);
            out.println(JsonOut.pretty(doc));
        } else if (app == null) {
            if (format == Format.markdown) {
                apps.forEach(a -> out.print(AppDocs.markdown(a)));
            } else {
                for (AppSpec a : apps) {
                    String line = AppDocs.list(List.of(a)).stripTrailing();
                    out.println(catalog.specOnly(a.id()).map(s -> line + "  [spec only: " + s.file()
                            + "; no implementation installed]").orElse(line));
                }
            }
        } else {
            AppSpec spec = find(catalog, apps);
            String text = format == Format.markdown ? AppDocs.markdown(spec) : AppDocs.text(spec);
            out.print(catalog.specOnly(spec.id()).map(s -> "(spec only: " + s.file() + "; no implementation "
                    + "installed" + (s.openActions().isEmpty() ? "" : "; open outputs: " + String.join(", ",
                    s.openActions().stream().sorted().toList())) + ")\n").orElse("") + text);
        }
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    private AppSpec find(AppCatalog catalog, List<AppSpec> apps) {
        List<String> specOnly = apps.stream().map(AppSpec::id).filter(id -> catalog.specOnly(id).isPresent()).toList();
        return catalog.app(app).orElseThrow(() -> new UsageException("no app '" + app + "'; installed: "
                + String.join(", ", apps.stream().map(AppSpec::id).filter(id -> !specOnly.contains(id)).toList())
                + (specOnly.isEmpty() ? "" : "; spec only: " + String.join(", ", specOnly))));
    }
}
