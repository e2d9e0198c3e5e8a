package dev.wisp.engine.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Fills {@code {0}}, {@code {1}} placeholders; {@code {{}} and {@code }}} are literal braces. */
final class Templates {
    private Templates() {
    }

    /** The whole text: each placeholder gets all its values, nulls dropped, joined by {@code separator}. */
    static String whole(String template, List<List<Object>> params, String separator) {
        List<String> joined = new ArrayList<>();
        for (List<Object> values : params) {
            joined.add(values.stream().filter(Objects::nonNull).map(Templates::text)
                    .collect(Collectors.joining(separator)));
        }
        return fill(template, joined);
    }

    /** One text per row: row i takes value i of each parameter (a single value repeats). */
    static List<String> rows(String template, List<List<Object>> params) {
        int n = params.stream().mapToInt(List::size).max().orElse(1);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>();
            for (List<Object> values : params) {
                Object v = values.isEmpty() ? null : values.size() == 1 ? values.get(0) : i < values.size()
                        ? values.get(i) : null;
                row.add(v == null ? "" : text(v));
            }
            out.add(fill(template, row));
        }
        return out;
    }

    static String text(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    private static String fill(String template, List<String> values) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
                out.append(c);
                i += 2;
            } else if (c == '{') {
                int close = template.indexOf('}', i);
                String inside = close < 0 ? "" : template.substring(i + 1, close);
                if (inside.matches("[0-9]{1,4}") && Integer.parseInt(inside) < values.size()) {
                    out.append(values.get(Integer.parseInt(inside)));
                    i = close + 1;
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
