package dev.wisp.plugins.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads parameter values leniently but predictably: the engine has already checked the declared types. */
final class Params {
    private final Map<String, Object> values;

    Params(Map<String, Object> values) {
        this.values = values;
    }

    Object value(String name) {
        return values.get(name);
    }

    String string(String name, String fallback) {
        Object v = values.get(name);
        return v == null ? fallback : v.toString();
    }

    boolean bool(String name, boolean fallback) {
        Object v = values.get(name);
        if (v instanceof Boolean b) {
            return b;
        }
        return v == null ? fallback : Boolean.parseBoolean(v.toString().trim());
    }

    /** A number parameter; throws {@link IllegalArgumentException} with the parameter's name when it is not one. */
    BigDecimal number(String name, BigDecimal fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + v + "'");
        }
    }

    /** A list parameter: a list stays a list, a single value becomes a one-element list, null an empty list. */
    List<Object> list(String name) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        return new ArrayList<>(List.of(v));
    }
}
