package dev.wisp.cli;

import dev.wisp.cli.testing.JUnitXml;
import dev.wisp.cli.testing.TestFile;
import dev.wisp.cli.testing.TestRunner;
import dev.wisp.cli.validate.PlaybookFiles;
import dev.wisp.cli.validate.Validator;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Severity;
import dev.wisp.dsl.model.Playbook;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wisp test PATH...}: runs playbook tests offline, in parallel; see docs/testing.md. */
@Command(name = "test", addMethodSubcommands = false,
        description = "Run playbook tests (*.test.yaml) offline with mocked actions.",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  wisp test playbooks/",
            "  wisp test playbooks/ --junit target/wisp-tests.xml",
            "  wisp test playbooks/triage_ec2_alert.test.yaml --output json"})
final class TestCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Test files, or directories searched for "
            + "*.test.yaml.")
    List<Path> paths;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML here.")
    Path junit;

    enum Output { text, json }

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|json", description = "text (progress on "
            + "stderr, the default) or json: the results on stdout as well (see docs/cli.md).")
    Output output;

    @Option(names = "--allow-code", description = "Let code blocks run Python in every test (else only beside a "
            + "wisp-project.yaml with 'code: {allow: true}'); mocked code blocks never run.")
    boolean allowCode;

    @picocli.CommandLine.Mixin
    AppSpecOption appSpecs;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = main.spec.commandLine().getErr();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                files.addAll(PlaybookFiles.walk(p, true));
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new UsageException("no such file or directory: " + p);
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("no playbook tests (*.test.yaml) found in " + paths);
        }
        dev.wisp.cli.apps.AppSpecDirs specs = main.appSpecs(appSpecs.dirs);
        Validator validator = new Validator(specs::catalogFor);
        TestRunner runner = new TestRunner(main.registry());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        List<JUnitXml.Suite> suites = new ArrayList<>();
        boolean invalid = false;
        int passed = 0;
        int failed = 0;
        try {
            List<Object[]> pending = new ArrayList<>();
            for (Path f : files) {
                String name = Validator.display(f);
                TestFile tf;
                Playbook pb;
                dev.wisp.engine.code.CodeSettings code;
                dev.wisp.dsl.AppCatalog catalog;
                try {
                    tf = TestFile.read(f, name);
                    Validator.Result v = validator.validate(tf.playbook());
                    List<Diagnostic> specProblems = specs.load(specs.foldersFor(tf.playbook())).diagnostics().values()
                            .stream().flatMap(List::stream).filter(d -> d.severity() == Severity.ERROR).toList();
                    if (v.playbook().isEmpty() || v.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR)
                            || !specProblems.isEmpty()) {
                        throw new TestFile.InvalidTestFile(java.util.stream.Stream.concat(specProblems.stream(),
                                v.diagnostics().stream()).map(Diagnostic::toString).toList());
                    }
                    pb = v.playbook().get();
                    code = codeSettings(tf.playbook());
                    catalog = validator.catalog(tf.playbook());
                    List<String> problems = dev.wisp.cli.testing.TestChecks.problems(tf, pb, catalog,
                            RunCommand.subPlaybooks(validator));
                    if (!problems.isEmpty()) {
                        throw new TestFile.InvalidTestFile(problems);
                    }
                } catch (TestFile.InvalidTestFile e) {
                    err.println("INVALID " + name + "\n  " + e.getMessage().replace("\n", "\n  "));
                    suites.add(new JUnitXml.Suite(name, List.of(), e.getMessage()));
                    invalid = true;
                    continue;
                }
                List<Future<TestRunner.Result>> futures = new ArrayList<>();
                for (TestFile.TestCase c : tf.cases()) {
                    dev.wisp.dsl.AppCatalog apps = catalog;
                    futures.add(pool.submit(() -> runner.run(pb, c, RunCommand.subPlaybooks(validator), code, apps)));
                }
                pending.add(new Object[] {name, futures});
            }
            for (Object[] p : pending) {
                String name = (String) p[0];
                @SuppressWarnings("unchecked")
                List<Future<TestRunner.Result>> futures = (List<Future<TestRunner.Result>>) p[1];
                List<TestRunner.Result> results = new ArrayList<>();
                for (Future<TestRunner.Result> f : futures) {
                    TestRunner.Result r;
                    try {
                        r = f.get();
                    } catch (ExecutionException e) {
                        r = new TestRunner.Result("?", List.of("the test could not run: " + e.getCause()), 0);
                    }
                    results.add(r);
                    if (r.passed()) {
                        passed++;
                        err.println("ok   " + name + " > " + r.name());
                    } else {
                        failed++;
                        err.println("FAIL " + name + " > " + r.name());
                        r.failures().forEach(x -> err.println("       " + x));
                    }
                }
                suites.add(new JUnitXml.Suite(name, results, null));
            }
        } finally {
            pool.shutdownNow();
        }
        if (junit != null) {
            try {
                if (junit.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(junit.toAbsolutePath().getParent());
                }
                Files.writeString(junit, JUnitXml.write(suites));
            } catch (IOException e) {
                throw new UsageException("cannot write " + junit + ": " + e.getMessage());
            }
        }
        err.println(passed + " passed, " + failed + " failed" + (invalid ? ", some test files invalid" : ""));
        err.flush();
        if (output == Output.json) {
            main.spec.commandLine().getOut().println(JsonOut.pretty(json(suites, passed, failed)));
            main.spec.commandLine().getOut().flush();
        }
        return invalid ? ExitCodes.INVALID : failed > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** Code blocks run for real when --allow-code or the playbook's wisp-project.yaml allows it. */
    private dev.wisp.engine.code.CodeSettings codeSettings(Path playbook) {
        dev.wisp.cli.code.ProjectFile project;
        try {
            project = dev.wisp.cli.code.ProjectFile.beside(playbook);
        } catch (UsageException e) {
            throw new TestFile.InvalidTestFile(List.of(e.getMessage()));
        }
        if (!allowCode && !project.allowCode()) {
            return dev.wisp.engine.code.CodeSettings.off();
        }
        String named = System.getenv(dev.wisp.cli.code.CodeGate.PYTHON_VARIABLE);
        return dev.wisp.engine.code.CodeSettings.allowed(named != null && !named.isBlank() ? named
                : project.python());
    }

    /** The shape of {@code wisp test --output json}, documented in docs/cli.md. */
    static Map<String, Object> json(List<JUnitXml.Suite> suites, int passed, int failed) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("passed", passed);
        doc.put("failed", failed);
        doc.put("invalid", suites.stream().filter(s -> s.error() != null).count());
        doc.put("files", suites.stream().map(s -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", s.name());
            f.put("error", s.error());
            f.put("tests", s.results().stream().map(r -> {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", r.name());
                t.put("passed", r.passed());
                t.put("failures", r.failures());
                t.put("duration_ms", r.durationMs());
                return t;
            }).toList());
            return f;
        }).toList());
        return doc;
    }
}
