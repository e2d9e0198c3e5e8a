package dev.wisp.cli;

import dev.wisp.cli.docs.AppDocs;
import dev.wisp.spi.AppSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wisp actions [APP]}: the installed apps, or one app's actions with parameters and outputs. */
@Command(name = "actions", description = "List the installed apps, or an app's actions, parameters and outputs.")
final class ActionsCommand implements Callable<Integer> {
    enum Format { text, markdown }

    @ParentCommand
    Main main;

    @Parameters(arity = "0..1", paramLabel = "APP", description = "An app id, e.g. cado_response.")
    String app;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or markdown (a reference page).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = main.spec.commandLine().getOut();
        List<AppSpec> apps = List.copyOf(main.registry().catalog().apps());
        if (app == null) {
            if (format == Format.markdown) {
                apps.forEach(a -> out.print(AppDocs.markdown(a)));
            } else {
                out.print(AppDocs.list(apps));
            }
        } else {
            AppSpec spec = main.registry().catalog().app(app).orElseThrow(() -> new UsageException("no app '" + app
                    + "'; installed: " + String.join(", ", apps.stream().map(AppSpec::id).toList())));
            out.print(format == Format.markdown ? AppDocs.markdown(spec) : AppDocs.text(spec));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
