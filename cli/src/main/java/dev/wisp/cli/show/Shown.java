package dev.wisp.cli.show;

import java.util.List;

/** A view of results, evaluated and formatted, ready to be drawn as text or HTML. */
sealed interface Shown permits Shown.Table, Shown.Summary, Shown.Progress {
    String title();

    /**
     * A table.
     *
     * @param states per column, whether its values are states (coloured by what they mean)
     */
    record Table(String title, List<String> headers, List<List<String>> rows, List<Boolean> states)
            implements Shown {
    }

    /** Labelled values. */
    record Summary(String title, List<String> labels, List<String> values) implements Shown {
    }

    /** {@code done} of {@code total}. */
    record Progress(String title, double done, double total) implements Shown {
        int percent() {
            return total <= 0 ? 0 : (int) Math.round(Math.min(100, 100 * done / total));
        }
    }
}
