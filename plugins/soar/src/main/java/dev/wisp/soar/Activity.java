package dev.wisp.soar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one execution does to the case, read and checked from its parameters: the same in both modes, so the run
 * report records exactly what is sent to a server.
 *
 * @param what    the action's name ({@code add comment})
 * @param details the normalised parameters, nulls left out (tags as a list, the artifact's CEF merged)
 */
record Activity(String what, Map<String, Object> details) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The names of workbook task statuses and SOAR's numbers for them. */
    static final Map<String, Integer> TASK_STATUS = Map.of("incomplete", 0, "in progress", 1, "complete", 2);

    /**
     * Reads an execution's parameters.
     *
     * @throws IllegalArgumentException naming the parameter that is missing or wrong
     */
    static Activity of(String action, Map<String, Object> p) {
        Map<String, Object> d = new LinkedHashMap<>();
        switch (action) {
            case "add comment" -> d.put("comment", required(p, "comment"));
            case "add note" -> {
                d.put("title", required(p, "title"));
                d.put("content", text(p, "content", ""));
                String format = text(p, "note_format", "markdown").toLowerCase(Locale.ROOT);
                if (!List.of("markdown", "html", "text").contains(format)) {
                    throw new IllegalArgumentException("note_format must be markdown, html or text, not '" + format
                            + "'");
                }
                d.put("note_format", format);
                d.put("note_type", text(p, "note_type", "general"));
            }
            case "set status" -> d.put("status", required(p, "status"));
            case "set severity" -> d.put("severity", required(p, "severity"));
            case "pin" -> {
                d.put("data", required(p, "data"));
                putText(d, p, "message");
                d.put("pin_type", text(p, "pin_type", "card"));
                d.put("pin_style", text(p, "pin_style", "grey"));
                putText(d, p, "name");
            }
            case "add tag" -> {
                d.put("tags", tags(p.get("tags")));
                putText(d, p, "indicator");
                d.put("overwrite", bool(p, "overwrite"));
            }
            case "create artifact" -> artifact(p, d);
            case "update workbook task" -> task(p, d);
            default -> throw new IllegalArgumentException("the soar app has no action '" + action + "'");
        }
        return new Activity(action, d);
    }

    private static void artifact(Map<String, Object> p, Map<String, Object> d) {
        putText(d, p, "name");
        putText(d, p, "label");
        putText(d, p, "severity");
        Map<String, Object> cef = new LinkedHashMap<>();
        Object given = p.get("cef");
        if (given instanceof Map<?, ?> m) {
            m.forEach((k, v) -> cef.put(String.valueOf(k), v));
        } else if (given != null && !given.toString().isBlank()) {
            throw new IllegalArgumentException("cef must be an object of CEF fields, not '" + given + "'");
        }
        String field = text(p, "cef_field", null);
        if (field != null) {
            cef.put(field, p.get("cef_value"));
            String type = text(p, "cef_data_type", null);
            if (type != null) {
                d.put("cef_types", Map.of(field, List.of(type)));
            }
        } else if (p.get("cef_value") != null || p.get("cef_data_type") != null) {
            throw new IllegalArgumentException("cef_value and cef_data_type need cef_field, the field they are for");
        }
        d.put("cef", cef);
        d.put("run_automation", bool(p, "run_automation"));
        String json = text(p, "input_json", null);
        if (json != null) {
            Object more;
            try {
                more = JSON.readValue(json, Object.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("input_json is not valid JSON: " + e.getOriginalMessage());
            }
            if (!(more instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("input_json must be a JSON object of artifact fields");
            }
            m.forEach((k, v) -> d.putIfAbsent(String.valueOf(k), v));
        }
        if (d.get("name") == null && cef.isEmpty()) {
            throw new IllegalArgumentException("an artifact needs a name or CEF fields (cef, or cef_field and "
                    + "cef_value)");
        }
    }

    private static void task(Map<String, Object> p, Map<String, Object> d) {
        d.put("task_name", required(p, "task_name"));
        String status = text(p, "status", null);
        if (status != null) {
            status = status.toLowerCase(Locale.ROOT).replace('_', ' ');
            if (!TASK_STATUS.containsKey(status)) {
                throw new IllegalArgumentException("status must be incomplete, in progress or complete, not '"
                        + status + "'");
            }
            d.put("status", status);
        }
        putText(d, p, "owner");
        putText(d, p, "note_title");
        putText(d, p, "note_content");
        if (d.get("note_content") != null && d.get("note_title") == null) {
            d.put("note_title", d.get("task_name"));
        }
        if (d.size() == 1) {
            throw new IllegalArgumentException("update workbook task needs something to change: status, owner or "
                    + "a note (note_title, note_content)");
        }
    }

    /** Tags from a comma-separated text or a list; blanks dropped, order kept, duplicates once. */
    static List<String> tags(Object value) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> {
                if (v != null) {
                    out.addAll(tags(v.toString()));
                }
            });
        } else if (value != null) {
            for (String t : value.toString().split(",")) {
                if (!t.isBlank()) {
                    out.add(t.strip());
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("tags is empty: give a comma-separated text or a list of tags");
        }
        return new ArrayList<>(out);
    }

    private static String required(Map<String, Object> p, String name) {
        String v = text(p, name, null);
        if (v == null) {
            throw new IllegalArgumentException(name + " is required and has no value");
        }
        return v;
    }

    private static String text(Map<String, Object> p, String name, String fallback) {
        Object v = p.get(name);
        if (v == null || v.toString().isBlank()) {
            return fallback;
        }
        return v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : v.toString();
    }

    private static void putText(Map<String, Object> d, Map<String, Object> p, String name) {
        String v = text(p, name, null);
        if (v != null) {
            d.put(name, v);
        }
    }

    private static boolean bool(Map<String, Object> p, String name) {
        Object v = p.get(name);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        String s = v.toString().strip().toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false")) {
            throw new IllegalArgumentException(name + " must be true or false, not '" + v + "'");
        }
        return s.equals("true");
    }

    /** The value a summary shows first: the comment, the title, the new status... */
    String headline() {
        Object v = switch (what) {
            case "add comment" -> details.get("comment");
            case "add note" -> details.get("title");
            case "set status" -> details.get("status");
            case "set severity" -> details.get("severity");
            case "pin" -> details.get("data");
            case "add tag" -> String.join(", ", castTags());
            case "create artifact" -> details.getOrDefault("name", "");
            default -> details.get("task_name");
        };
        return String.valueOf(v);
    }

    /** The summary key of {@link #headline()}, as the spec declares it. */
    String headlineKey() {
        return switch (what) {
            case "add comment" -> "comment";
            case "add note" -> "title";
            case "set status" -> "status";
            case "set severity" -> "severity";
            case "pin" -> "data";
            case "add tag" -> "tags";
            case "create artifact" -> "name";
            default -> "task_name";
        };
    }

    @SuppressWarnings("unchecked")
    List<String> castTags() {
        return (List<String>) details.get("tags");
    }
}
