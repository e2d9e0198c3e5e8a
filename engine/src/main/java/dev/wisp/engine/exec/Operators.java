package dev.wisp.engine.exec;

import dev.wisp.dsl.model.Operator;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The comparison operators with SOAR's meanings: numbers compare as numbers, everything else as text; {@code in} is
 * substring, list membership, or an IP in a CIDR range. A list on the right of {@code ==}/{@code !=} means "equals
 * one of"/"equals none of".
 *
 * <p>A value with several values (a list field, or a {@link Several} of another source's rows) is never compared as
 * text: a positive operator holds when it holds for at least one of the values, and each negated operator
 * ({@code !=}, {@code not in}, {@code not matches}, {@code is empty}, {@code not exists}) is exactly the negation of
 * its positive form, so it holds when the positive form holds for none. A missing value (null) never matches an
 * ordering, {@code in} or {@code matches} comparison.
 */
final class Operators {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Operators() {
    }

    /**
     * The values of another source than the one a condition iterates, when it yielded more than one row.
     *
     * @param values the values, in row order
     */
    record Several(List<Object> values) {
        Several {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    static boolean test(Operator op, Object left, Object right, boolean caseSensitive) {
        return test(op, left, right, caseSensitive, new java.util.HashMap<>());
    }

    /** As {@link #test(Operator, Object, Object, boolean)}, compiling each regex once into the caller's cache. */
    static boolean test(Operator op, Object left, Object right, boolean caseSensitive, Map<String, Pattern> patterns) {
        return switch (op) {
            case EQ -> any(left, l -> any(right, r -> equal(l, r, caseSensitive)));
            case NE -> !test(Operator.EQ, left, right, caseSensitive, patterns);
            case LT -> any(left, l -> any(right, r -> ordered(l, r, caseSensitive, c -> c < 0)));
            case LE -> any(left, l -> any(right, r -> ordered(l, r, caseSensitive, c -> c <= 0)));
            case GT -> any(left, l -> any(right, r -> ordered(l, r, caseSensitive, c -> c > 0)));
            case GE -> any(left, l -> any(right, r -> ordered(l, r, caseSensitive, c -> c >= 0)));
            case IN -> any(left, l -> in(l, right, caseSensitive));
            case NOT_IN -> !test(Operator.IN, left, right, caseSensitive, patterns);
            case MATCHES -> any(left, l -> any(right, r -> l != null && r != null
                    && pattern(text(r), caseSensitive, patterns).matcher(text(l)).find()));
            case NOT_MATCHES -> !test(Operator.MATCHES, left, right, caseSensitive, patterns);
            case IS_NOT_EMPTY -> left instanceof Several s ? s.values().stream().anyMatch(v -> !empty(v)) : !empty(left);
            case IS_EMPTY -> !test(Operator.IS_NOT_EMPTY, left, right, caseSensitive, patterns);
            case EXISTS -> left instanceof Several s ? s.values().stream().anyMatch(java.util.Objects::nonNull)
                    : left != null;
            case NOT_EXISTS -> !test(Operator.EXISTS, left, right, caseSensitive, patterns);
        };
    }

    /** Whether a comparison with these values reads a missing value where the operator needs one. */
    static boolean missing(Operator op, Object left, Object right) {
        return switch (op) {
            case LT, LE, GT, GE, IN, NOT_IN, MATCHES, NOT_MATCHES -> left == null || right == null
                    && op != Operator.IN && op != Operator.NOT_IN;
            case EQ, NE, IS_EMPTY, IS_NOT_EMPTY, EXISTS, NOT_EXISTS -> false;
        };
    }

    /** Whether {@code test} holds for the value, or for any of its values when it has several. */
    private static boolean any(Object value, java.util.function.Predicate<Object> test) {
        if (value instanceof Several s) {
            return s.values().stream().anyMatch(test);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().anyMatch(test);
        }
        return test.test(value);
    }

    private static boolean empty(Object v) {
        return v == null || (v instanceof String s && s.isEmpty()) || (v instanceof Collection<?> c && c.isEmpty())
                || (v instanceof Map<?, ?> m && m.isEmpty());
    }

    private static BigDecimal number(Object v) {
        if (v instanceof Number n) {
            try {
                return new BigDecimal(n.toString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String text(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    static boolean equal(Object a, Object b, boolean caseSensitive) {
        if (a == null || b == null) {
            return a == b;
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y) == 0;
        }
        return caseSensitive ? text(a).equals(text(b)) : text(a).equalsIgnoreCase(text(b));
    }

    /** Whether two values are ordered as {@code test} asks; a missing value or a mapping orders with nothing. */
    private static boolean ordered(Object a, Object b, boolean caseSensitive, java.util.function.IntPredicate test) {
        if (a == null || b == null || a instanceof Map || b instanceof Map) {
            return false;
        }
        return test.test(compare(a, b, caseSensitive));
    }

    private static int compare(Object a, Object b, boolean caseSensitive) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        return caseSensitive ? text(a).compareTo(text(b)) : text(a).compareToIgnoreCase(text(b));
    }

    private static boolean in(Object left, Object right, boolean caseSensitive) {
        if (left == null || right == null) {
            return false;
        }
        if (right instanceof Several s) {
            return s.values().stream().anyMatch(r -> member(left, r, caseSensitive));
        }
        if (right instanceof Collection<?> c) {
            return c.stream().anyMatch(r -> member(left, r, caseSensitive));
        }
        String r = text(right);
        String l = text(left);
        if (r.contains("/") && isIp(l)) {
            Boolean inRange = cidr(l, r);
            if (inRange != null) {
                return inRange;
            }
        }
        return caseSensitive ? r.contains(l) : r.toLowerCase(Locale.ROOT).contains(l.toLowerCase(Locale.ROOT));
    }

    /** {@code in} a list: equal to an element, or an IP inside an element that is a CIDR range. */
    private static boolean member(Object left, Object element, boolean caseSensitive) {
        if (equal(left, element, caseSensitive)) {
            return true;
        }
        if (left == null || element == null) {
            return false;
        }
        String l = text(left);
        String r = text(element);
        return r.contains("/") && isIp(l) && Boolean.TRUE.equals(cidr(l, r));
    }

    private static boolean isIp(String s) {
        return IPV4.matcher(s).matches() || (s.contains(":") && s.matches("[0-9a-fA-F:.]+"));
    }

    /** Whether an IP is in a CIDR range; null when the range is not one. Never resolves names. */
    private static Boolean cidr(String ip, String range) {
        String[] parts = range.split("/", 2);
        if (!isIp(parts[0]) || !parts[1].matches("\\d{1,3}")) {
            return null;
        }
        try {
            byte[] a = InetAddress.getByName(ip).getAddress();
            byte[] n = InetAddress.getByName(parts[0]).getAddress();
            int bits = Integer.parseInt(parts[1]);
            if (a.length != n.length || bits > a.length * 8) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (n[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Pattern pattern(String regex, boolean caseSensitive, Map<String, Pattern> patterns) {
        return patterns.computeIfAbsent((caseSensitive ? "s:" : "i:") + regex, k -> {
            try {
                return Pattern.compile(regex, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw new ConditionException("'" + regex + "' is not a valid regular expression: "
                        + e.getDescription());
            }
        });
    }

    /** A condition that cannot be evaluated; the block fails with this message. */
    static final class ConditionException extends RuntimeException {
        ConditionException(String message) {
            super(message);
        }
    }

    static List<Object> listOf(Object v) {
        return v instanceof List<?> l ? List.copyOf(l.stream().map(x -> (Object) x).toList()) : List.of(v);
    }
}
