package dev.wisp.cli;

import dev.wisp.cli.report.DiagnosticReport;
import dev.wisp.cli.report.Formats;
import dev.wisp.cli.validate.PlaybookFiles;
import dev.wisp.cli.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wisp validate PATH...}: every problem of every playbook, in one run. */
@Command(name = "validate", addMethodSubcommands = false,
        description = "Check playbooks offline: YAML, structure, graph, apps, data paths.",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  wisp validate playbooks/",
            "  wisp validate --strict --format sarif playbooks/ > wisp.sarif",
            "  wisp validate --format github playbooks/   # annotations in GitHub Actions"})
final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json, sarif, github }

    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Playbook files or directories (searched for "
            + "*.yaml and *.yml, skipping *.test.yaml).")
    List<Path> paths;

    @Option(names = {"--format", "--output"}, defaultValue = "text", paramLabel = "text|json|sarif|github",
            description = "text (default, on stderr), json (see docs/cli.md), sarif or github.")
    Format format;

    @Option(names = "--strict", description = "Fail on warnings too.")
    boolean strict;

    @picocli.CommandLine.Mixin
    AppSpecOption appSpecs;

    @Override
    public Integer call() throws InterruptedException {
        List<Path> files = PlaybookFiles.expand(paths);
        dev.wisp.cli.apps.AppSpecDirs specs = main.appSpecs(appSpecs.dirs);
        Validator validator = new Validator(specs::catalogFor);
        List<String> notes = new ArrayList<>();
        DiagnosticReport report = validateAll(validator, files, notes).withSpecs(specs.diagnostics(),
                specs.filesRead());
        PrintWriter out = main.spec.commandLine().getOut();
        PrintWriter err = main.spec.commandLine().getErr();
        switch (format) {
            case text -> Formats.text(report, err);
            case json -> Formats.json(report, strict, out);
            case sarif -> Formats.sarif(report, Main.VERSION, out);
            case github -> Formats.github(report, out);
        }
        notes.forEach(n -> err.println("note: " + n));
        err.println(report.summary(strict));
        out.flush();
        err.flush();
        return report.failingFiles(strict) == 0 ? ExitCodes.OK : ExitCodes.INVALID;
    }

    /** Validates in parallel, reports in the order the files were named. */
    static DiagnosticReport validateAll(Validator validator, List<Path> files) throws InterruptedException {
        return validateAll(validator, files, new ArrayList<>());
    }

    /** As above, collecting each file's notes (code blocks, checks skipped) in {@code notes}. */
    static DiagnosticReport validateAll(Validator validator, List<Path> files, List<String> notes)
            throws InterruptedException {
        int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "validate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Validator.Result>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> validator.validate(f)));
            }
            List<DiagnosticReport.FileDiagnostics> results = new ArrayList<>();
            for (Future<Validator.Result> f : futures) {
                Validator.Result r = get(f);
                results.add(new DiagnosticReport.FileDiagnostics(r.file(), r.diagnostics()));
                notes.addAll(r.notes());
            }
            return new DiagnosticReport(results);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }
}
