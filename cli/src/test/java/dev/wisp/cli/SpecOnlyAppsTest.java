package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apps known only from their spec files: validate and test use them like installed apps, run refuses before
 * anything starts, actions marks them; specs are found in apps/ beside the playbook, in the project root and with
 * --app-spec.
 */
class SpecOnlyAppsTest {
    static final String SSH = """
            app: ssh
            name: SSH
            version: 2.4.10
            configuration:
              username: { type: string, required: true }
              password: { type: password, required: true }
            actions:
              execute program:
                type: generic
                open_outputs: true
                parameters:
                  ip_hostname: { type: string, required: true, contains: [ip, host name] }
                  command: { type: string, required: true }
                outputs:
                  - { data_path: action_result.data.*.output, type: string }
                  - { data_path: action_result.summary.exit_status, type: numeric }
            """;
    static final String PLAYBOOK = """
            playbook: uptime
            assets: { box: { app: ssh } }
            blocks:
              run_uptime:
                action: execute program
                asset: box
                parameters: { ip_hostname: 10.0.0.5, command: uptime }
              show:
                format: "{0} ({1})"
                parameters: [run_uptime:action_result.data.*.output, run_uptime:action_result.data.*.load]
            edges: [start -> run_uptime, run_uptime -> show, show -> end]
            """;

    @TempDir
    Path dir;
    private Path playbook;

    @BeforeEach
    void write() throws IOException {
        Files.createDirectories(dir.resolve("playbooks/apps"));
        Files.writeString(dir.resolve("playbooks/apps/ssh.yaml"), SSH);
        playbook = dir.resolve("playbooks/uptime.yaml");
        Files.writeString(playbook, PLAYBOOK);
    }

    @Test
    void runOfASpecOnlyActionIsRefusedBeforeItStartsAndRecordsNothing() {
        Path runs = dir.resolve("runs");
        CliRun r = CliRun.of("run", playbook.toString(), "--runs-dir", runs.toString());
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("error[WSP079]: block 'run_uptime' uses action 'execute program' of app 'ssh', "
                + "which has no implementation installed"), r.err());
        assertTrue(r.err().contains("uses actions of apps that have no implementation installed; nothing was run"),
                r.err());
        assertFalse(Files.exists(runs), "nothing is written to the run store");
    }

    @Test
    void runIsRefusedWhenASubPlaybookUsesASpecOnlyApp() throws IOException {
        Path parent = dir.resolve("playbooks/parent.yaml");
        Files.writeString(parent, """
                playbook: parent
                blocks:
                  check:
                    playbook: uptime.yaml
                edges: [start -> check, check -> end]
                """);
        Path runs = dir.resolve("runs");
        CliRun r = CliRun.of("run", parent.toString(), "--runs-dir", runs.toString());
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("uptime.yaml:5:13: error[WSP079]: block 'run_uptime'"), r.err());
        assertFalse(Files.exists(runs), "nothing is written to the run store");
    }

    @Test
    void validateChecksAgainstTheSpecAndWarnsOnUndeclaredOpenOutputs() {
        CliRun r = CliRun.of("validate", playbook.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("warning[WSP078]: action 'execute program' (block 'run_uptime') has open outputs "
                + "and does not declare action_result.data.*.load"), r.err());
        assertTrue(r.err().contains("1 playbook, all valid: 0 errors, 1 warning (1 app spec read)"), r.err());
    }

    @Test
    void validateFailsOnAMisspeltParameterOfASpecOnlyApp() throws IOException {
        Files.writeString(playbook, PLAYBOOK.replace("ip_hostname: 10", "ip_hostnme: 10"));
        CliRun r = CliRun.of("validate", playbook.toString());
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("error[WSP033]: action 'execute program' has no parameter 'ip_hostnme'; did you "
                + "mean 'ip_hostname'?"), r.err());
    }

    @Test
    void withoutTheSpecTheAppIsUnknown() throws IOException {
        Files.delete(dir.resolve("playbooks/apps/ssh.yaml"));
        CliRun r = CliRun.of("validate", playbook.toString());
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("error[WSP031]"), r.err());
    }

    @Test
    void aSpecInAnotherFolderIsFoundWithAppSpecOrInTheProjectRoot() throws IOException {
        Files.move(dir.resolve("playbooks/apps"), dir.resolve("specs"));
        assertEquals(0, CliRun.of("validate", playbook.toString(), "--app-spec", dir.resolve("specs").toString())
                .exit());
        Files.move(dir.resolve("specs"), dir.resolve("apps"));
        assertEquals(3, CliRun.of("validate", playbook.toString()).exit(), "no project root yet");
        Files.writeString(dir.resolve("wisp-project.yaml"), "{}\n");
        CliRun r = CliRun.of("validate", playbook.toString());
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void aBrokenSpecIsReportedWhereItIsWrong() throws IOException {
        Files.writeString(dir.resolve("playbooks/apps/ssh.yaml"), SSH.replace("contains: [ip", "contians: [ip"));
        CliRun r = CliRun.of("validate", playbook.toString());
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("ssh.yaml:12:52: error[WSP074]: unknown key 'contians' in parameter "
                + "'ip_hostname' of action 'execute program'; did you mean 'contains'?"), r.err());
        assertTrue(r.err().contains("1 playbook, 1 invalid: 2 errors, 0 warnings (1 app spec read, 1 invalid)"),
                r.err());
    }

    @Test
    void anInstalledAppWinsOverASpecOfTheSameIdWithAWarning() throws IOException {
        Files.writeString(dir.resolve("playbooks/apps/core.yaml"), """
                app: core
                version: "0.0"
                actions: {}
                """);
        CliRun r = CliRun.of("validate", playbook.toString());
        assertTrue(r.err().contains("warning[WSP077]: an installed plugin provides app 'core': its implementation "
                + "and its own spec win, and this file is ignored"), r.err());
    }

    @Test
    void testMocksASpecOnlyAppIncludingItsUndeclaredOpenData() throws IOException {
        Files.writeString(dir.resolve("playbooks/uptime.test.yaml"), """
                playbook: uptime.yaml
                tests:
                  formats the output:
                    mocks:
                      run_uptime: { data: [{ output: " 10:00 up 3 days", load: "0.1" }] }
                    expect:
                      status: success
                      values:
                        "show:formatted_data": [" 10:00 up 3 days (0.1)"]
                """);
        CliRun r = CliRun.of("test", dir.resolve("playbooks").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("1 passed, 0 failed"), r.err());
    }

    @Test
    void actionsListsSpecOnlyAppsMarked() {
        CliRun r = CliRun.of("actions", "--app-spec", dir.resolve("playbooks/apps").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("ssh ") && l.contains("[spec only: ")
                && l.endsWith("; no implementation installed]")), r.out());
        CliRun one = CliRun.of("actions", "ssh", "--app-spec", dir.resolve("playbooks/apps").toString());
        assertTrue(one.out().startsWith("(spec only: "), one.out());
        assertTrue(one.out().contains("open outputs: execute program"), one.out());
    }
}
