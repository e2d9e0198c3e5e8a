package dev.wisp.spi;

import java.util.concurrent.CompletionStage;

/** An app's connection to one asset, shared by all executions on that asset; must be thread-safe. */
public interface AppConnection extends AutoCloseable {

    /**
     * Executes one action. The engine calls it on a worker thread, may call it concurrently, and applies the
     * block's timeout by cancelling the context. Expected failures (HTTP errors, bad input) are returned as
     * {@link ActionResult#failed}; an exception is treated as a plugin bug and reported as a failed result.
     */
    CompletionStage<ActionResult> execute(ActionContext context);

    @Override
    default void close() {
    }
}
