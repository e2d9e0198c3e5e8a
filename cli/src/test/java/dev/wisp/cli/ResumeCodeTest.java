package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.code.CodeSettings;
import dev.wisp.engine.code.Python;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suspended run with code blocks resumes with what its code saved, and only under the same code. */
class ResumeCodeTest {
    @Test
    void aResumeKeepsWhatCodeSavedAndRefusesACodeFileChangedSince(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Python.find(CodeSettings.DEFAULT_PYTHON, System.getenv()).isPresent(),
                "python3 is not on the PATH: the resume test of code blocks skipped");
        Path playbook = Files.writeString(dir.resolve("ask.yaml"), """
                playbook: ask
                outputs: { said: { value: after:custom_function:said } }
                blocks:
                  before:
                    code: |
                      import phantom.rules as phantom
                      phantom.save_run_data(key="note", value="saved before the prompt")
                  q: { prompt: Go on, responses: [{ prompt: Go, type: yes/no }] }
                  after:
                    code: { file: after.py }
                    outputs: { said: { type: string } }
                edges: [start -> before, before -> q, q -> after, after -> end]
                """);
        Path code = Files.writeString(dir.resolve("after.py"),
                "import phantom.rules as phantom\noutputs['said'] = phantom.get_run_data(key='note')\n");
        String runs = "--runs-dir=" + dir.resolve("runs");
        CliRun started = CliRun.of("run", playbook.toString(), "--allow-code", runs);
        assertEquals(ExitCodes.SUSPENDED, started.exit(), started.err());
        String id;
        try (Stream<Path> list = Files.list(dir.resolve("runs"))) {
            id = list.findFirst().orElseThrow().getFileName().toString();
        }
        Files.writeString(code, Files.readString(code) + "# changed\n");
        CliRun refused = CliRun.of("resume", id, "--allow-code", "--answer", "q=yes", runs);
        assertEquals(ExitCodes.USAGE, refused.exit(), refused.err());
        assertTrue(refused.err().contains("was started with other code in code file after.py of block after"),
                refused.err());
        CliRun resumed = CliRun.of("resume", id, "--allow-code", "--answer", "q=yes", "--force", runs);
        assertEquals(ExitCodes.OK, resumed.exit(), resumed.err());
        String report = Files.readString(dir.resolve("runs").resolve(id).resolve("report.json"));
        assertTrue(report.contains("saved before the prompt"), report);
    }
}
