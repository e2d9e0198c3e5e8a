package dev.wisp.cli;

import dev.wisp.cli.graph.GraphRenderer;
import dev.wisp.cli.validate.Validator;
import dev.wisp.dsl.diag.Severity;
import dev.wisp.engine.report.RunStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wisp graph PLAYBOOK}: the playbook as a Mermaid or DOT picture, optionally coloured by a run. */
@Command(name = "graph", description = "Draw a playbook as Mermaid (default) or Graphviz DOT.",
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

    @Override
    public Integer call() {
        PrintWriter out = main.spec.commandLine().getOut();
        PrintWriter err = main.spec.commandLine().getErr();
        if (!Files.isRegularFile(playbook)) {
            throw new UsageException("no such playbook file: " + playbook);
        }
        Validator.Result r = new Validator(main.registry().catalog()).validate(playbook);
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
            try {
                statuses = GraphRenderer.statuses(store.readJson(store.report(store.find(run))));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        out.print(format == Format.dot ? GraphRenderer.dot(r.playbook().get(), statuses)
                : GraphRenderer.mermaid(r.playbook().get(), statuses));
        out.flush();
        return ExitCodes.OK;
    }
}
