package dev.wisp.engine.journal;

import dev.wisp.spi.AssetConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces every secret value (asset fields marked secret) with {@code ***} wherever it appears in a value: in
 * strings, inside longer strings, and in nested maps and lists. Applied to the journal, the report and every printed
 * message.
 *
 * <p>A secret shorter than {@link #MIN_LENGTH} cannot be masked safely inside text: replacing every {@code a} would
 * mangle ordinary words and names, and the pattern of masks would spell the secret out. Such a secret is masked only
 * where it is a whole value (never in map keys); assets refuse them when they are loaded ({@link #tooShort}). A map
 * key holding a secret is masked so that the map's keys stay distinct: the structure of what is redacted never
 * changes.
 */
public final class Redactor {
    public static final String MASK = "***";
    /** The shortest secret masked inside longer text. */
    public static final int MIN_LENGTH = 8;
    private final List<String> secrets;
    private final List<String> whole;

    public Redactor(Collection<String> secrets) {
        List<String> distinct = secrets.stream().filter(s -> s != null && !s.isEmpty()).distinct().toList();
        this.secrets = distinct.stream().filter(s -> !tooShort(s))
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.whole = distinct.stream().filter(Redactor::tooShort).toList();
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    /** Whether a secret is too short to be masked inside text (it is refused as an asset's secret). */
    public static boolean tooShort(String secret) {
        return secret.codePointCount(0, secret.length()) < MIN_LENGTH;
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

    /** This redactor's secrets and another's. */
    public Redactor and(Redactor other) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(whole);
        all.addAll(other.secrets);
        all.addAll(other.whole);
        return new Redactor(all);
    }

    public String text(String s) {
        if (s == null || (secrets.isEmpty() && whole.isEmpty())) {
            return s;
        }
        return whole.contains(s) ? MASK : inside(s);
    }

    private String inside(String s) {
        String out = s;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    /** A redacted copy of a JSON-like value. */
    public Object value(Object v) {
        if (secrets.isEmpty() && whole.isEmpty()) {
            return v;
        }
        if (v instanceof String s) {
            return text(s);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> {
                String key = String.valueOf(k);
                // keys are names more than values: a short secret is not looked for in them, and a masked key that
                // would collide with another keeps the map's shape with a numbered mask
                String masked = inside(key);
                for (int n = 2; !masked.equals(key) && (m.containsKey(masked) || out.containsKey(masked)); n++) {
                    masked = inside(key) + "#" + n;
                }
                out.put(masked, value(x));
            });
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
