package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What wisp run checks before anything starts: events and answers, each problem named with where it is. */
class RunInputsTest {
    private static final String TUTORIAL = "../playbooks/capture_ec2_instance.yaml";
    private static final String TRIAGE = "../playbooks/triage_ec2_alert.yaml";

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 1] = "--runs-dir=" + dir.resolve("runs");
        return CliRun.of(all);
    }

    private void nothingRan(CliRun r) {
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertFalse(Files.exists(dir.resolve("runs")), "no run directory for a run that never started");
    }

    @Test
    void aMisspeltEventKeyIsLocatedWithASuggestion() throws IOException {
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\n  \"name\": \"x\",\n  \"artifact\": [{\"cef\": {}}]\n}\n");
        CliRun r = run(TRIAGE, "--event", event.toString());
        nothingRan(r);
        assertTrue(r.err().contains(event + ":3:3: unknown key 'artifact' in the event (did you mean 'artifacts'?)"),
                r.err());
    }

    @Test
    void aWispEventWithAnUnknownKeyIsRefused() throws IOException {
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"container\": {}, \"artifacts\": [], \"extra\": 1}");
        CliRun r = run(TRIAGE, "--event", event.toString());
        nothingRan(r);
        assertTrue(r.err().contains(":1:36: unknown key 'extra' in the event"), r.err());
    }

    @Test
    void aBadLineOfEventsNamesItsLineAndNothingRuns() throws IOException {
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, "{\"container\": {}}\n{\"artefacts\": []}\nnot json\n");
        CliRun r = run(TRIAGE, "--events", events.toString());
        nothingRan(r);
        assertTrue(r.err().contains(events + ":2:2: unknown key 'artefacts' in the event (did you mean 'artifacts'?)"),
                r.err());
        assertTrue(r.err().contains(events + ":3: not JSON"), r.err());
    }

    @Test
    void anAnswerThatDoesNotFitItsQuestionIsRefusedBeforeTheRun() {
        CliRun r = run(TRIAGE, "--answer", "ask_analyst=maybe");
        nothingRan(r);
        assertTrue(r.err().contains("--answer ask_analyst: 'maybe' is not an answer to"), r.err());
    }

    @Test
    void anAnswerToAPromptThatDoesNotExistGetsADidYouMean() {
        CliRun r = run(TUTORIAL, "--answer", "Set_Projct_Name=x");
        nothingRan(r);
        assertTrue(r.err().contains("--answer Set_Projct_Name: 'Set_Projct_Name' is not a prompt of this playbook "
                + "(did you mean 'Set_Project_Name'?)"), r.err());
    }

    @Test
    void oddQuestionNumbersAreUsageErrorsNotCrashes() {
        for (String arg : new String[] {"Set_EC2.-1=yes", "Set_EC2.99999999999999999999=x"}) {
            CliRun r = run(TUTORIAL, "--answer", arg);
            nothingRan(r);
            assertTrue(r.err().contains("is not a question number"), r.err());
            assertFalse(r.err().contains("For input string"), r.err());
        }
        CliRun tooMany = run(TUTORIAL, "--answer", "Set_EC2.5=x", "--answer", "Set_EC2.0=a",
                "--answer", "Set_EC2.1=b", "--answer", "Set_EC2.2=c", "--answer", "Set_EC2.3=d",
                "--answer", "Set_EC2.4=e");
        nothingRan(tooMany);
        assertTrue(tooMany.err().contains("Set_EC2 asks 2 questions but 6 answers were given"), tooMany.err());
    }

    @Test
    void anAnswersFileWithAnUnknownBlockIsRefused() throws IOException {
        Path answers = dir.resolve("answers.yaml");
        Files.writeString(answers, "Set_Project_Name: Incident\nnot_a_prompt: yes\n");
        CliRun r = run(TUTORIAL, "--answers", answers.toString());
        nothingRan(r);
        assertTrue(r.err().contains("'not_a_prompt' is not a prompt of this playbook"), r.err());
    }

    @Test
    void aStringInputMayStartWithABraceAndAListInputTakesJson() throws IOException {
        Path pb = dir.resolve("inputs.yaml");
        Files.writeString(pb, """
                playbook: inputs
                inputs:
                  text: { type: string }
                  items: { type: list, required: false }
                outputs:
                  both: { value: show:action_result.data.*.value }
                blocks:
                  show: { action: set value, app: core, parameters: { value: playbook_input:text } }
                edges: [start -> show, show -> end]
                """);
        CliRun r = run(pb.toString(), "--input", "text={not json", "--input", "items=[1, 2]", "--output", "json");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().contains("\"both\" : \"{not json\""), r.out());
        CliRun bad = run(pb.toString(), "--input", "text=x", "--input", "items=1, 2");
        assertEquals(ExitCodes.USAGE, bad.exit(), bad.err());
        assertTrue(bad.err().contains("--input items: '1, 2' is not JSON (input items is a list)"), bad.err());
    }
}
