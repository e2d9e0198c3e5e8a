package dev.wisp.cli;

import dev.wisp.cado.sim.CadoSimulator;
import dev.wisp.cli.history.ResumeHint;
import dev.wisp.cli.run.RunExecutor;
import dev.wisp.cli.run.RunSupport;
import dev.wisp.cli.validate.Validator;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Severity;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.parse.LoadResult;
import dev.wisp.engine.Engine;
import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.prompt.PromptHandler;
import dev.wisp.engine.report.RunReport;
import dev.wisp.engine.report.RunStore;
import dev.wisp.engine.run.Events;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.engine.run.RunRequest;
import dev.wisp.engine.time.SystemTime;
import dev.wisp.spi.AssetConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wisp run PLAYBOOK}: runs a playbook, writes its journal and report, prints a summary. */
@Command(name = "run", description = "Run a playbook. Writes .wisp/runs/<run-id>/journal.jsonl and report.json.",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  wisp run playbooks/capture_ec2_instance.yaml --simulate \\",
            "      --answers examples/capture_ec2_instance.answers.yaml",
            "  wisp run playbooks/capture_s3_bucket.yaml --input bucket=cloudtrail-logs \\",
            "      --assets examples/assets.example.yaml",
            "  wisp run playbooks/triage_ec2_alert.yaml --quiet --output json \\",
            "      --event playbooks/events/ec2_alert.json"})
