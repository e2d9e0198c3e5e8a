package dev.wisp.cli;

import dev.wisp.cado.sim.CadoSimulator;
import dev.wisp.cado.sim.SimulatorOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wisp simulate cado-response}: a standalone Cado Response v2 simulator on loopback, until Ctrl-C. */
@Command(name = "simulate", addMethodSubcommands = false,
        description = "Run a local Cado Response v2 simulator until Ctrl-C.",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  export CADO_ACCESS_TOKEN=$(openssl rand -hex 24)",
            "  wisp simulate cado-response --port 8443"})
final class SimulateCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "SYSTEM", description = "What to simulate: cado-response.")
    String system;

    @Option(names = "--port", defaultValue = "0", paramLabel = "PORT", description = "The port (default: any free port).")
    int port;

    @Option(names = "--token-env", defaultValue = "CADO_ACCESS_TOKEN", paramLabel = "NAME",
            description = "The environment variable holding the access token to accept (default CADO_ACCESS_TOKEN).")
    String tokenEnv;

    @Option(names = "--log", paramLabel = "FILE", description = "Append each request the simulator answers to FILE, "
            + "one line each (method, path, status), e.g. to count the POSTs of a run.")
    java.nio.file.Path log;

    @Option(names = "--fault-500", defaultValue = "0", paramLabel = "RATE", description = "Answer this fraction of "
            + "requests with a 500 after processing them (the effect happened; the answer says it failed).")
    double fault500;

    @Option(names = "--fault-503", defaultValue = "0", paramLabel = "RATE", description = "Answer this fraction of "
            + "requests with a 503 before processing them.")
    double fault503;

    @Option(names = "--fault-drop", defaultValue = "0", paramLabel = "RATE", description = "Close the connection "
            + "without an answer for this fraction of requests, after processing them.")
    double faultDrop;

    @Option(names = "--fault-429", defaultValue = "0", paramLabel = "RATE", description = "Start a burst of 429s "
            + "(with Retry-After) at this fraction of requests.")
    double fault429;

    @Option(names = "--burst-429", defaultValue = "0", paramLabel = "MS", description = "How long a burst of 429s "
            + "lasts (default: a single 429).")
    long burst429;

    @Option(names = "--latency", defaultValue = "0", paramLabel = "MS", description = "Delay every answer.")
    long latency;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "The seed of the fault random.")
    long seed;

    @Override
    public Integer call() throws InterruptedException {
        if (!system.equals("cado-response")) {
            throw new UsageException("can simulate only cado-response, not '" + system + "'");
        }
        String token = System.getenv(tokenEnv);
        if (token == null || token.isBlank()) {
            throw new UsageException("set the access token the simulator should accept in $" + tokenEnv
                    + " (tokens are never given on the command line)");
        }
        PrintWriter err = main.spec.commandLine().getErr();
        CountDownLatch stop = new CountDownLatch(1);
        try (CadoSimulator sim = CadoSimulator.start(SimulatorOptions.defaults(token).withPort(port)
                .withFaults(new SimulatorOptions.Faults(fault503, fault429, faultDrop, latency, seed, false, fault500,
                        burst429)))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            err.println("Cado Response simulator listening at " + sim.baseUrl());
            err.println("accepting the token in $" + tokenEnv + "; " + sim.describe());
            err.println("use base_url: " + sim.baseUrl() + " and access_token: ${env:" + tokenEnv + "} in an assets "
                    + "file; Ctrl-C stops it");
            err.flush();
            if (log == null) {
                stop.await();
            } else {
                int written = 0;
                while (!stop.await(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    written = appendLog(sim, written);
                }
                appendLog(sim, written);
            }
        }
        return ExitCodes.OK;
    }

    /** Appends the requests not yet written to the log; returns how many are written now. */
    private int appendLog(CadoSimulator sim, int written) {
        java.util.List<String> all = sim.requests();
        if (all.size() == written) {
            return written;
        }
        try {
            java.nio.file.Files.write(log, all.subList(written, all.size()), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new UsageException("cannot write the log " + log + ": " + e.getMessage());
        }
        return all.size();
    }
}
