package dev.wisp.cli;

import dev.wisp.cli.run.RunExecutor;
import dev.wisp.cli.run.RunSupport;
import dev.wisp.cli.validate.Validator;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.Engine;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.journal.JournalReader;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.report.RunReport;
import dev.wisp.engine.report.RunStore;
import dev.wisp.engine.time.SystemTime;
import dev.wisp.spi.AssetConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code wisp resume RUN_ID}: continues a suspended run (in this or another process, later) from its journal;
 * finished blocks and executions are not repeated, the prompts it waits for are asked again.
 */
@Command(name = "resume", description = "Continue a suspended run from its journal, with the answers it waits for.",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  wisp resume 20261201-095000-1a2b3c --answer Set_Project_Name=incident-42",
            "  wisp resume 20261201 --answers answers.yaml   # a unique prefix of the id"})
final class ResumeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "RUN_ID", description = "The run's id, or a unique prefix of it.")
    String runId;

    @Option(names = "--answer", paramLabel = "BLOCK[.N]=VALUE", description = "A prompt answer (repeatable).")
    List<String> answers = new ArrayList<>();

    @Option(names = "--answers", paramLabel = "FILE", description = "Prompt answers (YAML).")
    Path answersFile;

    @Option(names = "--assets", paramLabel = "FILE", description = "Asset configuration (default: the run's).")
    Path assets;

    @Option(names = "--retry-in-doubt", paramLabel = "BLOCK", description = "Run again the executions of BLOCK that "
            + "were running when the run stopped and whose effect its app could not check (repeatable). Only after "
            + "you checked that they did not take effect.")
    List<String> retryInDoubt = new ArrayList<>();

    @Option(names = "--force", description = "Resume even though the playbook changed since the run started.")
    boolean force;

    @Option(names = "--runs-dir", defaultValue = ".wisp/runs", paramLabel = "DIR", description = "Where runs are recorded (default .wisp/runs).")
    Path runsDir;

    @Option(names = "--allow-code", description = "Let the playbook's code blocks run Python (else they need "
            + "'code: {allow: true}' in a wisp-project.yaml beside the playbook).")
    boolean allowCode;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws InterruptedException {
        PrintWriter err = main.spec.commandLine().getErr();
        RunStore store = new RunStore(runsDir);
        String id;
        try {
            id = store.find(runId);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        // refused at once when another process runs it (the run takes the lock for good when it starts)
        dev.wisp.cli.run.RunLock.acquire(store.dir(id), id).close();
        Map<String, Object> meta = store.metadataOf(id);
        List<JournalEvent> prior;
        try {
            prior = JournalReader.read(store.journal(id));
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new UsageException("run " + id + " cannot be resumed: its journal cannot be read: " + e.getMessage());
        }
        if (prior.stream().anyMatch(e -> e instanceof JournalEvent.RunFinished)) {
            throw new UsageException("run " + id + " has already finished; nothing to resume");
        }
        if (Boolean.TRUE.equals(meta.get("simulate"))) {
            throw new UsageException("run " + id + " ran against a simulator that no longer exists; start it again "
                    + "with wisp run --simulate and answers");
        }
        Path playbookFile = Path.of((String) meta.get("playbook"));
        if (meta.get("playbook_sha256") instanceof String started && !force) {
            String now;
            try {
                now = java.nio.file.Files.readString(playbookFile);
            } catch (java.io.IOException e) {
                throw new UsageException("run " + id + " cannot be resumed: its playbook " + playbookFile
                        + " cannot be read: " + e.getMessage());
            }
            if (!started.equals(dev.wisp.cli.run.PlaybookChanges.sha256(now))) {
                List<String> changes = meta.get("playbook_text") instanceof String before
                        ? dev.wisp.cli.run.PlaybookChanges.between(before, now) : List.of("its text changed");
                throw new UsageException("run " + id + " was started with another version of " + playbookFile
                        + ":\n  " + String.join("\n  ", changes) + "\nresuming it under this one would mix the two;"
                        + " start a new run, or resume with --force if the change cannot matter");
            }
        }
        Validator validator = new Validator(main.registry().catalog());
        Validator.Result checked = validator.validate(playbookFile);
        if (checked.playbook().isEmpty() || checked.diagnostics().stream()
                .anyMatch(d -> d.severity() == dev.wisp.dsl.diag.Severity.ERROR)) {
            checked.diagnostics().forEach(err::println);
            return ExitCodes.INVALID;
        }
        Playbook pb = checked.playbook().get();
        if (meta.get("code_sha256") instanceof Map<?, ?> before && !force) {
            List<String> changed = dev.wisp.cli.code.CodeGate.changed((Map<String, Object>) before, pb);
            if (!changed.isEmpty()) {
                throw new UsageException("run " + id + " was started with other code in " + String.join(", ", changed)
                        + "; resuming it under this code would mix the two; start a new run, or resume with --force "
                        + "if the change cannot matter");
            }
        }
        Path assetsFile = assets != null ? assets : meta.get("assets") == null ? null : Path.of((String) meta.get("assets"));
        RunSupport.Assets assetConfigs = RunSupport.assets(assetsFile, main.registry());
        RunSupport.GivenAnswers given = RunSupport.answers(answers, answersFile);
        RunSupport.checkAnswers(given, pb, RunCommand.subPlaybooks(validator), assetConfigs);
        dev.wisp.engine.code.CodeSettings code = dev.wisp.cli.code.CodeGate.settings(playbookFile, pb,
                RunCommand.subPlaybooks(validator), allowCode);
        main.mask(Redactor.of(assetConfigs.configs().values()));
        try (SystemTime time = new SystemTime(); Engine engine = new Engine(main.registry())) {
            for (String b : retryInDoubt) {
                if (!(pb.blocks().get(b) instanceof dev.wisp.dsl.model.Block.ActionBlock)) {
                    throw new UsageException("--retry-in-doubt " + b + ": playbook " + pb.name() + " has no action "
                            + "block '" + b + "'");
                }
            }
            RunExecutor executor = new RunExecutor(engine, store, time, err, main.progress(false), 16)
                    .retryInDoubt(java.util.Set.copyOf(retryInDoubt)).code(code);
            dev.wisp.engine.run.Events.Event event = RunSupport.eventFile(meta.get("event") == null ? null
                    : Path.of((String) meta.get("event")));
            err.println("resuming run " + id + ": " + pb.name());
            RunExecutor.Result r = executor.run(id, pb, (Map<String, Object>) meta.getOrDefault("inputs", Map.of()),
                    event, assetConfigs, RunSupport.prompts(given, time, err), prior,
                    RunCommand.subPlaybooks(validator), meta);
            RunCommand.finalLines(r, runsDir, false, err);
            r.lost().ifPresent(lost -> err.println("wisp: run " + r.runId() + ": " + lost));
            err.flush();
            executor.printed();
            return RunCommand.exitCode(r.outcome());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
