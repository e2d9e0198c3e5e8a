package dev.wisp.cado;

import java.math.BigDecimal;

/** Renders ids and query values: 7, 7.0 and "7" are all "7". */
final class Ids {
    private Ids() {
    }

    static String text(Object v) {
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            BigDecimal d = new BigDecimal(v.toString());
            return d.stripTrailingZeros().scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        return String.valueOf(v);
    }

    /** A positive whole id from a parameter, or an exception saying what was wrong. */
    static long id(String name, Object v) {
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        try {
            BigDecimal d = new BigDecimal(text(v).strip());
            long id = d.longValueExact();
            if (id < 0) {
                throw new ArithmeticException();
            }
            return id;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'");
        }
    }
}
