package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code wisp run} prints about secrets that are written wrongly: never the secret. */
class RunSecretsTest {
    private static final String TOKEN = "fake9f8e7d6c5b4a3928-test-token";

    @Test
    void aTokenWrittenInsideAReferenceIsNotEchoedEvenWithVerbose(@TempDir Path dir) throws IOException {
        for (String ref : new String[] {"${env:" + TOKEN + "}", "${file:" + TOKEN + "}", "${file:\\0" + TOKEN + "}"}) {
            Path assets = dir.resolve("assets.yaml");
            Files.writeString(assets, "assets:\n  cado:\n    app: cado_response\n    config:\n"
                    + "      base_url: https://cado.example.com/api/v2\n      access_token: \"" + ref + "\"\n");
            CliRun r = CliRun.of("--verbose", "run", "../playbooks/capture_s3_bucket.yaml", "--assets",
                    assets.toString(), "--input", "bucket=b", "--runs-dir", dir.resolve("runs").toString());
            assertEquals(ExitCodes.USAGE, r.exit(), r.err());
            assertFalse(r.err().contains(TOKEN.substring(0, 10)), r.err());
            assertFalse(r.err().contains("internal error"), r.err());
            assertTrue(r.err().contains(assets + ":6:22: access_token of asset 'cado' refers to"), r.err());
        }
    }
}
