package dev.wisp.cli;

import dev.wisp.cli.run.Foreground;
import dev.wisp.cli.run.RunSupport;
import dev.wisp.cli.validate.Validator;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.asset.Assets;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.report.RunStore;
import dev.wisp.engine.run.Events;
import dev.wisp.engine.runs.RunResult;
import dev.wisp.engine.runs.RunSpec;
import dev.wisp.engine.runs.Runs;
import dev.wisp.engine.runs.StoredRun;
import dev.wisp.engine.time.SystemTime;
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
@Command(name = "resume", addMethodSubcommands = false,
        description = "Continue a suspended run from its journal, with the answers it waits for.",
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

    @Option(names = "--input", paramLabel = "NAME=VALUE", description = "A password input of the run, given again "
            + "(repeatable): a run never keeps them on disk. Other inputs are the run's own.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--force", description = "Resume even though the playbook changed since the run started.")
    boolean force;

    @Option(names = "--runs-dir", defaultValue = ".wisp/runs", paramLabel = "DIR", description = "Where runs are recorded (default .wisp/runs).")
    Path runsDir;

    @Option(names = "--allow-code", description = "Let the playbook's code blocks run Python (else they need "
            + "'code: {allow: true}' in a wisp-project.yaml beside the playbook).")
    boolean allowCode;

    @picocli.CommandLine.Mixin
    dev.wisp.cli.temporal.TemporalOptions temporal;

    @Option(names = "--detach", description = "With --temporal: give the answers and return; the run goes on on "
            + "the cluster.")
    boolean detach;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = main.spec.commandLine().getErr();
        if (temporal.given()) {
            return OnTemporal.answer(temporal, runId, RunSupport.answers(answers, answersFile).byBlock(),
                    System.getProperty("user.name"), detach ? null : main.watcher(false, err, Redactor.none()),
                    main.spec.commandLine().getOut(), err);
        }
        if (detach || temporal.anyOther()) {
            throw new UsageException("--detach, --namespace, --task-queue, --temporal-key-file and the --tls options "
                    + "go with --temporal");
        }
        try (SystemTime time = new SystemTime();
             Runs runs = new Runs(main.registry(), new RunStore(runsDir), time)) {
            StoredRun stored = runs.open(runId, force);
            String id = stored.runId();
            Validator validator = new Validator(main.registry().catalog());
            Validator.Result checked = validator.validate(stored.playbook());
            if (checked.playbook().isEmpty() || checked.diagnostics().stream()
                    .anyMatch(d -> d.severity() == dev.wisp.dsl.diag.Severity.ERROR)) {
                checked.diagnostics().forEach(err::println);
                err.println("wisp: run " + id + " cannot be resumed: its playbook is invalid now");
                return ExitCodes.INVALID;
            }
            Playbook pb = checked.playbook().get();
            Path assetsFile = assets != null ? assets : stored.assets();
            Assets assetConfigs = RunSupport.assets(assetsFile, main.registry());
            RunSupport.GivenAnswers given = RunSupport.answers(answers, answersFile);
            RunSupport.checkAnswers(given, pb, RunCommand.subPlaybooks(validator), assetConfigs);
            Redactor redactor = Redactor.of(assetConfigs.configs().values());
            main.mask(redactor);
            dev.wisp.engine.code.CodeSettings code = dev.wisp.cli.code.CodeGate.settings(stored.playbook(), pb,
                    RunCommand.subPlaybooks(validator), allowCode);
            Events.Event event = RunSupport.eventFile(stored.event());
            Map<String, Object> runInputs = new java.util.LinkedHashMap<>(stored.inputs());
            List<String> passwords = Runs.passwordInputs(pb);
            RunSupport.inputs(inputs, pb).forEach((name, value) -> {
                if (!passwords.contains(name)) {
                    throw new UsageException("--input " + name + ": a resume takes only the run's password inputs ("
                            + (passwords.isEmpty() ? "it has none" : String.join(", ", passwords)) + "); its other "
                            + "inputs are the ones it started with");
                }
                runInputs.put(name, value);
            });
            RunSpec spec = new RunSpec(pb, runInputs, event, assetConfigs, RunSupport.prompts(given, time, err),
                    RunCommand.subPlaybooks(validator), 16, java.util.Set.copyOf(retryInDoubt),
                    new RunSpec.Origin(stored.playbook(), stored.event(), assetsFile, false), code);
            err.println("resuming run " + id + ": " + pb.name());
            Runs.Started started = runs.resume(stored, spec, main.watcher(false, err, redactor));
            Foreground fg = new Foreground(err);
            RunResult r = fg.await(started);
            RunCommand.finalLines(r, runsDir, false, err);
            r.lost().ifPresent(lost -> err.println("wisp: run " + r.runId() + ": " + lost));
            err.flush();
            fg.printed();
            return RunCommand.exitCode(r.outcome());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
