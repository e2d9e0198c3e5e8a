package dev.wisp.spi;

import java.util.List;
import java.util.Objects;

/**
 * How an action's results are best shown (the seed's "widget"), declared rather than coded: {@code wisp show} draws
 * it as aligned tables in the terminal and {@code wisp show --html} as tables on the run's page. Paths are the
 * action's declared output data paths ({@code action_result.data.*.*.id}), so a view can only show what the action
 * says it produces; an action without views gets a generic view of its data.
 */
public sealed interface View permits View.Table, View.Summary, View.Progress {
    /** The view's title. */
    String title();

    /** Every output data path the view reads. */
    List<String> paths();

    /** How a value is written. */
    enum Format {
        /** As it is. */
        TEXT,
        /** A number, grouped by thousands. */
        NUMBER,
        /** Seconds since 1970 (or an ISO-8601 text) as a UTC date and time. */
        TIME,
        /** A state (running, SUCCESS, failed...), coloured by what it means. */
        STATE,
        /** Seconds as a duration (1h 2m 3s). */
        SECONDS
    }

    /**
     * One column of a table: a field of each row.
     *
     * @param header its header
     * @param field  the field of a row ({@code instance_name}), read at {@code rows + "." + field}
     * @param format how its values are written
     */
    record Column(String header, String field, Format format) {
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(field, "field");
            format = format == null ? Format.TEXT : format;
        }
    }

    /**
     * A table: one row per item at {@code rows} (a path ending in {@code *}, such as {@code action_result.data.*.*}
     * or {@code action_result.data.*.subtasks.*}), one column per field.
     */
    record Table(String title, String rows, List<Column> columns) implements View {
        public Table {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(rows, "rows");
            if (!rows.endsWith(".*")) {
                throw new IllegalArgumentException("view " + title + ": rows must be a list path ending in .*, not '"
                        + rows + "'");
            }
            columns = List.copyOf(columns);
        }

        @Override
        public List<String> paths() {
            return columns.stream().map(c -> rows + "." + c.field()).toList();
        }
    }

    /**
     * One line of a summary.
     *
     * @param label  its label
     * @param path   the output data path of its value
     * @param format how the value is written
     */
    record Field(String label, String path, Format format) {
        public Field {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(path, "path");
            format = format == null ? Format.TEXT : format;
        }
    }

    /** Labelled values, one a line (totals, ids, the state of a capture). */
    record Summary(String title, List<Field> fields) implements View {
        public Summary {
            Objects.requireNonNull(title, "title");
            fields = List.copyOf(fields);
        }

        @Override
        public List<String> paths() {
            return fields.stream().map(Field::path).toList();
        }
    }

    /** How far something got: {@code done} of {@code total} (numbers, or lists whose sizes are counted). */
    record Progress(String title, String done, String total) implements View {
        public Progress {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(done, "done");
            Objects.requireNonNull(total, "total");
        }

        @Override
        public List<String> paths() {
            return List.of(done, total);
        }
    }
}
