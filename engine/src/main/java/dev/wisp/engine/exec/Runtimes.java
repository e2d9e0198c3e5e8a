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

    /**
     * A result as JSON-like values (the form the journal records); a continuation has {@code continue}:
     * {@code {after_millis, state}} as well.
     */
    public static Map<String, Object> toMap(ActionResult result) {
        Map<String, Object> m = BlockState.asMap(result);
        if (result.continues()) {
            Map<String, Object> next = new java.util.LinkedHashMap<>();
            next.put("after_millis", result.continuation().after().toMillis());
            next.put("state", result.continuation().state());
            m.put("continue", next);
        }
        return m;
    }

    /** A result from the form {@link #toMap} gives. */
    @SuppressWarnings("unchecked")
    public static ActionResult fromMap(Map<String, Object> map) {
        ActionResult r = Restored.result(map);
        if (map.get("continue") instanceof Map<?, ?> next && r.succeeded()) {
            long after = next.get("after_millis") instanceof Number n ? Math.max(0, n.longValue()) : 0;
            Object state = next.get("state");
            r = new ActionResult(r.status(), r.message(), r.parameter(), r.data(), r.summary(), null,
                    new ActionResult.Continuation(java.time.Duration.ofMillis(after),
                            state instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of()));
        }
        return r;
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
