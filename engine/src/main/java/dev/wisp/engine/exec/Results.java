package dev.wisp.engine.exec;

import dev.wisp.spi.ActionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/** Turns whatever a plugin returned or threw into a well-formed action result. */
final class Results {
    private Results() {
    }

    static ActionResult normalize(ActionResult r, Throwable error, Map<String, Object> params) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            if (cause instanceof CancellationException) {
                return ActionResult.failed(params, "cancelled");
            }
            return ActionResult.failed(params, "the plugin failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
        if (r == null) {
            return ActionResult.failed(params, "the plugin returned no result");
        }
        ActionResult.Continuation next = r.continuation() == null ? null
                : new ActionResult.Continuation(r.continuation().after(), sanitizeMap(r.continuation().state()));
        return new ActionResult(r.status(), r.message(), sanitizeMap(r.parameter()), sanitizeList(r.data()),
                sanitizeMap(r.summary()), r.failure(), next);
    }

    /** Keeps JSON-like values; anything else becomes its text, so the journal can always be written. */
    static Object sanitize(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Number) {
            if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
                return d.toString();
            }
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), sanitize(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(sanitize(x)));
            return out;
        }
        return v.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sanitizeMap(Map<String, Object> m) {
        return (Map<String, Object>) sanitize(m);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> sanitizeList(List<Object> l) {
        return (List<Object>) sanitize(l);
    }
}
