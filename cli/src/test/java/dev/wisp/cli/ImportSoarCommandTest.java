package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.wisp.engine.code.CodeSettings;
import dev.wisp.engine.code.Python;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wisp import soar}: files written, the loss report in every format, exit codes, bad input. */
class ImportSoarCommandTest {
    private static final String FIXTURES = "../importer/src/test/resources/soar/";

    private static String normalized(String text, Path out) {
        return text.replace(out.toString(), "OUT");
    }

    @Test
    void aLosslessExportIsWrittenAndValidates(@TempDir Path out) {
        CliRun r = CliRun.of("import", "soar", FIXTURES + "clean.json", "-o", out.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        Path yaml = out.resolve("clean.yaml");
        assertTrue(Files.exists(yaml));
        CliRun v = CliRun.of("validate", yaml.toString());
        assertEquals(ExitCodes.OK, v.exit(), v.err());
    }

    @Test
    void aPlaybookThatIsAlreadyThereIsKeptUnlessForced(@TempDir Path out) throws IOException {
        Path yaml = out.resolve("clean.yaml");
        Files.writeString(yaml, "# edited by hand\n");
        CliRun r = CliRun.of("import", "soar", FIXTURES + "clean.json", "-o", out.toString());
        assertEquals(ExitCodes.INVALID, r.exit(), r.err());
        assertTrue(r.err().contains("error[WSP100]") && r.err().contains("--force"), r.err());
        assertEquals("# edited by hand\n", Files.readString(yaml), "the edited file is kept");
        CliRun forced = CliRun.of("import", "soar", FIXTURES + "clean.json", "-o", out.toString(), "--force");
        assertEquals(ExitCodes.OK, forced.exit(), forced.err());
        assertTrue(Files.readString(yaml).contains("playbook: "), "replaced with --force");
    }

    @Test
    void lossesArePrintedLocatedInTheJsonAndWrittenWithAllowLosses(@TempDir Path out) throws IOException {
        CliRun r = CliRun.of("import", "soar", FIXTURES + "lock_user.json", FIXTURES + "with_code.json", "-o",
                out.toString(), "--allow-losses");
        assertEquals(ExitCodes.LOSSY, r.exit(), r.err());
        Goldens.assertMatches("import-soar.txt", normalized(r.err(), out));
        Goldens.assertMatches("import-soar-with_code.yaml", Files.readString(out.resolve("with_code.yaml")));
        Goldens.assertMatches("import-soar-lock_user.yaml", Files.readString(out.resolve("lock_user.yaml")));
    }

    @Test
    void errorLevelLossesAreNotWrittenWithoutAllowLosses(@TempDir Path out) {
        CliRun r = CliRun.of("import", "soar", FIXTURES + "with_code.json", FIXTURES + "clean.json", "-o",
                out.toString());
        assertEquals(ExitCodes.INVALID, r.exit(), r.err());
        assertFalse(Files.exists(out.resolve("with_code.yaml")));
        assertTrue(Files.exists(out.resolve("clean.yaml")), "the other export is still written");
        assertTrue(r.err().contains("not written: " + FIXTURES + "with_code.json"), r.err());
    }

    @Test
    void theReportFileListsEveryLossWithNodeBlockKindAndSeverity(@TempDir Path out) throws IOException {
        Path report = out.resolve("report.json");
        CliRun r = CliRun.of("import", "soar", FIXTURES + "with_code.json", "-o", out.toString(), "--allow-losses",
                "--report", report.toString());
        assertEquals(ExitCodes.LOSSY, r.exit(), r.err());
        JsonNode export = new ObjectMapper().readTree(report.toFile()).path("exports").path(0);
        assertEquals("with_code", export.path("playbook").asText());
        assertTrue(export.path("written").asBoolean());
        JsonNode mc = null;
        for (JsonNode l : export.path("losses")) {
            if (l.path("code").asText().equals("WSP105")) {
                mc = l;
            }
        }
        assertTrue(mc != null, export.toString());
        assertEquals("7", mc.path("node").asText());
        assertEquals("mc", mc.path("block").asText());
        assertEquals("soar-mission-control", mc.path("kind").asText());
        assertEquals("error", mc.path("severity").asText());
        assertTrue(mc.path("line").asInt() > 0);
    }

    @Test
    void sarifAndGithubFormatsCarryInfosAsNotesAndNotices(@TempDir Path out) throws IOException {
        CliRun sarif = CliRun.of("import", "soar", FIXTURES + "lock_user.json", "-o", out.toString(),
                "--allow-losses", "--format", "sarif");
        JsonNode results = new ObjectMapper().readTree(sarif.out()).path("runs").path(0).path("results");
        assertTrue(results.toString().contains("\"level\":\"note\""), results.toString());
        CliRun github = CliRun.of("import", "soar", FIXTURES + "lock_user.json", "-o", out.toString(),
                "--allow-losses", "--format", "github");
        assertTrue(github.out().contains("::notice file="), github.out());
        assertTrue(github.out().contains("::error file="), github.out());
    }

    @Test
    void badInputIsALocatedErrorNeverAStackTrace(@TempDir Path out) throws IOException {
        Path broken = out.resolve("broken.json");
        Files.writeString(broken, "{\"coa\": {\"schema\": \"5.0.3\",\n \"data\": {\"nodes\": [}}}");
        Path binary = out.resolve("binary.json");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        CliRun r = CliRun.of("import", "soar", FIXTURES + "classic.json", FIXTURES + "not_export.json",
                broken.toString(), binary.toString(), "-o", out.toString());
        assertEquals(ExitCodes.INVALID, r.exit(), r.err());
        assertTrue(r.err().contains("classic.json:1:10: error[WSP102]: classic playbook"), r.err());
        assertTrue(r.err().contains("not_export.json:1:1: error[WSP101]"), r.err());
        assertTrue(r.err().contains("broken.json:2:21: error[WSP100]: malformed JSON: Unexpected close marker '}': expected ']'\n"), r.err());
        assertTrue(r.err().contains("binary.json: error[WSP100]"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aMissingExportIsAUsageError(@TempDir Path out) {
        CliRun r = CliRun.of("import", "soar", out.resolve("nope.json").toString(), "-o", out.toString());
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("no such export"), r.err());
    }

    @Test
    void aCarriedOverCodeBlockRunsUnderWispsPhantom(@TempDir Path out) throws IOException {
        Assumptions.assumeTrue(Python.find(CodeSettings.DEFAULT_PYTHON, System.getenv()).isPresent(),
                "python3 is not on the PATH: skipped (CI has it)");
        CliRun r = CliRun.of("import", "soar", FIXTURES + "count_only.json", "-o", out.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        Path event = Files.writeString(out.resolve("event.json"), "{\"container\": {\"id\": 1}, \"artifacts\": ["
                + "{\"cef\": {\"sourceAddress\": \"10.0.0.1\"}}, {\"cef\": {\"sourceAddress\": \"10.0.0.2\"}}]}");
        CliRun run = CliRun.of("run", out.resolve("count_only.yaml").toString(), "--event", event.toString(),
                "--allow-code", "--output", "json", "--runs-dir", out.resolve("runs").toString());
        assertEquals(ExitCodes.OK, run.exit(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals(2, report.path("outputs").path("n").asInt(), run.out());
    }
}
