package dev.wisp.cli.show;

import java.util.ArrayList;
import java.util.List;

/**
 * Views as aligned text for the terminal: tables fit the width (the widest columns give way first, cut values end
 * in an ellipsis), long tables show their first rows and say how many more there are.
 */
public final class TerminalViews {
    /** Rows of one table printed before the rest is counted. */
    static final int MAX_ROWS = 20;

    private TerminalViews() {
    }

    /** The lines of a view, indented by {@code indent}, at most {@code width} characters wide. */
    static List<String> lines(Shown shown, int width, String indent) {
        List<String> out = new ArrayList<>();
        int room = Math.max(20, width - indent.length());
        if (shown instanceof Shown.Table t) {
            out.add(indent + t.title() + " (" + t.rows().size() + " row" + (t.rows().size() == 1 ? "" : "s") + ")");
            List<List<String>> rows = t.rows().size() > MAX_ROWS ? t.rows().subList(0, MAX_ROWS) : t.rows();
            int[] widths = widths(t.headers(), rows, room);
            out.add(indent + row(t.headers(), widths));
            out.add(indent + row(t.headers().stream().map(h -> "-".repeat(h.length())).toList(), widths));
            rows.forEach(r -> out.add(indent + row(r, widths)));
            if (t.rows().size() > rows.size()) {
                out.add(indent + "... " + (t.rows().size() - rows.size()) + " more (wisp show --html, or "
                        + "--output json)");
            }
        } else if (shown instanceof Shown.Summary s) {
            out.add(indent + s.title());
            int w = s.labels().stream().mapToInt(String::length).max().orElse(0);
            for (int i = 0; i < s.labels().size(); i++) {
                out.add(indent + "  " + cut(pad(s.labels().get(i), w) + "  " + s.values().get(i), room - 2));
            }
        } else if (shown instanceof Shown.Progress p) {
            int bar = Math.min(30, Math.max(10, room - p.title().length() - 20));
            int filled = bar * p.percent() / 100;
            out.add(indent + p.title() + " [" + "#".repeat(filled) + ".".repeat(bar - filled) + "] "
                    + Views.format(p.done(), dev.wisp.spi.View.Format.NUMBER) + "/"
                    + Views.format(p.total(), dev.wisp.spi.View.Format.NUMBER));
        }
        return out;
    }

    /** Column widths that fit {@code room}: each as wide as its widest cell, the widest cut first. */
    static int[] widths(List<String> headers, List<List<String>> rows, int room) {
        int n = headers.size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = headers.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], i < r.size() ? oneLine(r.get(i)).length() : 0);
            }
        }
        int gaps = 2 * (n - 1);
        while (sum(w) + gaps > room) {
            int widest = 0;
            for (int i = 1; i < n; i++) {
                widest = w[i] > w[widest] ? i : widest;
            }
            if (w[widest] <= 6) {
                break; // too many columns to fit: let the line be long rather than unreadable
            }
            w[widest]--;
        }
        return w;
    }

    private static int sum(int[] w) {
        int s = 0;
        for (int x : w) {
            s += x;
        }
        return s;
    }

    private static String row(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String c = i < cells.size() ? cut(oneLine(cells.get(i)), widths[i]) : "";
            b.append(i == widths.length - 1 ? c : pad(c, widths[i]) + "  ");
        }
        return b.toString().stripTrailing();
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    static String cut(String s, int width) {
        return s.length() <= width ? s : width <= 1 ? s.substring(0, width) : s.substring(0, width - 1) + "…";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
