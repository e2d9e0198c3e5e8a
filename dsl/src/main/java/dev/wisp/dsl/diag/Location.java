package dev.wisp.dsl.diag;

import java.util.Objects;

/**
 * A place in a source file: 1-based line and column, as compilers print them.
 *
 * @param file   the file as the user named it (relative paths stay relative)
 * @param line   1-based line, or 0 when only the file is known
 * @param column 1-based column, or 0 when only the file is known
 */
public record Location(String file, int line, int column) implements Comparable<Location> {
    public Location {
        Objects.requireNonNull(file, "file");
    }

    /** A location naming only a file. */
    public static Location ofFile(String file) {
        return new Location(file, 0, 0);
    }

    /** This location moved {@code offset} characters to the right on the same line (for positions inside a scalar). */
    public Location shift(int offset) {
        return line == 0 ? this : new Location(file, line, column + offset);
    }

    @Override
    public int compareTo(Location o) {
        int c = file.compareTo(o.file);
        if (c == 0) {
            c = Integer.compare(line, o.line);
        }
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
