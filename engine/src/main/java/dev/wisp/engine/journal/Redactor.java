package dev.wisp.engine.journal;

import dev.wisp.spi.AssetConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces every secret value (asset fields marked secret) with {@code ***} wherever it appears: in strings, inside
 * longer strings, and in nested maps and lists. Applied to the journal, the report and every printed message.
 */
public final class Redactor {
    public static final String MASK = "***";
    private final List<String> secrets;

    public Redactor(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    /** The secret values of these assets. */
    public static Redactor of(Collection<AssetConfig> assets) {
        List<String> values = new ArrayList<>();
        for (AssetConfig a : assets) {
            for (String field : a.secretFields()) {
                a.value(field).ifPresent(v -> values.add(v.toString()));
            }
        }
        return new Redactor(values);
    }

    public String text(String s) {
        if (s == null || secrets.isEmpty()) {
            return s;
        }
        String out = s;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    /** A redacted copy of a JSON-like value. */
    public Object value(Object v) {
        if (secrets.isEmpty()) {
            return v;
        }
        if (v instanceof String s) {
            return text(s);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(text(String.valueOf(k)), value(x)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(value(x)));
            return out;
        }
        return v;
    }
}
