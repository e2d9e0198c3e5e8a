package dev.wisp.cli;

import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's bash (and zsh, through bashcompinit) completion script, plus run ids for the commands that take a
 * {@code RUN_ID}: picocli completes only fixed candidates, and run ids are whatever is in .wisp/runs now.
 */
final class BashCompletion {
    static final String RUN_IDS = "$(command ls -1t .wisp/runs 2>/dev/null)";

    private BashCompletion() {
    }

    static String script(CommandLine root) {
        String script = AutoComplete.bash("wisp", root);
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            if (takesRunId(sub.getValue())) {
                script = withRunIds(script, "_picocli_wisp_" + sub.getKey());
            }
        }
        return script;
    }

    private static boolean takesRunId(CommandLine cmd) {
        return cmd.getCommandSpec().positionalParameters().stream().map(PositionalParamSpec::paramLabel)
                .anyMatch("RUN_ID"::equals);
    }

    /** Fills the function's positional candidates with the run ids. */
    private static String withRunIds(String script, String function) {
        int start = script.indexOf("function " + function + "() {");
        String empty = "local positionals=\"\"";
        int at = start < 0 ? -1 : script.indexOf(empty, start);
        int end = start < 0 ? -1 : script.indexOf("\n}\n", start);
        if (at < 0 || at > end) {
            throw new IllegalStateException("picocli's bash script has changed: no positionals in " + function);
        }
        return script.substring(0, at) + "local positionals=\"" + RUN_IDS + "\"" + script.substring(at + empty.length());
    }
}
