package dev.wisp.http;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Masks secret values (tokens, passwords, API keys) in text before it leaves the client: in failure messages, in
 * excerpts of answers (a server may echo a token back) and in log lines. Longest first, so a secret that contains
 * another is masked whole.
 */
public final class Secrets {
    public static final String MASK = "***";
    private final List<String> values;

    public Secrets(Collection<String> values) {
        this.values = values.stream().filter(v -> v != null && !v.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static Secrets none() {
        return new Secrets(List.of());
    }

    /** These secrets and more. */
    public Secrets and(Collection<String> more) {
        List<String> all = new java.util.ArrayList<>(values);
        all.addAll(more);
        return new Secrets(all);
    }

    public String mask(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String v : values) {
            out = out.replace(v, MASK);
            // the percent-encoded form, as a secret query parameter appears in a URL
            String encoded = java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
            if (!encoded.equals(v)) {
                out = out.replace(encoded, MASK);
            }
        }
        return out;
    }
}
