package dev.wisp.cli;

import dev.wisp.cli.graph.GraphRenderer;
import dev.wisp.cli.validate.Validator;
import dev.wisp.dsl.diag.Severity;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.report.RunStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wisp graph PLAYBOOK}: the playbook as a Mermaid or DOT picture, optionally coloured by a run. */
@Command(name = "graph", addMethodSubcommands = false,
        description = "Draw a playbook as Mermaid (default) or Graphviz DOT.",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  wisp graph playbooks/capture_ec2_instance.yaml",
            "  wisp graph playbooks/triage_ec2_alert.yaml --format dot | dot -Tsvg > t.svg",
            "  wisp graph playbooks/capture_ec2_instance.yaml --run 20261201-0950"})
final class GraphCommand implements Callable<Integer> {
    enum Format { mermaid, dot }

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "PLAYBOOK", description = "The playbook file.")
    Path playbook;

    @Option(names = "--format", defaultValue = "mermaid", paramLabel = "mermaid|dot", description = "mermaid (default) or dot.")
    Format format;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "Colour the blocks by what happened in this run.")
    String run;

    @Option(names = "--runs-dir", defaultValue = ".wisp/runs", paramLabel = "DIR", description = "Where runs are recorded.")
    Path runsDir;

    @picocli.CommandLine.Mixin
    AppSpecOption appSpecs;

    @Override
    public Integer call() {
        PrintWriter out = main.spec.commandLine().getOut();
        PrintWriter err = main.spec.commandLine().getErr();
        if (!Files.isRegularFile(playbook)) {
            throw new UsageException("no such playbook file: " + playbook);
        }
        Validator.Result r = new Validator(main.appSpecs(appSpecs.dirs)::catalogFor).validate(playbook);
        if (r.playbook().isEmpty()) {
            r.diagnostics().forEach(err::println);
            return ExitCodes.INVALID;
        }
        if (r.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
            err.println("wisp: " + r.file() + " has errors (see wisp validate); drawing what can be drawn");
        }
        Map<String, String> statuses = Map.of();
        if (run != null) {
            RunStore store = new RunStore(runsDir);
            Map<String, Object> report;
            String id;
            try {
                id = store.find(run);
                report = store.readJson(store.report(id));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            statuses = GraphRenderer.statuses(report);
            warnIfOtherPlaybook(id, report, r.playbook().get(), statuses, err);
        }
        out.print(format == Format.dot ? GraphRenderer.dot(r.playbook().get(), statuses)
                : GraphRenderer.mermaid(r.playbook().get(), statuses));
        out.flush();
        return ExitCodes.OK;
    }

    /** A run of another playbook (or of an older version of this one) colours only the blocks both have. */
    private static void warnIfOtherPlaybook(String id, Map<String, Object> report, Playbook pb,
                                            Map<String, String> statuses, PrintWriter err) {
        Object ran = report.get("playbook");
        if (ran != null && !ran.equals(pb.name())) {
            err.println("wisp: warning: run " + id + " is a run of playbook '" + ran + "', not '" + pb.name()
                    + "'; only blocks with the same names are coloured");
        }
        List<String> missing = statuses.keySet().stream().filter(b -> !pb.blocks().containsKey(b)).sorted().toList();
        if (!missing.isEmpty()) {
            err.println("wisp: warning: " + missing.size() + " block(s) of run " + id + " are not in "
                    + Validator.display(Path.of(pb.file())) + ": " + String.join(", ", missing));
        }
    }
}
