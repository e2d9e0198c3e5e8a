package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wisp completion: bash is run for real against a runs directory; fish is checked line by line. */
class CompletionCommandTest {
    @TempDir
    Path dir;

    /** What bash completes for {@code words} (the last one being completed), in {@code dir}. */
    private List<String> complete(Path script, String... words) throws IOException, InterruptedException {
        String line = String.join(" ", words);
        String array = String.join(" ", java.util.Arrays.stream(words).map(w -> "'" + w + "'").toList());
        Process p = new ProcessBuilder("bash", "-c", "source " + script + " 2>/dev/null; COMP_WORDS=(" + array
                + "); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + line + "'; _complete_wisp 2>/dev/null; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"").directory(dir.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bash finished");
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank()).toList();
    }

    @Test
    void bashCompletesCommandsOptionsValuesAndRunIds() throws IOException, InterruptedException {
        CliRun r = CliRun.of("completion", "bash");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        Path script = dir.resolve("wisp.bash");
        Files.writeString(script, r.out());
        Files.createDirectories(dir.resolve(".wisp/runs/20261201-100000-aaaaaa"));
        Files.createDirectories(dir.resolve(".wisp/runs/20261201-110000-bbbbbb"));

        assertEquals(List.of("run", "runs"), complete(script, "wisp", "ru"));
        assertEquals(List.of("init"), complete(script, "wisp", "in"));
        assertEquals(List.of("--status"), complete(script, "wisp", "runs", "--st"));
        assertEquals(List.of("success", "suspended"), complete(script, "wisp", "runs", "--status", "su").stream()
                .sorted().toList());
        assertEquals(List.of("20261201-100000-aaaaaa", "20261201-110000-bbbbbb"),
                complete(script, "wisp", "show", "2026").stream().sorted().toList());
        assertEquals(List.of("20261201-110000-bbbbbb"), complete(script, "wisp", "resume", "20261201-11"));
        assertEquals(List.of("zsh"), complete(script, "wisp", "completion", "z"));
        assertTrue(r.out().contains("bashcompinit"), "zsh uses the same script through bashcompinit");
        assertEquals(r.out(), CliRun.of("completion", "zsh").out());
    }

    @Test
    void fishCompletesCommandsOptionsEnumValuesFilesAndRunIds() {
        CliRun r = CliRun.of("completion", "fish");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("complete -c wisp -n '__fish_use_subcommand' -a runs -d 'List the recorded runs, "
                + "newest first, or prune old ones.'"), r.out());
        assertTrue(lines.contains("complete -c wisp -n '__fish_seen_subcommand_from show' -x -a '(__wisp_run_ids)'"),
                r.out());
        assertTrue(lines.contains("complete -c wisp -n '__fish_seen_subcommand_from validate' -l format -l output "
                + "-x -a 'text json sarif github' -d 'text (default, on stderr), json (see docs/cli.md), sarif or "
                + "github'"), r.out());
        assertTrue(lines.contains("complete -c wisp -n '__fish_seen_subcommand_from run' -r -F"), r.out());
        assertTrue(lines.contains("complete -c wisp -n '__fish_seen_subcommand_from asset; and not "
                + "__fish_seen_subcommand_from test help' -a test -d 'Check that an asset is reachable and its "
                + "credentials are accepted.'"), r.out());
        assertTrue(lines.contains("complete -c wisp -n '__fish_seen_subcommand_from test; and not "
                + "__fish_seen_subcommand_from asset' -l junit -r -F -d 'Also write JUnit XML here'"), r.out());
        assertTrue(lines.stream().noneMatch(l -> l.contains("'null") || l.contains("%n")), r.out());
    }

    @Test
    void anUnknownShellIsAUsageError() {
        CliRun r = CliRun.of("completion", "tcsh");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("expected one of [bash, zsh, fish]"), r.err());
    }
}
