package dev.wisp.cli;

import dev.wisp.cli.report.DiagnosticReport;
import dev.wisp.cli.report.Formats;
import dev.wisp.cli.validate.Validator;
import dev.wisp.dsl.diag.Severity;
import dev.wisp.importer.app.SoarAppImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wisp import soar-app APP.json... [-o DIR]}: SOAR app JSONs as Wisp app specs (docs/app-specs.md). */
@Command(name = "soar-app", addMethodSubcommands = false,
        description = "Convert Splunk SOAR app JSONs into app specs (DIR/<app id>.yaml) that "
        + "validate and test check playbooks against.",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  wisp import soar-app phssh.json splunk.json            # into apps/",
            "  wisp import soar-app soar-apps/*.json -o playbooks/apps --force"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every app was written (warnings name what was converted with a loss)",
            "2:usage error", "3:some app could not be converted or written (the others were)"})
final class ImportSoarAppCommand implements Callable<Integer> {
    enum Format { text, json, sarif, github }

    @ParentCommand
    ImportCommand parent;

    @Parameters(arity = "1..*", paramLabel = "APP.json", description = "SOAR app JSON files.")
    List<Path> files;

    @Option(names = {"-o", "--out"}, defaultValue = "apps", paramLabel = "DIR",
            description = "Where the specs go (default apps, beside the playbooks).")
    Path outDir;

    @Option(names = "--force", description = "Replace spec files that are already there.")
    boolean force;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|sarif|github",
            description = "How the report is printed: text (default, on stderr), json, sarif or github (on stdout).")
    Format format;

    @Override
    public Integer call() throws IOException {
        Main main = parent.main;
        PrintWriter out = main.spec.commandLine().getOut();
        PrintWriter err = main.spec.commandLine().getErr();
        if (java.nio.file.Files.exists(outDir) && !java.nio.file.Files.isDirectory(outDir)) {
            throw new UsageException("-o " + outDir + " is a file, not a directory");
        }
        List<SoarAppImport.Outcome> outcomes = SoarAppImport.run(files, outDir, force, Validator::display);
        DiagnosticReport report = new DiagnosticReport(outcomes.stream()
                .map(o -> new DiagnosticReport.FileDiagnostics(o.file(), o.diagnostics())).toList());
        switch (format) {
            case text -> Formats.text(report, err);
            case json -> Formats.json(report, false, out);
            case sarif -> Formats.sarif(report, Main.VERSION, out);
            case github -> Formats.github(report, out);
        }
        long written = outcomes.stream().filter(o -> !o.failed()).count();
        int actions = outcomes.stream().filter(o -> !o.failed())
                .mapToInt(o -> o.app().orElseThrow().spec().actions().size()).sum();
        for (SoarAppImport.Outcome o : outcomes) {
            err.println(o.written().map(p -> "wrote " + Validator.display(p) + " (" + o.app().orElseThrow().spec()
                    .actions().size() + " actions) from " + o.file()).orElse("not written: " + o.file()));
        }
        err.println(written + " of " + outcomes.size() + " app JSONs converted (" + actions + " actions): "
                + report.count(Severity.ERROR) + " errors, " + report.count(Severity.WARNING) + " warnings");
        out.flush();
        err.flush();
        return written == outcomes.size() ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
