package dev.wisp.cli.show;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The values at an output data path ({@code action_result.data.*.*.id}) of one action result. */
final class ResultPaths {
    private ResultPaths() {
    }

    /** Every value at {@code path} in {@code result} (its {@code data}, {@code summary}...), in order. */
    static List<Object> values(Map<?, ?> result, String path) {
        String p = path.startsWith("action_result.") ? path.substring("action_result.".length()) : path;
        List<Object> current = new ArrayList<>();
        current.add(result);
        for (String segment : p.split("\\.")) {
            List<Object> next = new ArrayList<>();
            for (Object v : current) {
                if (segment.equals("*")) {
                    if (v instanceof List<?> l) {
                        next.addAll(l);
                    }
                } else if (v instanceof Map<?, ?> m && m.containsKey(segment)) {
                    next.add(m.get(segment));
                }
            }
            current = next;
        }
        return current;
    }

    /** The value of a row's field ({@code name}, or {@code placement.zone}), or null. */
    static Object field(Object row, String field) {
        Object v = row;
        for (String segment : field.split("\\.")) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            v = m.get(segment);
        }
        return v;
    }
}
