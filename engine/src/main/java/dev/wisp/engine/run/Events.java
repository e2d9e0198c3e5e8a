package dev.wisp.engine.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.wisp.engine.journal.JournalCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads an event: Wisp's {@code {container, artifacts}}, or a Splunk SOAR container as its REST API and exports
 * write it (container fields at the top, {@code artifacts} inside). Any other top-level key is an error, located and
 * with a suggestion, so a misspelt {@code artifact} is never read as an empty event.
 */
public final class Events {
    /** The fields of a SOAR container (REST {@code /rest/container}), besides {@code artifacts}. */
    static final Set<String> SOAR_CONTAINER = Set.of("id", "name", "description", "label", "severity", "status",
            "sensitivity", "owner", "owner_id", "owner_name", "tags", "source_data_identifier", "create_time",
            "start_time", "end_time", "due_time", "close_time", "closing_owner", "closing_rule_run", "kill_chain",
            "container_type", "custom_fields", "data", "artifact_count", "artifact_update_time", "asset",
            "asset_name", "current_phase", "version", "hash", "ingest_app", "in_case", "parent_container", "role",
            "tenant", "workflow_name", "node_guid", "playbooks", "container_update_time", "resolution",
            "resolution_time", "external_id", "status_id", "severity_id", "sensitivity_id", "template");
    private static final Set<String> WISP = Set.of("container", "artifacts");

    private Events() {
    }

    /**
     * An event: a container and its artifacts.
     *
     * @param container the container fields
     * @param artifacts the artifacts
     */
    public record Event(Map<String, Object> container, List<Object> artifacts) {
        public Event {
            container = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(container));
            artifacts = java.util.Collections.unmodifiableList(new ArrayList<>(artifacts));
        }

        public static Event none() {
            return new Event(Map.of(), List.of());
        }

        /** Whether it has neither container fields nor artifacts. */
        public boolean isEmpty() {
            return container.isEmpty() && artifacts.isEmpty();
        }
    }

    /** An event that cannot be used; the message is located ({@code file:line:col: ...}). */
    public static final class EventException extends RuntimeException {
        public EventException(String message) {
            super(message);
        }
    }

    /** Parses one line of a JSON Lines file: locations are {@code file:LINE:col}. */
    public static Event parseLine(String json, String file, int line) {
        Object value;
        try {
            value = JournalCodec.mapper().readValue(json, Object.class);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new EventException(file + ":" + line + ": not JSON: " + msg);
        }
        return of(value, pointer -> {
            String at = locate(json, pointer); // ":1:col" within the line
            return file + ":" + line + (at.isEmpty() ? "" : at.substring(at.indexOf(':', 1)));
        });
    }

    /** Parses JSON text; {@code where} names it in messages (a file). */
    public static Event parse(String json, String where) {
        Object value;
        try {
            value = JournalCodec.mapper().readValue(json, Object.class);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new EventException(where + ": not JSON: " + msg);
        }
        return of(value, pointer -> where + locate(json, pointer));
    }

    /**
     * Checks an event already read as JSON-like values; {@code locate} turns a JSON Pointer into a location prefix
     * such as {@code file:3:5}.
     */
    @SuppressWarnings("unchecked")
    public static Event of(Object json, Function<String, String> locate) {
        if (!(json instanceof Map<?, ?> m)) {
            throw new EventException(locate.apply("") + ": an event is a JSON object: {container, artifacts}, or a "
                    + "Splunk SOAR container with its artifacts");
        }
        Map<String, Object> root = (Map<String, Object>) m;
        boolean wisp = root.containsKey("container");
        Set<String> allowed = wisp ? WISP : null;
        List<String> problems = new ArrayList<>();
        for (String k : root.keySet()) {
            boolean ok = wisp ? allowed.contains(k) : k.equals("artifacts") || SOAR_CONTAINER.contains(k);
            if (!ok) {
                String hint = suggestion(k, wisp);
                problems.add(locate.apply("/" + k) + ": unknown key '" + k + "' in the event" + hint
                        + (wisp ? "; an event with 'container' has only container and artifacts"
                        : "; an event is {container, artifacts} or a SOAR container (id, name, severity, ..., "
                        + "artifacts)"));
            }
        }
        Object c = wisp ? root.get("container") : soarContainer(root);
        Object a = root.get("artifacts");
        if (!(c instanceof Map)) {
            problems.add(locate.apply("/container") + ": container must be an object");
        }
        if (a != null && !(a instanceof List)) {
            problems.add(locate.apply("/artifacts") + ": artifacts must be a list of objects");
        } else if (a != null) {
            List<Object> list = (List<Object>) a;
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map)) {
                    problems.add(locate.apply("/artifacts/" + i) + ": artifact " + i + " must be an object "
                            + "({cef: {...}, name, label, ...})");
                } else if (((Map<?, ?>) list.get(i)).get("cef") != null
                        && !(((Map<?, ?>) list.get(i)).get("cef") instanceof Map)) {
                    problems.add(locate.apply("/artifacts/" + i + "/cef") + ": cef must be an object");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new EventException(String.join("\n", problems));
        }
        return new Event((Map<String, Object>) c, a == null ? List.of() : (List<Object>) a);
    }

    private static Map<String, Object> soarContainer(Map<String, Object> root) {
        Map<String, Object> c = new LinkedHashMap<>(root);
        c.remove("artifacts");
        return c;
    }

    private static String suggestion(String key, boolean wisp) {
        Set<String> candidates = new java.util.HashSet<>(wisp ? WISP : SOAR_CONTAINER);
        candidates.add("artifacts");
        return dev.wisp.dsl.check.Suggest.closest(key, candidates).map(k -> " (did you mean '" + k + "'?)")
                .orElse("");
    }

    /** {@code :line:col} of the key (or value) a JSON Pointer of up to three levels names, or "" if not found. */
    static String locate(String json, String pointer) {
        if (pointer.isEmpty()) {
            return ":1:1";
        }
        List<String> want = List.of(pointer.substring(1).split("/"));
        try (JsonParser p = new JsonFactory().createParser(json)) {
            List<String> path = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    path.set(path.size() - 1, p.currentName());
                    if (path.equals(want)) {
                        return at(p.currentTokenLocation());
                    }
                    continue;
                }
                boolean end = t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY;
                if (!end && !path.isEmpty() && index.get(index.size() - 1) >= -1) { // an element of an array
                    int i = index.get(index.size() - 1) + 1;
                    index.set(index.size() - 1, i);
                    path.set(path.size() - 1, Integer.toString(i));
                    if (path.equals(want)) {
                        return at(p.currentTokenLocation());
                    }
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    path.add(null);
                    index.add(t == JsonToken.START_ARRAY ? -1 : Integer.MIN_VALUE);
                } else if (end) {
                    path.remove(path.size() - 1);
                    index.remove(index.size() - 1);
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    private static String at(JsonLocation l) {
        return ":" + l.getLineNr() + ":" + l.getColumnNr();
    }
}
