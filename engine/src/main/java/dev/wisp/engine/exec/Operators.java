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
 */
final class Operators {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Operators() {
    }

    static boolean test(Operator op, Object left, Object right, boolean caseSensitive) {
        return test(op, left, right, caseSensitive, new java.util.HashMap<>());
    }

    /** As {@link #test(Operator, Object, Object, boolean)}, compiling each regex once into the caller's cache. */
    static boolean test(Operator op, Object left, Object right, boolean caseSensitive, Map<String, Pattern> patterns) {
        return switch (op) {
            case EQ -> right instanceof Collection<?> c ? c.stream().anyMatch(r -> equal(left, r, caseSensitive))
                    : equal(left, right, caseSensitive);
            case NE -> !test(Operator.EQ, left, right, caseSensitive, patterns);
            case LT -> compare(left, right, caseSensitive) < 0;
            case LE -> compare(left, right, caseSensitive) <= 0;
            case GT -> compare(left, right, caseSensitive) > 0;
            case GE -> compare(left, right, caseSensitive) >= 0;
            case IN -> in(left, right, caseSensitive);
            case NOT_IN -> !in(left, right, caseSensitive);
            case MATCHES -> left != null && pattern(String.valueOf(right), caseSensitive, patterns)
                    .matcher(text(left)).find();
            case NOT_MATCHES -> !test(Operator.MATCHES, left, right, caseSensitive, patterns);
            case IS_EMPTY -> empty(left);
            case IS_NOT_EMPTY -> !empty(left);
            case EXISTS -> left != null;
            case NOT_EXISTS -> left == null;
        };
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

    private static int compare(Object a, Object b, boolean caseSensitive) {
        if (a == null || b == null) {
            throw new ConditionException("cannot order a missing value");
        }
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
        if (right instanceof Collection<?> c) {
            return c.stream().anyMatch(r -> equal(left, r, caseSensitive));
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
