package dev.wisp.cli;

import dev.wisp.cli.history.ResumeHint;
import dev.wisp.cli.run.Foreground;
import dev.wisp.cli.run.RunSupport;
import dev.wisp.cli.validate.Validator;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Severity;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.parse.LoadResult;
import dev.wisp.engine.asset.Assets;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.prompt.PromptHandler;
import dev.wisp.engine.report.RunReport;
import dev.wisp.engine.report.RunStore;
import dev.wisp.engine.run.Events;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.engine.run.RunRequest;
import dev.wisp.engine.runs.RunResult;
import dev.wisp.engine.runs.RunSpec;
import dev.wisp.engine.runs.RunWatcher;
import dev.wisp.engine.runs.Runs;
import dev.wisp.engine.time.SystemTime;
import dev.wisp.spi.AssetConfig;
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
@Command(name = "run", addMethodSubcommands = false,
        description = "Run a playbook. Writes .wisp/runs/<run-id>/journal.jsonl and report.json.",
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

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the run as one self-contained HTML "
            + "page (the graph, a timeline, each block's results).")
    Path html;

    @Option(names = "--max-concurrency", defaultValue = "16", paramLabel = "N", description = "Executions at once across the run "
            + "(default 16); blocks may set a lower max_concurrency.")
    int maxConcurrency;

    @Option(names = "--allow-code", description = "Let the playbook's code blocks run Python (else they need "
            + "'code: {allow: true}' in a wisp-project.yaml beside the playbook).")
    boolean allowCode;

    @picocli.CommandLine.Mixin
    AppSpecOption appSpecs;

    @picocli.CommandLine.Mixin
    dev.wisp.cli.temporal.TemporalOptions temporal;

    @Option(names = "--detach", description = "With --temporal: print the run's id and return; the run goes on on "
            + "the cluster.")
    boolean detach;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = main.spec.commandLine().getErr();
        PrintWriter out = main.spec.commandLine().getOut();
        dev.wisp.cli.apps.AppSpecDirs specs = main.appSpecs(appSpecs.dirs);
        Validator validator = new Validator(specs::catalogFor);
        if (!dev.wisp.dsl.source.InputFiles.readable(playbook)) {
            throw new UsageException("no such playbook file: " + playbook);
        }
        Validator.Result checked = validator.validate(playbook);
        specs.diagnostics().values().forEach(d -> d.forEach(err::println));
        checked.diagnostics().forEach(err::println);
        if (checked.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR) || specs.hasErrors()) {
            err.println("wisp: " + Validator.display(playbook) + " is invalid; nothing was run");
            return ExitCodes.INVALID;
        }
        Playbook pb = checked.playbook().orElseThrow();
        List<Diagnostic> unimplemented = unimplemented(pb, playbook, validator, new java.util.HashSet<>());
        if (!unimplemented.isEmpty()) {
            unimplemented.forEach(err::println);
            err.println("wisp: " + Validator.display(playbook) + " uses actions of apps that have no implementation "
                    + "installed; nothing was run");
            return ExitCodes.INVALID;
        }
        Map<String, Object> givenInputs = RunSupport.inputs(inputs, pb);
        try {
            dev.wisp.engine.exec.Inputs.resolve(pb, givenInputs); // before anything starts or is recorded
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Assets assetConfigs = RunSupport.assets(assets, main.registry());
        // everything the user gave is checked before anything starts: answers, the event(s)
        RunRequest.SubPlaybookSource subs = subPlaybooks(validator);
        RunSupport.GivenAnswers given = RunSupport.answers(answers, answersFile);
        RunSupport.checkAnswers(given, pb, subs, assetConfigs);
        // on Temporal the Python runs on the workers (wisp worker --allow-code): only the run's own consent here
        dev.wisp.engine.code.CodeSettings codeSettings = temporal.given() ? null
                : dev.wisp.cli.code.CodeGate.settings(playbook, pb, subs, allowCode);
        if (temporal.given()) {
            dev.wisp.cli.code.CodeGate.check(playbook, pb, subs, allowCode);
        }
        if (maxConcurrency < 1) {
            throw new UsageException("--max-concurrency must be at least 1");
        }
        if (html != null && events != null) {
            throw new UsageException("--html writes the page of one run; with --events, write each run's page "
                    + "with wisp show RUN_ID --html");
        }
        List<Events.Event> parsedEvents = events == null ? null : readEvents();
        Events.Event ev = events == null ? RunSupport.eventFile(event) : null;
        if (temporal.given()) {
            return onTemporal(pb, givenInputs, parsedEvents != null ? parsedEvents : List.of(ev), given, err, out);
        }
        if (temporal.anyOther() || detach) {
            throw new UsageException((detach ? "--detach"
                    : "--namespace, --task-queue, --temporal-key-file and the --tls options") + " go with --temporal "
                    + "HOST:PORT");
        }
        try (RunSupport.Simulations sims = simulate ? RunSupport.simulate(pb, assetConfigs) : null;
             SystemTime time = new SystemTime();
             Runs runs = new Runs(main.registry(), new RunStore(runsDir), time)) {
            Redactor redactor = Redactor.of(assetConfigs.configs().values());
            main.mask(redactor);
            if (sims != null && !quiet) {
                sims.describe().forEach(err::println);
            }
            PromptHandler prompts = RunSupport.prompts(given, time, err);
            boolean many = parsedEvents != null;
            RunWatcher watcher = main.watcher(quiet || many || output == Output.json, err, redactor);
            java.util.function.Function<Events.Event, RunSpec> spec = e -> new RunSpec(pb, givenInputs, e,
                    assetConfigs, prompts, subs, maxConcurrency, java.util.Set.of(),
                    new RunSpec.Origin(playbook, event, assets, simulate), codeSettings);
            Foreground fg = new Foreground(err);
            if (many) {
                return many(runs, fg, spec, parsedEvents, err, out);
            }
            String id = runs.newId();
            if (!quiet) {
                err.println("run " + id + ": " + pb.name());
            }
            RunResult r = fg.await(runs.start(id, spec.apply(ev), watcher));
            if (html != null) {
                ShowCommand.writePage(html, dev.wisp.cli.show.RunPages.html(r.report(), readJournal(runs, id), pb,
                        main.registry().catalog()));
            }
            int code = report(r, out, err);
            fg.printed();
            return code;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The action blocks of the playbook and of its sub-playbooks whose app is known only from its spec (WSP079): a run
     * could not execute them, so it is refused before it starts.
     */
    private static List<Diagnostic> unimplemented(Playbook pb, Path file, Validator validator, java.util.Set<Path> seen) {
        if (!seen.add(file.toAbsolutePath().normalize())) {
            return List.of();
        }
        List<Diagnostic> out = new ArrayList<>(dev.wisp.dsl.check.Implementations.missing(pb,
                validator.catalog(file)));
        for (dev.wisp.dsl.model.Block b : pb.blocks().values()) {
            if (b instanceof dev.wisp.dsl.model.Block.PlaybookBlock sub) {
                Path subFile = file.toAbsolutePath().getParent().resolve(sub.playbook()).normalize();
                validator.load(subFile).playbook().ifPresent(s -> out.addAll(unimplemented(s, subFile, validator,
                        seen)));
            }
        }
        return out;
    }

    /**
     * The run on a Temporal cluster: what only this process could do (simulators, a terminal for prompts, an HTML
     * page) is refused; answers given now go with {@code wisp resume --temporal} once asked.
     */
    private int onTemporal(Playbook pb, Map<String, Object> givenInputs, List<Events.Event> evs,
                           RunSupport.GivenAnswers given, PrintWriter err, PrintWriter out)
            throws InterruptedException {
        List<String> refused = new ArrayList<>();
        if (simulate) {
            refused.add("--simulate (the simulators would live in this process, out of the workers' reach)");
        }
        if (html != null) {
            refused.add("--html (write the page with wisp show RUN_ID --temporal ... --output json)");
        }
        if (!given.byBlock().isEmpty()) {
            refused.add("--answer/--answers (answer once asked: wisp resume RUN_ID --temporal ... --answer ...)");
        }
        if (assets != null) {
            refused.add("--assets (the workers read their own: wisp worker --assets FILE)");
        }
        if (!refused.isEmpty()) {
            throw new UsageException("with --temporal, these do not apply: " + String.join("; ", refused));
        }
        RunWatcher watcher = main.watcher(quiet || output == Output.json, err, Redactor.none());
        return OnTemporal.run(this, pb, givenInputs, evs, watcher, out, err);
    }

    /** The run's journal as written (for the page's timeline); what cannot be read leaves the timeline bare. */
    private static List<dev.wisp.engine.journal.JournalEvent> readJournal(Runs runs, String id) {
        try {
            return dev.wisp.engine.journal.JournalReader.read(runs.store().journal(id));
        } catch (RuntimeException e) {
            return List.of();
        }
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

    private int report(RunResult r, PrintWriter out, PrintWriter err) {
        if (output == Output.json) {
            out.println(JsonOut.pretty(r.report()));
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
    static void finalLines(RunResult r, Path runsDir, boolean quiet, PrintWriter err) {
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

    private int many(Runs runs, Foreground fg, java.util.function.Function<Events.Event, RunSpec> spec,
                     List<Events.Event> parsed, PrintWriter err, PrintWriter out) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (Events.Event ev : parsed) {
                futures.add(pool.submit(() -> fg.await(runs.start(runs.newId(), spec.apply(ev), RunWatcher.NONE))));
            }
            int worst = ExitCodes.OK;
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<Object> reports = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                RunResult r;
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
                out.println(JsonOut.pretty(reports));
            }
            return worst;
        } finally {
            pool.shutdownNow();
        }
    }
}
