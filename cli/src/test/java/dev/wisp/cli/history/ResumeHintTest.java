package dev.wisp.cli.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResumeHintTest {

    private static Map<String, Object> report(List<Map<String, Object>> questions) {
        return Map.of("run_id", "r1", "waiting_for", List.of("ask"),
                "blocks", Map.of("ask", Map.of("prompt", Map.of("questions", questions))));
    }

    @Test
    void aPromptWithOneQuestionTakesBlockEqualsValue() {
        assertEquals(List.of("The run is waiting for ask. Continue it with:",
                        "  wisp resume r1 --answer 'ask=<Project name>'"),
                ResumeHint.lines(report(List.of(Map.of("prompt", "Project name"))), ""));
    }

    @Test
    void aPromptWithThreeQuestionsNamesEachByIndex() {
        assertEquals("  wisp resume r1 --answer 'ask.0=<Region>' --answer 'ask.1=<Instance>' --answer "
                        + "'ask.2=<Why?>' --runs-dir x",
                ResumeHint.lines(report(List.of(Map.of("prompt", "Region"), Map.of("prompt", "Instance"),
                        Map.of("prompt", "Why?"))), "--runs-dir x").get(1));
    }

    @Test
    void aRunThatWaitsForNothingHasNoHint() {
        assertEquals(List.of(), ResumeHint.lines(Map.of("run_id", "r1", "status", "success"), ""));
    }
}
