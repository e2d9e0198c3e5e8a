package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.code.CodeSettings;
import dev.wisp.engine.code.Python;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Code blocks on the command line: validated with Python's own compiler, refused unless allowed, masked. */
class CodeBlocksCliTest {
    private static final String TOKEN = "fake0c0de1b2a3-test-token-4d5e6f";
    private static final String PLAYBOOK = """
            playbook: shout
            inputs: { word: { type: string, default: hello } }
            outputs: { loud: { value: shout:custom_function:loud } }
            blocks:
              shout:
                code: |
                  print("shouting", inputs["word"][0])
                  outputs["loud"] = inputs["word"][0].upper()
                inputs: { word: playbook_input:word }
                outputs: { loud: { type: string } }
            edges: [start -> shout, shout -> end]
            """;

    @BeforeEach
    void needsPython() {
        Assumptions.assumeTrue(Python.find(CodeSettings.DEFAULT_PYTHON, System.getenv()).isPresent(),
                "python3 is not on the PATH: code block CLI tests skipped (CI has it)");
    }

    @Test
    void validateLocatesPythonSyntaxErrorsInThePlaybookOrTheFileAndNamesThePlaybooksWithCode() {
        CliRun r = CliRun.of("validate", "src/test/resources/code");
        assertEquals(ExitCodes.INVALID, r.exit(), r.err());
        // Python's wording and column for a syntax error change between versions; the line, the file and the
        // block are Wisp's and stay exact
        Goldens.assertMatches("code-validate.txt", r.err().replaceAll(
                "(?m)^([^:\\n]+:\\d+):\\d+: (error\\[WSP071\\]: .*line \\d+\\)): .*$", "$1:COLUMN: $2: MESSAGE"));
    }

    @Test
    void runRefusesCodeBeforeItStartsUnlessTheRunOrTheProjectAllowsIt(@TempDir Path dir) throws IOException {
        Path pb = Files.writeString(dir.resolve("shout.yaml"), PLAYBOOK);
        String runs = dir.resolve("runs").toString();
        CliRun refused = CliRun.of("run", pb.toString(), "--runs-dir", runs);
        assertEquals(ExitCodes.USAGE, refused.exit(), refused.err());
        assertTrue(refused.err().contains("this run has code blocks: " + pb + " (shout): running Python from a "
                + "playbook needs --allow-code, or 'code: {allow: true}' in wisp-project.yaml beside the playbook; "
                + "nothing was run"), refused.err());
        assertFalse(Files.exists(dir.resolve("runs")), "nothing was recorded");

        CliRun allowed = CliRun.of("run", pb.toString(), "--allow-code", "--runs-dir", runs, "--output", "json",
                "--input", "word=psst");
        assertEquals(ExitCodes.OK, allowed.exit(), allowed.err());
        assertTrue(allowed.out().contains("\"loud\" : \"PSST\"") || allowed.out().contains("\"loud\":\"PSST\""),
                allowed.out());

        Files.writeString(dir.resolve("wisp-project.yaml"), "code:\n  allow: true\n");
        CliRun project = CliRun.of("run", pb.toString(), "--runs-dir", runs, "--quiet");
        assertEquals(ExitCodes.OK, project.exit(), project.err());
        try (Stream<Path> code = Files.list(dir.resolve("runs"))) {
            assertTrue(code.allMatch(run -> Files.isDirectory(run.resolve("code"))), "code ran in the run's folder");
        }
    }

    @Test
    void aRunOnTemporalNeedsTheSamePermissionBeforeItConnects(@TempDir Path dir) throws IOException {
        Path pb = Files.writeString(dir.resolve("shout.yaml"), PLAYBOOK);
        CliRun refused = CliRun.of("run", pb.toString(), "--temporal", "127.0.0.1:1");
        assertEquals(ExitCodes.USAGE, refused.exit(), refused.err());
        assertTrue(refused.err().contains("(shout): running Python from a playbook needs --allow-code"),
                refused.err());
        // allowed, it goes on to the cluster (none here): the Python runs on the workers, not in this process
        CliRun allowed = CliRun.of("run", pb.toString(), "--temporal", "127.0.0.1:1", "--allow-code");
        assertEquals(ExitCodes.USAGE, allowed.exit(), allowed.err());
        assertTrue(allowed.err().contains("the Temporal service at 127.0.0.1:1 cannot be reached"), allowed.err());
    }

