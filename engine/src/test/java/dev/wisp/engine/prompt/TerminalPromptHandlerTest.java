package dev.wisp.engine.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.model.PromptResponse;
import dev.wisp.engine.time.ManualTime;
import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TerminalPromptHandlerTest {
    private static final PromptResponse YES_NO = new PromptResponse("Approve", PromptResponse.Type.YES_NO, List.of(),
            Location.ofFile("x.yaml"));

    @Test
    void aQuestionThatTimedOutTakesNoLineSoTheEscalatedQuestionGetsTheFirstLineTyped() throws Exception {
        ManualTime time = new ManualTime(Instant.parse("2026-11-22T10:00:00Z"));
        PipedWriter keyboard = new PipedWriter();
        BufferedReader in = new BufferedReader(new PipedReader(keyboard));
        StringWriter screen = new StringWriter();
        TerminalPromptHandler terminal = new TerminalPromptHandler(in, new PrintWriter(screen), time,
                r -> new Thread(r).start(), "alice");
        Instant deadline = time.now().plus(Duration.ofHours(1));
        var primary = terminal.ask(new PromptRequest("run", "capture", "Approve capture on cado?", List.of(YES_NO),
                List.of("alice"), deadline, true)).toCompletableFuture();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!screen.toString().contains("Approve [yes/no]: ") && System.nanoTime() < until) {
            Thread.onSpinWait(); // the question is on the screen: the terminal is waiting for a line
        }
        Thread.sleep(100); // and has gone on to read it (nothing to poll for: it is blocked reading)
        time.advance(Duration.ofHours(1));
        assertInstanceOf(PromptOutcome.TimedOut.class, primary.get(5, TimeUnit.SECONDS));
        var escalated = terminal.ask(new PromptRequest("run", "capture", "Escalated to bob. Approve capture on cado?",
                List.of(YES_NO), List.of("bob"), deadline.plus(Duration.ofHours(1)), true)).toCompletableFuture();
        keyboard.write("yes\n");
        keyboard.flush();
        PromptOutcome o;
        try {
            o = escalated.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer; the screen:\n" + screen, e);
        }
        assertEquals(new PromptOutcome.Answered(List.of("yes"), "alice", "terminal"), o);
        assertTrue(screen.toString().contains("[capture] Escalated to bob. Approve capture on cado?  (for bob)"),
                screen.toString());
    }
}
