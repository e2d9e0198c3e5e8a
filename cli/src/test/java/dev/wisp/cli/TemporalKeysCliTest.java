package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payload keys on the command line: a key file with a mistake is a located usage error that shows no key, a good
 * one lets the command go on to the cluster, and the option goes with --temporal.
 */
class TemporalKeysCliTest {
    static final String SECRET = "fake-pw-cli-5b7e";

    @Test
    void aKeyFileWithAMistakeIsALocatedUsageErrorThatShowsNoKey(@TempDir Path dir) throws IOException {
        Path pb = Files.writeString(dir.resolve("pw.yaml"), """
                playbook: pw
                inputs: { word: { type: string } }
                blocks:
                  use: { action: set value, app: core, parameters: { value: playbook_input:word } }
                edges: [start -> use, use -> end]
                """);
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        Path bad = Files.writeString(dir.resolve("bad.keys"), "# the keys\nk1 " + key + "\n");
        CliRun located = CliRun.of("run", pb.toString(), "--temporal", "127.0.0.1:1", "--temporal-key-file",
                bad.toString(), "--input", "word=" + SECRET);
        assertEquals(ExitCodes.USAGE, located.exit(), located.err());
        assertTrue(located.err().contains(bad + ":2: a key is NAME:BASE64"), located.err());
        assertFalse(located.err().contains(key), "no key shown");

        Path good = Files.writeString(dir.resolve("good.keys"), "k1:" + key + "\n");
        CliRun allowed = CliRun.of("run", pb.toString(), "--temporal", "127.0.0.1:1", "--temporal-key-file",
                good.toString(), "--input", "word=" + SECRET);
        assertTrue(allowed.err().contains("the Temporal service at 127.0.0.1:1 cannot be reached"), allowed.err());
        assertFalse((allowed.err() + allowed.out()).contains(SECRET), "the secret is never shown");

        CliRun alone = CliRun.of("run", pb.toString(), "--temporal-key-file", good.toString(), "--input", "word=w");
        assertEquals(ExitCodes.USAGE, alone.exit(), alone.err());
        assertTrue(alone.err().contains("--temporal-key-file and the --tls options go with --temporal"), alone.err());
    }
}