    @Test
    void codeInASubPlaybookNeedsThePermissionOfTheRunAndRunsWithIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("shout.yaml"), PLAYBOOK);
        Path parent = Files.writeString(dir.resolve("parent.yaml"), """
                playbook: parent
                outputs: { loud: { value: sub:playbook_output:loud } }
                blocks:
                  sub: { playbook: shout.yaml, inputs: { word: quiet } }
                edges: [start -> sub, sub -> end]
                """);
        String runs = dir.resolve("runs").toString();
        CliRun refused = CliRun.of("run", parent.toString(), "--runs-dir", runs);
        assertEquals(ExitCodes.USAGE, refused.exit(), refused.err());
        assertTrue(refused.err().contains("shout.yaml (shout): running Python from a playbook needs --allow-code"),
                refused.err());
        CliRun allowed = CliRun.of("run", parent.toString(), "--allow-code", "--runs-dir", runs, "--output", "json");
        assertEquals(ExitCodes.OK, allowed.exit(), allowed.err());
        assertTrue(allowed.out().contains("QUIET"), allowed.out());
    }

    @Test
    void aMissingInterpreterIsAClearErrorBeforeTheRunStarts(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(System.getenv("WISP_PYTHON") == null, "WISP_PYTHON is set: it overrides the project");
        Path pb = Files.writeString(dir.resolve("shout.yaml"), PLAYBOOK);
        Files.writeString(dir.resolve("wisp-project.yaml"), "code:\n  allow: true\n  python: /no/such/python3\n");
        CliRun r = CliRun.of("run", pb.toString(), "--runs-dir", dir.resolve("runs").toString());
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("this run has code blocks: " + pb + " (shout): code blocks need Python 3, but "
                + "'/no/such/python3' was not found; install it, or name the interpreter with WISP_PYTHON or "
                + "'code: {python: PATH}' in wisp-project.yaml; nothing was run"), r.err());
        assertFalse(Files.exists(dir.resolve("runs")), "nothing was recorded");
    }

    @Test
    void aProjectFileWithMistakesIsALocatedUsageError(@TempDir Path dir) throws IOException {
        Path pb = Files.writeString(dir.resolve("shout.yaml"), PLAYBOOK);
        Path project = Files.writeString(dir.resolve("wisp-project.yaml"), "code:\n  alow: true\n  python: 3\n");
        CliRun r = CliRun.of("run", pb.toString(), "--runs-dir", dir.resolve("runs").toString());
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains(project + ":2:3: unknown key 'alow' in wisp-project.yaml under code; allowed "
                + "keys are allow, python"), r.err());
        assertTrue(r.err().contains(project + ":3:11: 'python' is the interpreter's name or path"), r.err());
    }

    @Test
    void whatCodePrintsGoesToTheJournalMaskedLikeEverythingElse(@TempDir Path dir) throws IOException {
        Path pb = Files.writeString(dir.resolve("leak.yaml"), """
                playbook: leak
                assets:
                  cado: { app: cado_response }
                blocks:
                  leak:
                    code: |
                      import sys
                      print("token is %s")
                      print("again %s", file=sys.stderr)
                edges: [start -> leak, leak -> end]
                """.formatted(TOKEN, TOKEN));
        Path token = Files.writeString(dir.resolve("token.txt"), TOKEN);
        Path assets = Files.writeString(dir.resolve("assets.yaml"), "assets:\n  cado:\n    app: cado_response\n"
                + "    config:\n      base_url: https://cado.example.com/api/v2\n      access_token: \"${file:"
                + token + "}\"\n");
        CliRun r = CliRun.of("run", pb.toString(), "--allow-code", "--assets", assets.toString(), "--runs-dir",
                dir.resolve("runs").toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        Path run;
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
        String journal = Files.readString(run.resolve("journal.jsonl"));
        assertTrue(journal.contains("stdout: token is ") && journal.contains("stderr: again "), journal);
        assertFalse(journal.contains(TOKEN), journal);
    }

    @Test
    void wispTestRunsCodeOnlyWhereAllowedAndAMockedCodeBlockNeedsNoPermission(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("shout.yaml"), PLAYBOOK);
        Path test = Files.writeString(dir.resolve("shout.test.yaml"), """
                playbook: shout.yaml
                tests:
                  runs the code:
                    expect: { status: success, values: { "shout:custom_function:loud": [HELLO] } }
                  mocks the code:
                    mocks: { shout: { data: { loud: MOCKED } } }
                    expect: { status: success, values: { "shout:custom_function:loud": [MOCKED] } }
                """);
        CliRun off = CliRun.of("test", test.toString());
        assertEquals(ExitCodes.FAILED, off.exit(), off.err());
        assertTrue(off.err().contains("code blocks are off: running Python from a playbook needs --allow-code"),
                off.err());
        assertTrue(off.err().contains("1 passed, 1 failed"), off.err());
        CliRun on = CliRun.of("test", "--allow-code", test.toString());
        assertEquals(ExitCodes.OK, on.exit(), on.err());
        assertTrue(on.err().contains("2 passed, 0 failed"), on.err());
    }
}
