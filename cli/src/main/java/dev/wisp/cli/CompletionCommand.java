package dev.wisp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wisp completion bash|zsh|fish}: a shell completion script for wisp. */
@Command(name = "completion", addMethodSubcommands = false,
        description = "Print a shell completion script (bash, zsh or fish).",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  source <(wisp completion bash)            # in ~/.bashrc",
            "  source <(wisp completion zsh)             # in ~/.zshrc",
            "  wisp completion fish > ~/.config/fish/completions/wisp.fish"})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh, fish }

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
    Shell shell;

    @Override
    public Integer call() {
        var root = main.spec.commandLine();
        String script = switch (shell) {
            case bash, zsh -> BashCompletion.script(root);
            case fish -> FishCompletion.script(root);
        };
        root.getOut().print(script);
        root.getOut().flush();
        return ExitCodes.OK;
    }
}
