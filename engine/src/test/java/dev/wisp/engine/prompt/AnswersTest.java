package dev.wisp.engine.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.model.PromptResponse;
import dev.wisp.engine.time.ManualTime;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswersTest {
    private static final Location L = Location.ofFile("x");
    private static final PromptResponse TEXT = new PromptResponse("Name", PromptResponse.Type.TEXT, List.of(), L);
    private static final PromptResponse YES = new PromptResponse("Go", PromptResponse.Type.YES_NO, List.of(), L);
    private static final PromptResponse LIST = new PromptResponse("Level", PromptResponse.Type.LIST,
            List.of("low", "high"), L);

    @Test
    void normalisesYesNoAndListAnswers() {
        assertEquals("yes", Answers.normalise(YES, " Y "));
        assertEquals("no", Answers.normalise(YES, "false"));
        assertEquals("high", Answers.normalise(LIST, "2"));
        assertEquals("low", Answers.normalise(LIST, "LOW"));
        assertEquals("'maybe' is not an answer to 'Go': answer yes or no",
                assertThrows(IllegalArgumentException.class, () -> Answers.normalise(YES, "maybe")).getMessage());
        assertEquals("'3' is not an answer to 'Level': choose one of low, high",
                assertThrows(IllegalArgumentException.class, () -> Answers.normalise(LIST, "3")).getMessage());
    }

    @Test
    void parsesAnswerArguments() {
        assertEquals(Map.of("Set_EC2", List.of("us-east-1", "i-1"), "Set_S3", List.of("b=c")),
                AnswersPromptHandler.parseArguments(List.of("Set_EC2.1=i-1", "Set_EC2=us-east-1", "Set_S3=b=c")));
        assertEquals("--answer gives Q.2 but not Q.1", assertThrows(IllegalArgumentException.class,
                () -> AnswersPromptHandler.parseArguments(List.of("Q=a", "Q.2=c"))).getMessage());
    }

    @Test
    void theTerminalAsksAgainUntilTheAnswerFits() {
        StringWriter shown = new StringWriter();
        ManualTime time = new ManualTime(Instant.parse("2026-11-22T10:00:00Z"));
        TerminalPromptHandler t = new TerminalPromptHandler(new BufferedReader(new StringReader("Alice\nmaybe\ny\n9\n2\n")),
                new PrintWriter(shown), time, Runnable::run, "tester");
        PromptRequest req = new PromptRequest("r", "ask", "Capture web-01?", List.of(TEXT, YES, LIST), List.of("soc"),
                time.now().plus(Duration.ofMinutes(30)), false);
        PromptOutcome o = t.ask(req).toCompletableFuture().join();
        assertEquals(new PromptOutcome.Answered(List.of("Alice", "yes", "high"), "tester", "terminal"), o);
        String out = shown.toString();
        assertEquals(true, out.contains("[ask] Capture web-01?  (for soc)"));
        assertEquals(true, out.contains("Go [yes/no]: 'maybe' is not an answer to 'Go': answer yes or no"));
        assertEquals(true, out.contains("Level [1=low, 2=high]: "));
    }
}
