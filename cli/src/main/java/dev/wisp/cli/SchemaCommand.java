package dev.wisp.cli;

import dev.wisp.dsl.schema.SchemaCheck;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code wisp schema}: prints the playbook JSON Schema, for editors and other tools. */
@Command(name = "schema", addMethodSubcommands = false, description = "Print the playbook JSON Schema (2020-12).",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  wisp schema > schema/playbook.schema.json"})
final class SchemaCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        main.spec.commandLine().getOut().print(SchemaCheck.text());
        main.spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
