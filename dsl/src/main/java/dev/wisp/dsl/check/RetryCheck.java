package dev.wisp.dsl.check;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Block;

/**
 * WSP037 {@code retry} on an action that is not safe to repeat: the engine never runs such an action twice (a failed
 * attempt may already have changed something), so the retry would silently never happen.
 */
final class RetryCheck implements Check {

    @Override
    public void run(CheckContext ctx) {
        for (Block b : ctx.playbook().blocks().values()) {
            if (b instanceof Block.ActionBlock a && a.retry() != null && a.retry().attempts() > 1) {
                ctx.actionOf(a).filter(spec -> !spec.idempotent()).ifPresent(spec -> ctx.report(Code.WSP037,
                        a.retry().location(), "'" + spec.name() + "' is not safe to repeat, so block '" + a.name()
                                + "' is never retried; remove retry, or handle the failure with on_failure or a '"
                                + a.name() + ".failure' edge"));
            }
        }
    }
}
