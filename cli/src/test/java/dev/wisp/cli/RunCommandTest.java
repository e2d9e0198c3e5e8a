package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.cado.sim.CadoSimulator;
import dev.wisp.cado.sim.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wisp run, resume and asset test, in process, against a simulator on an ephemeral port. */
class RunCommandTest {
    private static final String TOKEN = "run-test-token-9f8e7d6c5b4a";
    private static final String TUTORIAL = "../playbooks/capture_ec2_instance.yaml";

    @TempDir
    Path dir;
    private CadoSimulator sim;
    private Path assets;

    @BeforeEach
    void start() throws IOException {
        sim = CadoSimulator.start(SimulatorOptions.defaults(TOKEN).withSteps(4, 4));
        Files.writeString(dir.resolve("token.txt"), TOKEN + "\n");
        assets = dir.resolve("assets.yaml");
        Files.writeString(assets, """
                assets:
                  cado:
                    app: cado_response
                    config:
                      base_url: %s
                      access_token: ${file:token.txt}
                      poll_interval: 1
                      default_bucket: evidence-bucket
                """.formatted(sim.baseUrl()));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private CliRun run(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--runs-dir", dir.resolve("runs").toString()))
                .toArray(String[]::new);
        return CliRun.of(all);
    }

    private void assertNoTokenAnywhere(CliRun r) throws IOException {
        assertFalse(r.out().contains(TOKEN), "stdout");
        assertFalse(r.err().contains(TOKEN), "stderr");
        try (Stream<Path> files = Files.walk(dir.resolve("runs"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f).contains(TOKEN), f.toString());
            }
        }
    }