final class RunCommand implements Callable<Integer> {
    enum Output { text, json }

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "PLAYBOOK", description = "The playbook file.")
    Path playbook;

    // $$ keeps picocli from expanding ${env:NAME} in the help text
    @Option(names = "--assets", paramLabel = "FILE", description = "Asset configuration (YAML); secrets as "
            + "$${env:NAME} or $${file:PATH}.")
    Path assets;

    @Option(names = "--input", paramLabel = "NAME=VALUE", description = "A playbook input (repeatable), read as the "
            + "playbook declares it: a string input takes the text as it is, list and object inputs take JSON.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--event", paramLabel = "FILE", description = "The event: JSON {container, artifacts}.")
    Path event;

    @Option(names = "--events", paramLabel = "FILE", description = "Many events, one JSON object a line: one run "
            + "per event.")
    Path events;

    @Option(names = "--parallel", defaultValue = "4", paramLabel = "N", description = "Runs at once with --events (default 4).")
    int parallel;

    @Option(names = "--answer", paramLabel = "BLOCK[.N]=VALUE", description = "A prompt answer (repeatable).")
    List<String> answers = new ArrayList<>();

    @Option(names = "--answers", paramLabel = "FILE", description = "Prompt answers (YAML: Block: value or list).")
    Path answersFile;

    @Option(names = "--simulate", description = "Run the playbook's Cado Response assets against a local simulator.")
    boolean simulate;

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|json", description = "text (summary on stderr) or json (the report "
            + "on stdout).")
    Output output;

    @Option(names = {"-q", "--quiet"}, description = "Print only the final line (how the run ended), no progress.")
    boolean quiet;

    @Option(names = "--runs-dir", defaultValue = ".wisp/runs", paramLabel = "DIR", description = "Where runs are recorded (default .wisp/runs).")
    Path runsDir;

    @Option(names = "--max-concurrency", defaultValue = "16", paramLabel = "N", description = "Executions at once across the run "
            + "(default 16); blocks may set a lower max_concurrency.")
    int maxConcurrency;

    @Option(names = "--allow-code", description = "Let the playbook's code blocks run Python (else they need "
            + "'code: {allow: true}' in a wisp-project.yaml beside the playbook).")
    boolean allowCode;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = main.spec.commandLine().getErr();
        PrintWriter out = main.spec.commandLine().getOut();
        Validator validator = new Validator(main.registry().catalog());
        if (!dev.wisp.dsl.source.InputFiles.readable(playbook)) {
            throw new UsageException("no such playbook file: " + playbook);
        }
        Validator.Result checked = validator.validate(playbook);
        checked.diagnostics().forEach(err::println);
        if (checked.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
            err.println("wisp: " + Validator.display(playbook) + " is invalid; nothing was run");
            return ExitCodes.INVALID;
        }
        Playbook pb = checked.playbook().orElseThrow();
        Map<String, Object> givenInputs = RunSupport.inputs(inputs, pb);
        try {
            dev.wisp.engine.exec.Inputs.resolve(pb, givenInputs); // before anything starts or is recorded
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        RunSupport.Assets assetConfigs = RunSupport.assets(assets, main.registry());
        // everything the user gave is checked before anything starts: answers, the event(s)
        RunRequest.SubPlaybookSource subs = subPlaybooks(validator);
        RunSupport.GivenAnswers given = RunSupport.answers(answers, answersFile);
        RunSupport.checkAnswers(given, pb, subs, assetConfigs);
        dev.wisp.engine.code.CodeSettings codeSettings = dev.wisp.cli.code.CodeGate.settings(playbook, pb, subs,
                allowCode);
        if (maxConcurrency < 1) {
            throw new UsageException("--max-concurrency must be at least 1");
        }
        List<Events.Event> parsedEvents = events == null ? null : readEvents();
        Events.Event ev = events == null ? RunSupport.eventFile(event) : null;
        CadoSimulator sim = simulate ? RunSupport.simulate(pb, assetConfigs.configs()) : null;
        main.mask(Redactor.of(assetConfigs.configs().values()));
        if (sim != null && !quiet) {
            err.println("Cado Response simulator at " + sim.baseUrl() + " (" + sim.describe() + ")");
        }
        try (SystemTime time = new SystemTime(); Engine engine = new Engine(main.registry())) {
            PromptHandler prompts = RunSupport.prompts(given, time, err);
            RunExecutor executor = new RunExecutor(engine, new RunStore(runsDir), time, err,
                    main.progress(quiet || events != null || output == Output.json), maxConcurrency).code(codeSettings);
            if (parsedEvents != null) {
                return many(executor, pb, givenInputs, assetConfigs, prompts, subs, parsedEvents, err, out);
            }
            String id = RunStore.newId(time.clock().instant());
            if (!quiet) {
                err.println("run " + id + ": " + pb.name());
            }
            RunExecutor.Result r = executor.run(id, pb, givenInputs, ev, assetConfigs, prompts, List.of(), subs,
                    metadata(givenInputs, pb));
            int code = report(r, out, err);
            executor.printed();
            return code;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } finally {
            if (sim != null) {
                sim.close();
            }
        }
    }

    private Map<String, Object> metadata(Map<String, Object> givenInputs, Playbook pb) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("playbook", playbook.toAbsolutePath().toString());
        m.put("inputs", givenInputs);
        m.put("event", event == null ? null : event.toAbsolutePath().toString());
        m.put("assets", assets == null ? null : assets.toAbsolutePath().toString());
        m.put("simulate", simulate);
        // what the run was started with, so a resume can tell when the playbook changed since; a pipe was read
        // once already (reading it again would wait for a writer that is gone), so it has nothing to compare
        if (Files.isRegularFile(playbook)) {
            try {
                String text = Files.readString(playbook);
                m.put("playbook_sha256", dev.wisp.cli.run.PlaybookChanges.sha256(text));
                m.put("playbook_text", text);
            } catch (IOException e) {
                // unreadable now: the resume check is skipped for this run
            }
        }
        Map<String, String> code = dev.wisp.cli.code.CodeGate.fingerprints(pb);
        if (!code.isEmpty()) {
            m.put("code_sha256", code); // a code file beside the playbook can change while its text does not
        }
        return m;
    }

    static RunRequest.SubPlaybookSource subPlaybooks(Validator validator) {
        return (parent, relative) -> {
            Path file = Path.of(parent.file()).toAbsolutePath().getParent().resolve(relative).normalize();
            LoadResult r = validator.load(file);
            if (r.hasErrors() || r.playbook().isEmpty()) {
                throw new IllegalArgumentException("sub-playbook " + file + " is invalid: " + r.diagnostics().stream()
                        .filter(d -> d.severity() == Severity.ERROR).map(Diagnostic::toString).findFirst().orElse(""));
            }
            return r.playbook().get();
        };
    }

    private int report(RunExecutor.Result r, PrintWriter out, PrintWriter err) {
        if (output == Output.json) {
            try {
                out.println(JournalCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r.report()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        finalLines(r, runsDir, quiet, err);
        r.lost().ifPresent(lost -> err.println("wisp: run " + r.runId() + ": " + lost + (output == Output.json
                ? "; the whole report is on stdout" : "; the summary above is all that is left (--output json "
                + "prints the whole report)")));
        out.flush();
        err.flush();
        return exitCode(r.outcome());
    }

    /** The summary, where the run is recorded and, for a suspended run, how to continue it; or with quiet one line. */
    static void finalLines(RunExecutor.Result r, Path runsDir, boolean quiet, PrintWriter err) {
        String summary = RunReport.summary(r.report());
        if (quiet) {
            err.print(summary.substring(summary.lastIndexOf("\nrun ") + 1));
        } else {
            err.print(summary);
            err.println("journal and report: " + Validator.display(new RunStore(runsDir).dir(r.runId())));
        }
        ResumeHint.lines(r.report(), runsDir.equals(Path.of(".wisp/runs")) ? "" : "--runs-dir " + runsDir)
                .forEach(err::println);
        err.flush();
    }

    static int exitCode(RunOutcome o) {
        return switch (o.status()) {
            case SUCCESS -> ExitCodes.OK;
            case FAILED -> ExitCodes.FAILED;
            case SUSPENDED -> ExitCodes.SUSPENDED;
            case CANCELLED -> ExitCodes.CANCELLED;
        };
    }

    /** The events of {@code --events FILE.jsonl}, each checked; every problem at once, located by line. */
    private List<Events.Event> readEvents() {
        List<String> lines = RunSupport.eventLines(events);
        List<Events.Event> parsed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                parsed.add(Events.parseLine(lines.get(i), events.toString(), i + 1));
            } catch (Events.EventException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("\n", problems) + "\nnothing was run");
        }
        if (parsed.isEmpty()) {
            throw new UsageException(events + " has no events (one JSON object a line)");
        }
        return parsed;
    }

    private int many(RunExecutor executor, Playbook pb, Map<String, Object> givenInputs,
                     RunSupport.Assets assetConfigs, PromptHandler prompts, RunRequest.SubPlaybookSource subs,
                     List<Events.Event> parsed, PrintWriter err, PrintWriter out) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
        try {
            List<Future<RunExecutor.Result>> futures = new ArrayList<>();
            for (Events.Event ev : parsed) {
                futures.add(pool.submit(() -> executor.run(RunStore.newId(java.time.Instant.now()), pb, givenInputs,
                        ev, assetConfigs, prompts, List.of(), subs, metadata(givenInputs, pb))));
            }
            int worst = ExitCodes.OK;
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<Object> reports = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                RunExecutor.Result r;
                try {
                    r = futures.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    err.println("event " + (i + 1) + ": " + e.getCause().getMessage());
                    worst = ExitCodes.FAILED;
                    continue;
                }
                reports.add(r.report());
                counts.merge(r.outcome().status().id(), 1, Integer::sum);
                err.println("event " + (i + 1) + ": run " + r.runId() + " " + r.outcome().status().id()
                        + ("finished".equals(r.outcome().message()) ? "" : " (" + r.outcome().message() + ")"));
                if (r.lost().isPresent()) {
                    err.println("wisp: event " + (i + 1) + ": " + r.lost().get());
                }
                if (r.outcome().status() != RunOutcome.Status.SUCCESS) {
                    worst = ExitCodes.FAILED;
                }
            }
            err.println(parsed.size() + " events: " + counts);
            if (output == Output.json) {
                try {
                    out.println(JournalCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(reports));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return worst;
        } finally {
            pool.shutdownNow();
        }
    }
}
