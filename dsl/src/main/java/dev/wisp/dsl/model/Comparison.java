package dev.wisp.dsl.model;

import dev.wisp.dsl.diag.Location;
import java.util.Objects;

/**
 * {@code [left, op, right]}, or {@code [left, op]} for unary operators.
 *
 * @param left     the left side (usually a data path)
 * @param operator the operator
 * @param right    the right side, {@code null} for unary operators
 * @param location where the comparison is written
 */
public record Comparison(Value left, Operator operator, Value right, Location location) {
    public Comparison {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(location, "location");
        if (operator.unary() != (right == null)) {
            throw new IllegalArgumentException("operator " + operator.symbol() + (operator.unary()
                    ? " takes no right-hand side" : " needs a right-hand side"));
        }
    }
}
