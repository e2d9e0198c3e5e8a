package dev.wisp.engine.prompt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Nobody can answer here (no terminal, no answer given): the run suspends until {@code wisp resume}. */
public final class UnavailablePromptHandler implements PromptHandler {
    @Override
    public CompletionStage<PromptOutcome> ask(PromptRequest request) {
        return CompletableFuture.completedFuture(new PromptOutcome.Unavailable());
    }
}
