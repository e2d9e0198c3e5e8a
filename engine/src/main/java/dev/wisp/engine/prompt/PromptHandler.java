package dev.wisp.engine.prompt;

import java.util.concurrent.CompletionStage;

/**
 * Asks people questions: on the terminal, from given answers, or not at all (the run suspends). Answers are
 * validated against the questions' types before they complete the stage.
 */
public interface PromptHandler {

    CompletionStage<PromptOutcome> ask(PromptRequest request);
}
