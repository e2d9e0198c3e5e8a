package dev.wisp.cli;

import dev.wisp.cli.run.RunSupport;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.time.SystemTime;
import dev.wisp.engine.exec.ExecutionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AssetConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wisp asset test ASSET}: runs the app's test connectivity and says clearly what is wrong. */
@Command(name = "asset", description = "Work with configured assets.", subcommands = {AssetCommand.Test.class,
        picocli.CommandLine.HelpCommand.class}, mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  wisp asset test cado --assets examples/assets.example.yaml"})
final class AssetCommand {
    @ParentCommand
    Main main;

    /** {@code wisp asset test}. */
    @Command(name = "test", description = "Check that an asset is reachable and its credentials are accepted.",
            mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            footerHeading = "%nExamples:%n",
            footer = {"  wisp asset test cado --assets examples/assets.example.yaml",
                "  wisp asset test cado --assets examples/assets.example.yaml --output json"})
    static final class Test implements Callable<Integer> {
        @ParentCommand
        AssetCommand parent;

        @Parameters(paramLabel = "ASSET", description = "The asset's name in the assets file.")
        String asset;

        @Option(names = "--assets", required = true, paramLabel = "FILE", description = "Asset configuration.")
        Path assets;

        enum Output { text, json }

        @Option(names = "--output", defaultValue = "text", paramLabel = "text|json", description = "text (on stderr, "
                + "the default) or json on stdout: {asset, app, ok, message}.")
        Output output;

        @Override
        public Integer call() throws Exception {
            Main main = parent.main;
            PrintWriter err = main.spec.commandLine().getErr();
            Map<String, AssetConfig> configs = RunSupport.assets(assets, main.registry()).configs();
            AssetConfig config = configs.get(asset);
            if (config == null) {
                throw new UsageException("no asset '" + asset + "' in " + assets + "; it has " + configs.keySet());
            }
            App app = main.registry().app(config.appId()).orElseThrow();
            if (app.spec().action("test connectivity").isEmpty()) {
                throw new UsageException("app '" + config.appId() + "' has no test connectivity action");
            }
            Redactor redactor = Redactor.of(java.util.List.of(config));
            main.mask(Redactor.of(configs.values()));
            try (SystemTime time = new SystemTime(); AppConnection c = app.connect(config)) {
                ActionResult r = c.execute(new ExecutionContext("test", "test connectivity", Map.of(), config, time,
                        event -> { })).toCompletableFuture().get(5, TimeUnit.MINUTES);
                return report(config, r.succeeded(), redactor.text(r.message()), main);
            } catch (IllegalArgumentException e) {
                return report(config, false, redactor.text(e.getMessage()), main);
            }
        }

        private int report(AssetConfig config, boolean ok, String message, Main main) {
            main.spec.commandLine().getErr().println((ok ? "ok: " : "FAILED: ") + message);
            main.spec.commandLine().getErr().flush();
            if (output == Output.json) {
                Map<String, Object> doc = new java.util.LinkedHashMap<>();
                doc.put("asset", config.name());
                doc.put("app", config.appId());
                doc.put("ok", ok);
                doc.put("message", message);
                main.spec.commandLine().getOut().println(JsonOut.pretty(doc));
                main.spec.commandLine().getOut().flush();
            }
            return ok ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
