package dev.wisp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wisp} command. */
@Command(name = "wisp", mixinStandardHelpOptions = true, version = "wisp 0.1.0",
        description = "Playbooks as code for security automation.")
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
