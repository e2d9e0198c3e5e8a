package dev.wisp.engine.exec;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Fills {@code {0}}, {@code {1}} placeholders; {@code {{}} and {@code }}} are literal braces. Format templates may
 * also hold SOAR's {@code %%...%%} row sections: a section is written once per row of the parameters it uses.
 */
final class Templates {
    static final String MARKER = "%%";

    private Templates() {
    }

    /** A format's two outputs: {@code formatted_data} and {@code formatted_data.*}. */
    record Formatted(String whole, List<String> rows) {
    }

    /** A piece of a template: literal text written once, or a row section (its markers and edge newlines removed). */
    record Part(String text, boolean section) {
    }

    /**
     * A format block's outputs. The whole text: text outside sections as {@link #whole}; each section repeated once
     * per row (row i takes value i of each parameter it uses, a single value repeats), the repetitions joined by
     * newlines. The rows: the template without its markers, filled once per row of all parameters ({@link #rows}).
     * With {@code dropNone}, each parameter's nulls are removed before rows are paired.
     */
    static Formatted format(String template, List<List<Object>> params, String separator, boolean dropNone) {
        List<List<Object>> values = dropNone ? params.stream().map(Templates::withoutNulls).toList() : params;
        List<Part> parts = parts(template);
        StringBuilder whole = new StringBuilder(template.length() + 64);
        StringBuilder unmarked = new StringBuilder(template.length());
        for (Part p : parts) {
            unmarked.append(p.text());
            if (!p.section()) {
                whole.append(whole(p.text(), values, separator));
                continue;
            }
            BitSet used = placeholders(p.text());
            int n = used.isEmpty() ? 1 : used.stream().filter(i -> i < values.size())
                    .map(i -> values.get(i).size()).max().orElse(1);
            whole.append(String.join("\n", rows(p.text(), values, n)));
        }
        return new Formatted(whole.toString(), rows(unmarked.toString(), values));
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
        return rows(template, params, params.stream().mapToInt(List::size).max().orElse(1));
    }

    private static List<String> rows(String template, List<List<Object>> params, int n) {
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

    /**
     * Splits a template at its {@code %%} markers. A newline right after an opening marker or right before a
     * closing one belongs to the marker, so that {@code %%\n| {0} |\n%%} writes one line per row. A last marker
     * without its pair (validation reports it as WSP080) is literal text.
     */
    static List<Part> parts(String template) {
        List<Part> out = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = template.indexOf(MARKER, at);
            int close = open < 0 ? -1 : template.indexOf(MARKER, open + MARKER.length());
            if (close < 0) {
                addText(out, template.substring(at));
                return out;
            }
            addText(out, template.substring(at, open));
            String body = template.substring(open + MARKER.length(), close);
            body = body.startsWith("\r\n") ? body.substring(2) : body.startsWith("\n") ? body.substring(1) : body;
            body = body.endsWith("\r\n") ? body.substring(0, body.length() - 2)
                    : body.endsWith("\n") ? body.substring(0, body.length() - 1) : body;
            out.add(new Part(body, true));
            at = close + MARKER.length();
        }
    }

    private static void addText(List<Part> out, String text) {
        if (!text.isEmpty()) {
            out.add(new Part(text, false));
        }
    }

    /** The parameter numbers a piece of template uses. */
    private static BitSet placeholders(String template) {
        BitSet used = new BitSet();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
                i += 2;
            } else if (c == '{') {
                int close = template.indexOf('}', i);
                String inside = close < 0 ? "" : template.substring(i + 1, close);
                if (inside.matches("[0-9]{1,4}")) {
                    used.set(Integer.parseInt(inside));
                    i = close + 1;
                } else {
                    i++;
                }
            } else {
                i++;
            }
        }
        return used;
    }

    private static List<Object> withoutNulls(List<Object> values) {
        return values.stream().filter(Objects::nonNull).toList();
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
