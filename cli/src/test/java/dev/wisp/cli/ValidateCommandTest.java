package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import dev.wisp.cli.report.DiagnosticReport;
import dev.wisp.cli.validate.Validator;
import dev.wisp.dsl.AppCatalog;
import dev.wisp.dsl.source.DocumentCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final String BAD = "src/test/resources/validate/bad";
    private static final String OK = "src/test/resources/validate/ok";

    @Test
    void theExamplePlaybooksAreValid() {
        CliRun r = CliRun.of("validate", "../playbooks");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.err().endsWith("playbooks, all valid: 0 errors, 0 warnings\n"), r.err());
    }

    @Test
    void textReportsEveryProblemOfEveryFileAndExits3() {
        CliRun r = CliRun.of("validate", OK, BAD);
        assertEquals(ExitCodes.INVALID, r.exit());
        assertEquals("", r.out());
        Goldens.assertMatches("validate.txt", r.err());
    }

    @Test
    void jsonSarifAndGithubFormatsGoToStdout() {
        for (String format : new String[] {"json", "sarif", "github"}) {
            CliRun r = CliRun.of("validate", "--format", format, OK, BAD);
            assertEquals(ExitCodes.INVALID, r.exit(), format);
            // the golden holds VERSION where SARIF names Wisp's version, so a release does not change it
            Goldens.assertMatches("validate." + format, r.out().replace("\"version\" : \"" + Main.VERSION + "\"",
                    "\"version\" : \"VERSION\""));
        }
    }

    @Test
    void sarifConformsToTheSarif210Schema() throws IOException {
        CliRun r = CliRun.of("validate", "--format", "sarif", OK, BAD);
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        JsonNode sarif = new ObjectMapper().readTree(r.out());
        assertEquals(Set.of(), schema.validate(sarif));
        assertTrue(sarif.at("/runs/0/results").size() >= 4);
    }

    @Test
    void theSeedTutorialMistakeIsFlaggedAtItsLine() {
        CliRun r = CliRun.of("validate", BAD + "/mistakes.yaml");
        assertTrue(r.err().contains("mistakes.yaml:19:20: error[WSP051]: parameter 'pipeline_id' of 'loop pipeline' "
                + "gets capture_instance_1:action_result.data.*.name"), r.err());
    }

    @Test
    void warningsFailOnlyWhenStrict(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("w.yaml");
        Files.writeString(p, """
                playbook: w
                blocks:
                  a: { action: set value, app: core, parameters: { value: 1 }, join: any }
                edges: [start -> a, a -> end]
                """);
        assertEquals(ExitCodes.OK, CliRun.of("validate", p.toString()).exit());
        assertEquals(ExitCodes.INVALID, CliRun.of("validate", "--strict", p.toString()).exit());
    }

    @Test
    void usageErrorsExit2WithAClearMessage(@TempDir Path dir) {
        CliRun missing = CliRun.of("validate", dir.resolve("nope.yaml").toString());
        assertEquals(ExitCodes.USAGE, missing.exit());
        assertTrue(missing.err().startsWith("wisp: no such file or directory: "), missing.err());
        CliRun empty = CliRun.of("validate", dir.toString());
        assertEquals(ExitCodes.USAGE, empty.exit());
        assertTrue(empty.err().startsWith("wisp: no playbooks (*.yaml, *.yml) found in "), empty.err());
        assertEquals(ExitCodes.USAGE, CliRun.of("validate", "--format", "xml", OK).exit());
        assertEquals(ExitCodes.USAGE, CliRun.of("validate").exit());
    }

    @Test
    void skipsPlaybookTestsAndHiddenDirectories(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.test.yaml"), "not: a playbook\n");
        Files.createDirectories(dir.resolve(".hidden"));
        Files.writeString(dir.resolve(".hidden/y.yaml"), "not: a playbook\n");
        Files.copy(Path.of("../playbooks/capture_ec2_instance.yaml"), dir.resolve("p.yml"));
        CliRun r = CliRun.of("validate", dir.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.err().startsWith("1 playbook, all valid"), r.err());
    }

    @Test
    void aNonFiniteNumberWhereTheSchemaHasAnEnumIsALocatedErrorAndTheOtherFileIsStillReported() throws IOException {
        for (String nan : new String[] {".nan", ".NaN", "-.Inf", "+.INF", ".inf", "1e999"}) {
            Path dir = Files.createTempDirectory("wisp-nan");
            Path bad = dir.resolve("nan_operator.yaml");
            Files.writeString(bad, "playbook: nan_operator\nblocks:\n  f:\n    filter:\n      condition_1: "
                    + "[[container:severity, " + nan + ", high]]\nedges:\n  - start -> f\n  - f.condition_1 -> end\n");
            CliRun r = CliRun.of("validate", OK, bad.toString(), "--format", "json");
            assertEquals(ExitCodes.INVALID, r.exit(), nan + ": " + r.err());
            JsonNode files = new ObjectMapper().readTree(r.out()).path("files");
            assertEquals(2, files.size(), r.out());
            JsonNode d = files.get(1).path("diagnostics").get(0);
            assertEquals("WSP001", d.path("code").asText(), r.out());
            assertEquals(5, d.path("line").asInt(), r.out());
            assertTrue(d.path("message").asText().contains("not a finite number"), r.out());
        }
    }

    @Test
    void aNulInASubPlaybookPathIsALocatedErrorNotACrash(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("nul.yaml");
        Files.writeString(bad, "playbook: nul\nblocks:\n  sub:\n    playbook: \"\\0x\"\nedges:\n  - start -> sub\n"
                + "  - sub -> end\n");
        CliRun r = CliRun.of("validate", bad.toString());
        assertEquals(ExitCodes.INVALID, r.exit(), r.err());
        assertTrue(r.err().contains("nul.yaml:4:16: error[WSP060]: sub-playbook '\\u0000x'"), r.err());
        assertTrue(r.err().contains("it is not a file path: Nul character not allowed"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @Test
    void wispFailingOnOneFileIsThatFilesErrorAndEveryOtherFileKeepsItsReport(@TempDir Path dir) throws Exception {
        Path ok = Path.of("../playbooks/capture_ec2_instance.yaml");
        Path crashing = dir.resolve("crashing.yaml");
        Files.writeString(crashing, "playbook: crashing\n");
        DocumentCheck bug = doc -> {
            if (doc.file().endsWith("crashing.yaml")) {
                throw new IllegalStateException("a bug");
            }
            return List.of();
        };
        Validator validator = new Validator(AppCatalog.empty(), List.of(bug));
        DiagnosticReport report = ValidateCommand.validateAll(validator, List.of(ok, crashing, ok));
        assertEquals(3, report.files().size());
        assertEquals(List.of("WSP000"), report.files().get(1).diagnostics().stream().map(x -> x.code().name())
                .toList());
        assertTrue(report.files().get(1).diagnostics().get(0).message().contains("IllegalStateException"));
        assertTrue(report.files().get(0).diagnostics().stream().noneMatch(x -> x.code().name().equals("WSP000")));
    }
}
