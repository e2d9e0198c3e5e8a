package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run is resumed only under the playbook it was started with, unless --force. */
class ResumeChangedPlaybookTest {
    @Test
    void aChangedPlaybookIsRefusedShowingWhatChanged(@TempDir Path dir) throws IOException {
        Path playbook = dir.resolve("ask.yaml");
        Files.writeString(playbook, """
                playbook: ask
                blocks:
                  q: { prompt: Go on, responses: [{ prompt: Go, type: yes/no }] }
                  done: { action: set value, app: core, parameters: { value: q:action_result.summary.responses.0 } }
                edges: [start -> q, q -> done, done -> end]
                """);
        String runs = "--runs-dir=" + dir.resolve("runs");
        CliRun started = CliRun.of("run", playbook.toString(), runs);
        assertEquals(ExitCodes.SUSPENDED, started.exit(), started.err());
        String id = Files.list(dir.resolve("runs")).findFirst().orElseThrow().getFileName().toString();
        Files.writeString(playbook, Files.readString(playbook)
                .replace("{ value: q:action_result.summary.responses.0 }", "{ value: changed }")
                .replace("Go on", "Go on now"));
        CliRun refused = CliRun.of("resume", id, "--answer", "q=yes", runs);
        assertEquals(ExitCodes.USAGE, refused.exit(), refused.err());
        assertTrue(refused.err().contains("was started with another version of") && refused.err().contains(
                "block q changed") && refused.err().contains("block done changed"), refused.err());
        CliRun forced = CliRun.of("resume", id, "--answer", "q=yes", "--force", runs);
        assertEquals(ExitCodes.OK, forced.exit(), forced.err());
    }
}
