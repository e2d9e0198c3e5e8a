package dev.wisp.engine.prompt;

import java.util.List;

/** How a question ended. */
public sealed interface PromptOutcome {

    /**
     * Answered: one response per question (normalised: yes/no answers are {@code yes} or {@code no}, list answers
     * one of the options).
     *
     * @param source terminal, answers (from {@code --answer}/{@code --answers}), or resume
     */
    record Answered(List<String> responses, String respondent, String source) implements PromptOutcome {
        public Answered {
            responses = List.copyOf(responses);
        }
    }

    /** Nobody answered before the deadline. */
    record TimedOut() implements PromptOutcome {
    }

    /** Nobody can answer in this process (no terminal, no answer given): the run must suspend. */
    record Unavailable() implements PromptOutcome {
    }
}
