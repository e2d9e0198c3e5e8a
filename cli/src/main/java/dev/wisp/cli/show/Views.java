package dev.wisp.cli.show;

import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.View;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An execution's result through its action's declared views, or, for actions that declare none, a generic view:
 * its data items as a table of their plain fields and its summary as labelled values.
 */
public final class Views {
    /** The most columns a generic table shows. */
    static final int GENERIC_COLUMNS = 8;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Views() {
    }

    /** The views of one result ({@code status, message, parameter, data, summary}) of an action (or null). */
    static List<Shown> of(ActionSpec spec, Map<?, ?> result) {
        if (spec == null || spec.views().isEmpty()) {
            return generic(result);
        }
        List<Shown> out = new ArrayList<>();
        for (View v : spec.views()) {
            Shown s = shown(v, result);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static Shown shown(View v, Map<?, ?> result) {
        if (v instanceof View.Table t) {
            List<Object> items = ResultPaths.values(result, t.rows());
            if (items.isEmpty()) {
                return null;
            }
            List<List<String>> rows = new ArrayList<>();
            for (Object item : items) {
                List<String> row = new ArrayList<>();
                t.columns().forEach(c -> row.add(capped(format(ResultPaths.field(item, c.field()), c.format()))));
                rows.add(row);
            }
            return new Shown.Table(t.title(), t.columns().stream().map(View.Column::header).toList(), rows,
                    t.columns().stream().map(c -> c.format() == View.Format.STATE).toList());
        } else if (v instanceof View.Summary s) {
            List<String> labels = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (View.Field f : s.fields()) {
                List<Object> found = ResultPaths.values(result, f.path());
                if (!found.isEmpty()) {
                    labels.add(f.label());
                    values.add(capped(String.join(", ", found.stream().map(x -> format(x, f.format())).toList())));
                }
            }
            return labels.isEmpty() ? null : new Shown.Summary(s.title(), labels, values);
        } else if (v instanceof View.Progress p) {
            Double done = amount(ResultPaths.values(result, p.done()));
            Double total = amount(ResultPaths.values(result, p.total()));
            return done == null || total == null ? null : new Shown.Progress(p.title(), done, total);
        }
        throw new IllegalStateException("a view of a kind not drawn here: " + v);
    }

    /** A number, or the size of a list (or of all values found, when there are several). */
    private static Double amount(List<Object> found) {
        if (found.size() == 1 && found.get(0) instanceof Number n) {
            return n.doubleValue();
        }
        if (found.size() == 1 && found.get(0) instanceof List<?> l) {
            return (double) l.size();
        }
        return found.isEmpty() ? null : (double) found.size();
    }

    private static List<Shown> generic(Map<?, ?> result) {
        List<Shown> out = new ArrayList<>();
        List<Object> items = new ArrayList<>();
        if (result.get("data") instanceof List<?> data) {
            for (Object d : data) {
                if (d instanceof List<?> inner) {
                    items.addAll(inner); // SOAR's list-of-lists data: one row per inner item
                } else {
                    items.add(d);
                }
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> m) {
                m.forEach((k, v) -> {
                    if (keys.size() < GENERIC_COLUMNS && !(v instanceof Map) && !(v instanceof List)) {
                        keys.add(String.valueOf(k));
                    }
                });
            }
        }
        if (!items.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            List<String> headers = keys.isEmpty() ? List.of("value") : List.copyOf(keys);
            for (Object item : items) {
                List<String> row = new ArrayList<>();
                if (keys.isEmpty()) {
                    row.add(capped(format(item, View.Format.TEXT)));
                } else {
                    headers.forEach(k -> row.add(capped(format(item instanceof Map<?, ?> m ? m.get(k) : null,
                            View.Format.TEXT))));
                }
                rows.add(row);
            }
            out.add(new Shown.Table("Data", headers, rows, headers.stream().map(h -> h.equals("state")
                    || h.equals("status")).toList()));
        }
        if (result.get("summary") instanceof Map<?, ?> summary && !summary.isEmpty()) {
            List<String> labels = new ArrayList<>();
            List<String> values = new ArrayList<>();
            summary.forEach((k, v) -> {
                labels.add(String.valueOf(k));
                values.add(capped(format(v, View.Format.TEXT)));
            });
            out.add(new Shown.Summary("Summary", labels, values));
        }
        return out;
    }

    /** The most characters of one value shown; the whole value is in the report and the journal. */
    static final int MAX_VALUE_CHARS = 2000;

    private static String capped(String v) {
        return v.length() <= MAX_VALUE_CHARS ? v : v.substring(0, MAX_VALUE_CHARS - 1) + "…";
    }

    /** A value as text in the given format; null is empty. */
    static String format(Object v, View.Format format) {
        if (v == null) {
            return "";
        }
        try {
            return switch (format) {
                case TEXT, STATE -> text(v);
                case NUMBER -> v instanceof Number n ? number(n) : text(v);
                case TIME -> v instanceof Number n ? TIME.format(Instant.ofEpochMilli((long) (n.doubleValue() * 1000)))
                        : TIME.format(Instant.parse(String.valueOf(v)));
                case SECONDS -> v instanceof Number n ? seconds(n.longValue()) : text(v);
            };
        } catch (RuntimeException e) {
            return text(v); // a value that does not fit its format is shown as it is
        }
    }

    private static String text(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d.longValue());
        }
        if (v instanceof Map || v instanceof List) {
            return json(v);
        }
        return String.valueOf(v);
    }

    static String json(Object v) {
        try {
            return dev.wisp.engine.journal.JournalCodec.mapper().writeValueAsString(v);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(v);
        }
    }

    private static String number(Number n) {
        DecimalFormat f = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(n);
    }

    static String seconds(long s) {
        if (s < 60) {
            return s + "s";
        }
        long h = s / 3600;
        long m = s % 3600 / 60;
        long sec = s % 60;
        return (h > 0 ? h + "h " : "") + (h > 0 || m > 0 ? m + "m " : "") + sec + "s";
    }
}
