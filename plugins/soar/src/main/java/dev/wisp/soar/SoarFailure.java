package dev.wisp.soar;

import dev.wisp.spi.ActionResult;

/** A call that got an answer SOAR means as a refusal, or none that can be used. */
final class SoarFailure extends RuntimeException {
    private final ActionResult.Failure kind;

    SoarFailure(String message, ActionResult.Failure kind) {
        super(message, null, false, false);
        this.kind = kind;
    }

    ActionResult.Failure kind() {
        return kind;
    }
}
