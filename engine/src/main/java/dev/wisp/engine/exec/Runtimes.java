package dev.wisp.engine.exec;

import dev.wisp.engine.data.BlockState;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.spi.ActionResult;
import java.util.List;
import java.util.Map;

/**
 * What a runtime other than {@link Run} needs to drive a {@link Scheduler} the way {@link Run} does: a plugin's answer
 * made a well-formed result, a result to and from the JSON form that crosses process boundaries, a sub-playbook's
 * events as its parent's journal records them, and cancelling an execution's context.
 */
public final class Runtimes {
    private Runtimes() {
    }

    /** What a plugin returned or threw, as a well-formed result (exceptions become failed results). */
    public static ActionResult result(ActionResult returned, Throwable error, Map<String, Object> parameters) {
        return Results.normalize(returned, error, parameters);
    }

    /** A result as JSON-like values (the form the journal records). */
    public static Map<String, Object> toMap(ActionResult result) {
        return BlockState.asMap(result);
    }

    /** A result from the form {@link #toMap} gives. */
    public static ActionResult fromMap(Map<String, Object> map) {
        return Restored.result(map);
    }

    /** A sub-playbook's event as the journal of its parent block {@code parent} records it. */
    public static JournalEvent childEvent(String parent, JournalEvent event) {
        return Prefixed.event(parent, event);
    }

    /** A sub-playbook's own events, from its parent's journal (for a resume): its parent block's, unprefixed. */
    public static List<JournalEvent> childPrior(String parent, List<JournalEvent> parentEvents) {
        return Prefixed.childEvents(parent, parentEvents);
    }

    /** Tells the plugin running with {@code ctx} that its execution was cancelled. */
    public static void cancel(ExecutionContext ctx) {
        ctx.cancel();
    }
}
