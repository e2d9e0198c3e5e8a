package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
    private static final String DIR = "src/test/resources/tests/";

    @Test
    void theExamplePlaybooksTestsPass(@TempDir Path dir) throws IOException {
        Path junit = dir.resolve("junit.xml");
        CliRun r = CliRun.of("test", "../playbooks", "--junit", junit.toString());
        if (dev.wisp.engine.code.Python.find("python3", System.getenv()).isEmpty()) {
            // prioritise_ec2_capture runs its code block for real in two tests: they fail, saying why
            System.err.println("python3 is not on the PATH: the example's code block tests are expected to fail");
            assertEquals(ExitCodes.FAILED, r.exit(), r.err());
            assertTrue(r.err().endsWith("9 passed, 2 failed\n") && r.err().contains("code blocks need Python 3"),
                    r.err());
            return;
        }
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.err().endsWith("11 passed, 0 failed\n"), r.err());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("<testsuite name=\"../playbooks/capture_ec2_instance.test.yaml\" tests=\"3\" "
                + "failures=\"0\""), xml);
    }

    @Test
    void failuresAreReadableDiffsAndExit1(@TempDir Path dir) throws IOException {
        Path junit = dir.resolve("junit.xml");
        CliRun r = CliRun.of("test", DIR + "failing.test.yaml", "--junit", junit.toString());
        assertEquals(ExitCodes.FAILED, r.exit());
        Goldens.assertMatches("test-failing.txt", r.err().replaceAll("\\d+ ms", "N ms"));
        assertTrue(Files.readString(junit).contains("<failure message=\"run: expected status failed, got success"));
    }

    @Test
    void anInvalidTestFileExits3() {
        CliRun r = CliRun.of("test", DIR + "invalid.test.yaml");
        assertEquals(ExitCodes.INVALID, r.exit());
        assertTrue(r.err().contains("invalid.test.yaml:4:5: unknown key 'mock' in test 'bad'"), r.err());
    }

    @Test
    void aMockThatDoesNotFitTheActionIsAnErrorOfTheTestFileNotABlockFailure() {
        CliRun r = CliRun.of("test", DIR + "drifting-mock.test.yaml");
        assertEquals(ExitCodes.INVALID, r.exit(), r.err());
        assertTrue(r.err().contains("drifting-mock.test.yaml:6:25: mock for create_project_1 does not fit 'create "
                + "project': action_result.data.*.project_name is not an output of 'create project'"), r.err());
        assertTrue(r.err().contains("drifting-mock.test.yaml:7:7: playbook capture_s3_bucket has no block "
                + "'creat_project_1' (did you mean 'create_project_1'?)"), r.err());
    }

    @Test
    void aMockOfAStepMustBeOfAnActionThatRunsInStepsWithADurationAndAState() {
        CliRun r = CliRun.of("test", DIR + "mis-stepping-mock.test.yaml");
        assertEquals(ExitCodes.INVALID, r.exit(), r.err());
        for (String want : List.of(
                "mis-stepping-mock.test.yaml:6:25: mock for create_project_1 does not fit 'create project': 'create "
                        + "project' does not continue in steps, so a mock of it cannot have continue_after",
                "mock for cado_response:loop pipeline does not fit 'loop pipeline': continue_after must be a "
                        + "duration such as 30s or 5m, not 'soon'",
                "mock for cado_response:loop pipeline does not fit 'loop pipeline': state must be a mapping, not [1]",
                "mock for cado_response:get pipeline does not fit 'get pipeline': state is what a step hands on with "
                        + "continue_after; give continue_after too")) {
            assertTrue(r.err().contains(want), want + " in:\n" + r.err());
        }
    }

    @Test
    void misspeltExpectationsAreLocatedErrorsOfTheTestFile() {
        CliRun r = CliRun.of("test", DIR + "bad-expect.test.yaml");
        assertEquals(ExitCodes.INVALID, r.exit(), r.err());
        for (String want : List.of(
                "bad-expect.test.yaml:6:15: expected run status 'succes' is not one of cancelled, failed, "
                        + "success, suspended (did you mean 'success'?)",
                "bad-expect.test.yaml:8:43: unknown key 'statuss' in a block's expectation (did you mean 'status'?)",
                "bad-expect.test.yaml:8:38: each of calls is a mapping of parameter to value",
                "bad-expect.test.yaml:10:26: block status 'done' is not one of",
                "bad-expect.test.yaml:12:13: expect is a mapping")) {
            assertTrue(r.err().contains(want), want + "\n" + r.err());
        }
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void nothingToTestIsAUsageError(@TempDir Path dir) {
        assertEquals(ExitCodes.USAGE, CliRun.of("test", dir.toString()).exit());
        assertEquals(ExitCodes.USAGE, CliRun.of("test", dir.resolve("nope.test.yaml").toString()).exit());
    }
}
