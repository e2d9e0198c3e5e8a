package dev.wisp.cli;

import dev.wisp.cli.run.RunSupport;
import dev.wisp.cli.temporal.TemporalOptions;
import dev.wisp.engine.asset.Assets;
import dev.wisp.engine.journal.Redactor;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code wisp worker --temporal HOST:PORT}: runs Wisp's workflows and activities for a Temporal cluster. */
@Command(name = "worker", addMethodSubcommands = false,
        description = "Run playbooks for a Temporal cluster: the runs' workflows and their "
        + "actions, with this machine's apps and assets, until stopped (SIGTERM or Ctrl-C).",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  wisp worker --temporal localhost:7233 --assets assets.yaml",
            "  wisp worker --temporal ns.a1b2c.tmprl.cloud:7233 --namespace ns.a1b2c \\",
            "      --tls-cert client.pem --tls-key client.key --assets assets.yaml"})
final class WorkerCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    TemporalOptions temporal;

    // $$ keeps picocli from expanding ${env:NAME} in the help text
    @Option(names = "--assets", paramLabel = "FILE", description = "The assets this worker's actions run on (YAML; "
            + "secrets as $${env:NAME} or $${file:PATH}): read here, never sent to the cluster.")
    Path assets;

    @Option(names = "--workflow-cache", defaultValue = "600", paramLabel = "N", description = "Runs kept in "
            + "memory between their steps (default 600); 0 keeps none: each step replays the run's history, on any "
            + "worker (no sticky queue: for Temporal's test server, see docs/temporal.md).")
    int workflowCache;

    @Option(names = "--allow-code", description = "Run the code blocks of the runs this worker takes (Python, "
            + "with WISP_PYTHON, else python3); without it they fail, naming this option.")
    boolean allowCode;

    @Override
    public Integer call() throws InterruptedException {
        if (!temporal.given()) {
            throw new UsageException("wisp worker needs --temporal HOST:PORT (the cluster's frontend service)");
        }
        Assets loaded = RunSupport.assets(assets, main.registry());
        main.mask(Redactor.of(loaded.configs().values()));
        if (workflowCache < 0) {
            throw new UsageException("--workflow-cache must be 0 or more");
        }
        dev.wisp.engine.code.CodeSettings code = dev.wisp.cli.code.CodeGate.worker(allowCode);
        return OnTemporal.worker(temporal, loaded, main.registry(), workflowCache, code,
                main.spec.commandLine().getErr());
    }
}
