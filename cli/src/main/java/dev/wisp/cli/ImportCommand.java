package dev.wisp.cli;

import picocli.CommandLine.Command;

/** {@code wisp import}: brings playbooks and app definitions from other tools into Wisp. */
@Command(name = "import", addMethodSubcommands = false,
        description = "Import Splunk SOAR playbook exports and app definitions.",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  wisp import soar-app soar-apps/*.json -o apps/",
            "  wisp import soar exports/*.json -o playbooks/ --report import.json"},
        subcommands = {ImportSoarCommand.class, ImportSoarAppCommand.class})
final class ImportCommand {
    @picocli.CommandLine.ParentCommand
    Main main;
}
