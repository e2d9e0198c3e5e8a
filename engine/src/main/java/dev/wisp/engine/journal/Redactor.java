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
    /** Secrets learned during the run (values of password parameters), longest first; replaced, never changed. */
    private volatile List<String> learned = List.of();
    private volatile List<String> learnedWhole = List.of();
    /** The secrets masked inside text, the asset's and the learned ones, longest first (kept, not sorted per text). */
    private volatile List<String> withinText;

    /** Longest first, so that a secret inside a longer one is not masked first (a class, not a lambda: see below). */
    private static final Comparator<String> LONGEST_FIRST = new Comparator<>() {
        @Override
        public int compare(String a, String b) {
            return Integer.compare(b.length(), a.length());
        }
    };

    public Redactor(Collection<String> secrets) {
        // loops, not streams: every command makes one of these first thing, and a first stream costs milliseconds
        List<String> masked = new ArrayList<>();
        List<String> shortOnes = new ArrayList<>();
        for (String s : new java.util.LinkedHashSet<>(secrets)) {
            if (s != null && !s.isEmpty()) {
                (tooShort(s) ? shortOnes : masked).add(s);
            }
        }
        masked.sort(LONGEST_FIRST);
        this.secrets = List.copyOf(masked);
        this.whole = List.copyOf(shortOnes);
        this.withinText = this.secrets;
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
        all.addAll(learned);
        all.addAll(learnedWhole);
        all.addAll(other.secrets);
        all.addAll(other.whole);
        all.addAll(other.learned);
        all.addAll(other.learnedWhole);
        return new Redactor(all);
    }

    /**
     * Adds a secret found while the run goes (the value of a {@code password} parameter): from now on it is masked
     * like the asset secrets this redactor started with, in every journal line, report and message it redacts.
     * Thread-safe.
     */
    public synchronized void learn(String secret) {
        if (secret == null || secret.isEmpty() || secrets.contains(secret) || whole.contains(secret)
                || learned.contains(secret) || learnedWhole.contains(secret)) {
            return;
        }
        if (tooShort(secret)) {
            List<String> w = new ArrayList<>(learnedWhole);
            w.add(secret);
            learnedWhole = List.copyOf(w);
            return;
        }
        List<String> l = new ArrayList<>(learned);
        l.add(secret);
        l.sort(LONGEST_FIRST);
        learned = List.copyOf(l);
        List<String> all = new ArrayList<>(secrets);
        all.addAll(learned);
        all.sort(LONGEST_FIRST);
        withinText = List.copyOf(all);
    }

    private boolean empty() {
        return secrets.isEmpty() && whole.isEmpty() && learned.isEmpty() && learnedWhole.isEmpty();
    }

    public String text(String s) {
        if (s == null || empty()) {
            return s;
        }
        return whole.contains(s) || learnedWhole.contains(s) ? MASK : inside(s);
    }

    private String inside(String s) {
        String out = s;
        for (String secret : withinText) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    /** A redacted copy of a JSON-like value. */
    public Object value(Object v) {
        if (empty()) {
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
