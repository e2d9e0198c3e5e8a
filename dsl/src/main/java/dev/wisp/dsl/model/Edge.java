package dev.wisp.dsl.model;

import dev.wisp.dsl.diag.Location;
import java.util.Objects;

/**
 * An edge {@code from[.port] -> to}. {@code start} and {@code end} are the implicit entry and exit.
 *
 * @param from     the source block, or {@code start}
 * @param port     the source port ({@code condition_1}, {@code else}, {@code success}, {@code failure}), or
 *                 {@code null} for the block's default output
 * @param to       the target block, or {@code end}
 * @param location where the edge is written
 */
public record Edge(String from, String port, String to, Location location) {
    public static final String START = "start";
    public static final String END = "end";

    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(location, "location");
    }

    /** The edge as written: {@code from.port -> to}. */
    public String text() {
        return from + (port == null ? "" : "." + port) + " -> " + to;
    }
}
