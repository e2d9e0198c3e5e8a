package dev.wisp.dsl.model;

/** Comparison operators of filters, decisions and repeat conditions. */
public enum Operator {
    EQ("=="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    /** SOAR's overloaded {@code in}: substring, list membership, or CIDR membership of an IP. */
    IN("in"),
    NOT_IN("not in"),
    /** Regular-expression match (Java syntax, anywhere in the value; anchor with ^ and $). */
    MATCHES("matches"),
    NOT_MATCHES("not matches"),
    /** Unary: null, empty string, or empty list. */
    IS_EMPTY("is empty"),
    IS_NOT_EMPTY("is not empty"),
    /** Unary: the path yields a value (even an empty one). */
    EXISTS("exists"),
    NOT_EXISTS("not exists");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in YAML. */
    public String symbol() {
        return symbol;
    }

    /** Whether the operator takes no right-hand side. */
    public boolean unary() {
        return this == IS_EMPTY || this == IS_NOT_EMPTY || this == EXISTS || this == NOT_EXISTS;
    }

    /** Parses the YAML spelling; returns {@code null} for an unknown operator. */
    public static Operator fromSymbol(String symbol) {
        for (Operator op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        return null;
    }
}
