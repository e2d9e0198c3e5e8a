package dev.wisp.plugins.core;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.ActionSpec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** One action of the core app: its spec and how it runs. */
interface CoreAction {

    ActionSpec spec();

    /** Runs synchronously; the default {@link #execute} wraps it. Pure actions only override this. */
    default ActionResult run(ActionContext context) {
        throw new UnsupportedOperationException(spec().name() + " is asynchronous");
    }

    default CompletionStage<ActionResult> execute(ActionContext context) {
        return CompletableFuture.completedFuture(run(context));
    }
}
