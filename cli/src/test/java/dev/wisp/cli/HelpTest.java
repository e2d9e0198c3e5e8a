package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command and subcommand answers -h, --help and wisp help CMD with usage, options and examples. */
class HelpTest {

    /** Every command path: [], [validate], ..., [asset], [asset, test]. */
    private static List<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        walk(Main.commandLine(new Main(), new String[0]), new ArrayList<>(), out);
        return out;
    }

    private static void walk(CommandLine cmd, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                path.add(name);
                walk(sub, path, out);
                path.remove(path.size() - 1);
            }
        });
    }

    private static CliRun with(List<String> path, String... more) {
        List<String> args = new ArrayList<>(path);
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        StringBuilder all = new StringBuilder();
        List<List<String>> commands = commands();
        assertTrue(commands.size() >= 14, commands.toString());
        for (List<String> path : commands) {
            String name = String.join(" ", path);
            for (String flag : new String[] {"-h", "--help"}) {
                CliRun r = with(path, flag);
                assertEquals(ExitCodes.OK, r.exit(), name + " " + flag + ": " + r.err());
                assertTrue(r.out().startsWith("Usage: wisp" + (path.isEmpty() ? "" : " " + name)), r.out());
                assertTrue(r.out().contains("-h, --help"), name + ": " + r.out());
                assertTrue(r.out().contains("\nExamples:\n  "), name + " has no examples: " + r.out());
                assertFalse(r.out().contains("null"), name + ": " + r.out());
                assertEquals("", r.err(), name);
            }
            all.append("$ wisp ").append(name).append(name.isEmpty() ? "" : " ").append("--help\n")
                    .append(with(path, "--help").out()).append('\n');
        }
        Goldens.assertMatches("help.txt", all.toString());
    }

    /** Main finds the named command by the names it lists; they must be the commands' own. */
    @Test
    void theListedCommandNamesAreTheCommandsOwn() {
        for (Main.Named command : Main.COMMANDS) {
            assertEquals(command.type().getAnnotation(picocli.CommandLine.Command.class).name(), command.name());
        }
    }

    @Test
    void helpCommandPrintsTheSameAsHelpOption() {
        for (List<String> path : commands()) {
            if (path.size() == 1) {
                CliRun r = CliRun.of("help", path.get(0));
                assertEquals(ExitCodes.OK, r.exit(), r.err());
                assertEquals(with(path, "--help").out(), r.out(), "wisp help " + path.get(0));
            }
        }
        CliRun nested = CliRun.of("asset", "help", "test");
        assertEquals(ExitCodes.OK, nested.exit(), nested.err());
        assertEquals(CliRun.of("asset", "test", "--help").out(), nested.out());
    }

    @Test
    void helpShowsSecretReferencesAsWritten() {
        CliRun r = CliRun.of("run", "--help");
        assertTrue(r.out().contains("${env:NAME}") && r.out().contains("${file:PATH}"), r.out());
        assertFalse(r.out().contains("null or null"), r.out());
    }

    @Test
    void versionNamesJavaAndTheInstalledApps() {
        CliRun r = CliRun.of("--version");
        assertEquals(ExitCodes.OK, r.exit());
        List<String> lines = r.out().lines().toList();
        assertEquals("wisp " + Main.VERSION + " (commit " + BuildInfo.CURRENT.commit() + ")", lines.get(0));
        assertTrue(BuildInfo.CURRENT.commit().matches("[0-9a-f]{12}(-dirty)?|unknown"), BuildInfo.CURRENT.commit());
        assertEquals("Java " + System.getProperty("java.version"), lines.get(1).substring(0, lines.get(1).indexOf(" (")));
        assertTrue(lines.contains("app cado_response 1.0.0") && lines.contains("app core 0.1.0"), r.out());
        assertEquals(r.out(), CliRun.of("show", "--version").out(), "--version is the same on subcommands");
    }

    @Test
    void anUnknownOptionIsAUsageErrorThatPointsAtHelp() {
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"runs", "--bogus"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));
        assertEquals(ExitCodes.USAGE, exit);
        assertTrue(err.toString().contains("Unknown option: '--bogus'"), err.toString());
    }
}
