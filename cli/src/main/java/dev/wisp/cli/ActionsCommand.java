package dev.wisp.cli;

import dev.wisp.cli.docs.AppDocs;
import dev.wisp.cli.docs.AppJson;
import dev.wisp.spi.AppSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wisp actions [APP]}: the installed apps, or one app's actions with parameters and outputs. */
@Command(name = "actions", description = "List the installed apps, or an app's actions, parameters and outputs.",
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

    @Override
    public Integer call() {
        PrintWriter out = main.spec.commandLine().getOut();
        List<AppSpec> apps = List.copyOf(main.registry().catalog().apps());
        if (format == Format.json) {
            Object doc = app == null ? AppJson.list(apps) : AppJson.app(find(apps));
            out.println(JsonOut.pretty(doc));
        } else if (app == null) {
            if (format == Format.markdown) {
                apps.forEach(a -> out.print(AppDocs.markdown(a)));
            } else {
                out.print(AppDocs.list(apps));
            }
        } else {
            AppSpec spec = find(apps);
            out.print(format == Format.markdown ? AppDocs.markdown(spec) : AppDocs.text(spec));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private AppSpec find(List<AppSpec> apps) {
        return main.registry().catalog().app(app).orElseThrow(() -> new UsageException("no app '" + app
                + "'; installed: " + String.join(", ", apps.stream().map(AppSpec::id).toList())));
    }
}
