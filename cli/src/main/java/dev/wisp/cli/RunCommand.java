package dev.wisp.cli;

import dev.wisp.cado.sim.CadoSimulator;
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
@Command(name = "run", description = "Run a playbook. Writes .wisp/runs/<run-id>/journal.jsonl and report.json.")
final class RunCommand implements Callable<Integer> {
    enum Output { text, json }

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "PLAYBOOK", description = "The playbook file.")
    Path playbook;

    @Option(names = "--assets", paramLabel = "FILE", description = "Asset configuration (YAML); secrets as "
            + "${env:NAME} or ${file:PATH}.")
    Path assets;

    @Option(names = "--input", paramLabel = "NAME=VALUE", description = "A playbook input (repeatable).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--event", paramLabel = "FILE", description = "The event: JSON {container, artifacts}.")
    Path event;

    @Option(names = "--events", paramLabel = "FILE", description = "Many events, one JSON object a line: one run "
            + "per event.")
    Path events;

    @Option(names = "--parallel", defaultValue = "4", description = "Runs at once with --events (default 4).")
    int parallel;

    @Option(names = "--answer", paramLabel = "BLOCK[.N]=VALUE", description = "A prompt answer (repeatable).")
    List<String> answers = new ArrayList<>();

    @Option(names = "--answers", paramLabel = "FILE", description = "Prompt answers (YAML: Block: value or list).")
    Path answersFile;

    @Option(names = "--simulate", description = "Run the playbook's Cado Response assets against a local simulator.")
    boolean simulate;

    @Option(names = "--output", defaultValue = "text", description = "text (summary on stderr) or json (the report "
            + "on stdout).")
    Output output;

    @Option(names = "--runs-dir", defaultValue = ".wisp/runs", description = "Where runs are recorded.")
    Path runsDir;

    @Option(names = "--max-concurrency", defaultValue = "16", description = "Executions at once across the run "
            + "(default 16); blocks may set a lower max_concurrency.")
    int maxConcurrency;

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
        Map<String, Object> givenInputs = RunSupport.inputs(inputs);
        try {
            dev.wisp.engine.exec.Inputs.resolve(pb, givenInputs); // before anything starts or is recorded
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        RunSupport.Assets assetConfigs = RunSupport.assets(assets, main.registry());
        CadoSimulator sim = simulate ? RunSupport.simulate(pb, assetConfigs.configs()) : null;
        main.mask(Redactor.of(assetConfigs.configs().values()));
        if (sim != null) {
            err.println("Cado Response simulator at " + sim.baseUrl() + " (" + sim.describe() + ")");
        }
        try (SystemTime time = new SystemTime(); Engine engine = new Engine(main.registry())) {
            PromptHandler prompts = RunSupport.prompts(answers, answersFile, time, err);
            if (maxConcurrency < 1) {
                throw new UsageException("--max-concurrency must be at least 1");
            }
            RunExecutor executor = new RunExecutor(engine, new RunStore(runsDir), time, err,
                    events == null && output == Output.text, maxConcurrency);
            RunRequest.SubPlaybookSource subs = subPlaybooks(validator);
            if (events != null) {
                return many(executor, pb, givenInputs, assetConfigs, prompts, subs, err, out);
            }
            RunSupport.Event ev = RunSupport.eventFile(event);
            String id = RunStore.newId(time.clock().instant());
            err.println("run " + id + ": " + pb.name());
            RunExecutor.Result r = executor.run(id, pb, givenInputs, ev, assetConfigs, prompts, List.of(), subs,
                    metadata(givenInputs));
            return report(r, out, err);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } finally {
            if (sim != null) {
                sim.close();
            }
        }
    }

    private Map<String, Object> metadata(Map<String, Object> givenInputs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("playbook", playbook.toAbsolutePath().toString());
        m.put("inputs", givenInputs);
        m.put("event", event == null ? null : event.toAbsolutePath().toString());
        m.put("assets", assets == null ? null : assets.toAbsolutePath().toString());
        m.put("simulate", simulate);
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
        err.print(RunReport.summary(r.report()));
        if (r.lost().isPresent()) {
            err.println("wisp: run " + r.runId() + ": " + r.lost().get() + (output == Output.json
                    ? "; the whole report is on stdout" : "; the summary above is all that is left (--output json "
                    + "prints the whole report)"));
        } else {
            err.println("journal and report: " + Validator.display(new RunStore(runsDir).dir(r.runId())));
        }
        if (r.outcome().status() == RunOutcome.Status.SUSPENDED) {
            err.println("The run is waiting for " + String.join(", ", r.outcome().waitingFor()) + ". Continue it with:");
            err.println("  wisp resume " + r.runId() + " --answer " + r.outcome().waitingFor().get(0) + "=...");
        }
        out.flush();
        err.flush();
        return exitCode(r.outcome());
    }

    static int exitCode(RunOutcome o) {
        return switch (o.status()) {
            case SUCCESS -> ExitCodes.OK;
            case FAILED -> ExitCodes.FAILED;
            case SUSPENDED -> ExitCodes.SUSPENDED;
            case CANCELLED -> ExitCodes.CANCELLED;
        };
    }

    private int many(RunExecutor executor, Playbook pb, Map<String, Object> givenInputs,
                     RunSupport.Assets assetConfigs, PromptHandler prompts, RunRequest.SubPlaybookSource subs,
                     PrintWriter err, PrintWriter out) throws InterruptedException {
        List<String> lines = RunSupport.eventLines(events);
        List<RunSupport.Event> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                parsed.add(RunSupport.event(JournalCodec.mapper().readValue(lines.get(i), Object.class),
                        events + ":" + (i + 1)));
            } catch (IOException e) {
                throw new UsageException(events + ":" + (i + 1) + ": not JSON: " + e.getMessage());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
        try {
            List<Future<RunExecutor.Result>> futures = new ArrayList<>();
            for (RunSupport.Event ev : parsed) {
                futures.add(pool.submit(() -> executor.run(RunStore.newId(java.time.Instant.now()), pb, givenInputs,
                        ev, assetConfigs, prompts, List.of(), subs, metadata(givenInputs))));
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