    @Test
    void runsTheSeedTutorialEndToEnd() throws IOException {
        CliRun r = run("run", TUTORIAL, "--assets", assets.toString(), "--answer", "Set_Project_Name=IR 7",
                "--answer", "Set_S3=evidence-bucket", "--answer", "Set_EC2=us-east-1",
                "--answer", "Set_EC2.1=i-0a1b2c3d4e5f60001", "--output", "json");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.err().contains("created project 2 'IR 7'"), r.err());
        assertTrue(r.err().contains("pipeline 1 succeeded"), r.err());
        assertTrue(r.out().contains("\"status\" : \"success\""), r.out());
        assertTrue(sim.requests().contains("POST /api/v2/projects/2/imports/ec2 200"), sim.requests().toString());
        assertNoTokenAnywhere(r);
    }

    @Test
    void withoutAnswersTheRunSuspendsAndResumesWithoutRepeatingActions() throws IOException {
        CliRun first = run("run", TUTORIAL, "--assets", assets.toString(), "--answer", "Set_Project_Name=IR 8");
        assertEquals(ExitCodes.SUSPENDED, first.exit(), first.err());
        assertTrue(first.err().contains("The run is waiting for Set_S3"), first.err());
        String id;
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            id = runs.findFirst().orElseThrow().getFileName().toString();
        }
        Path answers = dir.resolve("answers.yaml");
        Files.writeString(answers, "Set_S3: evidence-bucket\nSet_EC2: [us-east-1, i-0a1b2c3d4e5f60002]\n");
        CliRun second = run("resume", id.substring(0, 15), "--answers", answers.toString());
        assertEquals(ExitCodes.OK, second.exit(), second.err());
        assertEquals(1, sim.requests().stream().filter(q -> q.startsWith("POST /api/v2/projects ")).count(),
                "create project ran once: " + sim.requests());
        assertNoTokenAnywhere(second);
        assertTrue(Files.readString(dir.resolve("runs").resolve(id).resolve("report.json")).contains("\"success\""));
    }

    @Test
    void actionsNeedingApprovalWaitForTheAssetOwners() throws IOException {
        Files.writeString(assets, Files.readString(assets) + """
                    owners: { primary: [soc-lead], secondary: [ir-manager] }
                    approval: { required_for: [correct], sla: 30m }
                """);
        String[] answers = {"--answer", "Set_Project_Name=IR 9", "--answer", "Set_S3=evidence-bucket",
            "--answer", "Set_EC2=us-east-1", "--answer", "Set_EC2.1=i-0a1b2c3d4e5f60001"};
        CliRun waiting = run(Stream.concat(Stream.of("run", TUTORIAL, "--assets", assets.toString()),
                Stream.of(answers)).toArray(String[]::new));
        assertEquals(ExitCodes.SUSPENDED, waiting.exit(), waiting.err());
        assertTrue(waiting.err().contains("The run is waiting for capture_instance_1"), waiting.err());
        CliRun rejected = run(Stream.concat(Stream.of("run", TUTORIAL, "--assets", assets.toString(), "--answer",
                "capture_instance_1=no"), Stream.of(answers)).map(a -> a.equals("Set_Project_Name=IR 9")
                ? "Set_Project_Name=IR 10" : a).toArray(String[]::new));
        assertEquals(ExitCodes.FAILED, rejected.exit());
        assertTrue(rejected.err().contains("approval rejected"), rejected.err());
        assertFalse(sim.requests().stream().anyMatch(q -> q.startsWith("POST") && q.contains("/imports/ec2")),
                "nothing was captured: " + sim.requests());
    }

    private static final String[] TUTORIAL_ANSWERS = {"--answer", "Set_Project_Name=Faulty", "--answer",
        "Set_S3=evidence-bucket", "--answer", "Set_EC2=us-east-1", "--answer", "Set_EC2.1=i-0a1b2c3d4e5f60001"};

    private CliRun tutorial(String... extra) {
        return run(Stream.concat(Stream.of("run", TUTORIAL, "--assets", assets.toString()),
                Stream.concat(Stream.of(TUTORIAL_ANSWERS), Stream.of(extra))).toArray(String[]::new));
    }

    @Test
    void theTutorialSurvivesRateLimitsErrorsAndDroppedConnectionsOnReads() throws IOException {
        sim.faults(new SimulatorOptions.Faults(0.15, 0.1, 0.05, 5, 42, true));
        CliRun r = tutorial();
        assertEquals(ExitCodes.OK, r.exit(), r.err() + sim.requests());
        assertTrue(sim.requests().stream().anyMatch(q -> q.endsWith(" 429") || q.endsWith(" 503")
                || q.endsWith(" dropped")), "faults happened: " + sim.requests());
        assertTrue(r.err().contains("pipeline 1 succeeded"), r.err());
        assertNoTokenAnywhere(r);
    }

    @Test
    void aFailingServerFailsTheRunWithReadableMessagesAndNoRepeatedPosts() throws IOException {
        sim.faults(new SimulatorOptions.Faults(1.0, 0, 0, 0, 1));
        CliRun r = tutorial();
        assertEquals(ExitCodes.FAILED, r.exit(), r.err());
        assertTrue(r.err().contains("Cado Response failed (HTTP 503: Service temporarily unavailable)"), r.err());
        assertEquals(1, sim.requests().stream().filter(q -> q.startsWith("POST /api/v2/projects ")).count(),
                "the create project POST was sent once: " + sim.requests());
        assertNoTokenAnywhere(r);
    }

    @Test
    void slowAnswersOnlyMakeTheRunSlower() {
        sim.faults(new SimulatorOptions.Faults(0, 0, 0, 30, 1));
        assertEquals(ExitCodes.OK, tutorial().exit());
    }

    @Test
    void anInvalidPlaybookIsNotRun() {
        CliRun r = run("run", "src/test/resources/validate/bad/mistakes.yaml");
        assertEquals(ExitCodes.INVALID, r.exit());
        assertTrue(r.err().contains("is invalid; nothing was run"), r.err());
    }

    @Test
    void runsOncePerEvent() throws IOException {
        Path events = dir.resolve("events.jsonl");
        String event = Files.readString(Path.of("../playbooks/events/ec2_alert.json")).replace("\n", " ");
        Files.writeString(events, event + "\n" + event.replace("\"high\"", "\"low\"") + "\n");
        CliRun r = run("run", "../playbooks/triage_ec2_alert.yaml", "--assets", assets.toString(), "--events",
                events.toString(), "--answer", "ask_analyst=no");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.err().contains("2 events: {success=2}"), r.err());
    }

    @Test
    void assetTestSaysWhatIsWrong() throws IOException {
        CliRun ok = CliRun.of("asset", "test", "cado", "--assets", assets.toString());
        assertEquals(ExitCodes.OK, ok.exit(), ok.err());
        assertTrue(ok.err().startsWith("ok: connected to Cado Response"), ok.err());
        Files.writeString(dir.resolve("token.txt"), "wrong-token\n");
        CliRun bad = CliRun.of("asset", "test", "cado", "--assets", assets.toString());
        assertEquals(ExitCodes.FAILED, bad.exit());
        assertEquals("FAILED: the access token was rejected (HTTP 401: Unauthorized); check access_token\n", bad.err());
        assertEquals(ExitCodes.USAGE, CliRun.of("asset", "test", "nope", "--assets", assets.toString()).exit());
    }

    @Test
    void aLiteralSecretInTheAssetsFileIsRefused() throws IOException {
        Files.writeString(assets, Files.readString(assets).replace("${file:token.txt}", TOKEN));
        CliRun r = run("run", TUTORIAL, "--assets", assets.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("access_token of asset 'cado' is a secret"), r.err());
        assertFalse(r.err().contains(TOKEN));
    }

    @Test
    void usageErrorsOfRun() {
        assertEquals(ExitCodes.USAGE, run("run", "nope.yaml").exit());
        assertEquals(ExitCodes.USAGE, run("run", TUTORIAL, "--input", "novalue").exit());
        CliRun missing = run("run", "../playbooks/capture_s3_bucket.yaml", "--assets", assets.toString());
        assertEquals(ExitCodes.USAGE, missing.exit());
        assertEquals("wisp: playbook 'capture_s3_bucket' needs input 'bucket' (string): give it with --input "
                + "bucket=VALUE\n", missing.err());
        assertTrue(!Files.exists(dir.resolve("runs")), "nothing was recorded for a run that never started");
        assertEquals(ExitCodes.USAGE, run("resume", "20990101").exit());
        List<String> lines = run("run", TUTORIAL, "--assets", dir.resolve("missing.yaml").toString()).err().lines()
                .toList();
        assertTrue(lines.contains("wisp: assets file not found: " + dir.resolve("missing.yaml")), lines.toString());
    }
}
