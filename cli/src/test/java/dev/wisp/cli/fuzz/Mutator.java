package dev.wisp.cli.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mutates text the way a careless hand or a broken generator would: characters, lines, indentation and scalar
 * values, biased towards what YAML and Wisp give meaning to ({@code .nan}, NUL, references, anchors, tabs, huge
 * numbers). Deterministic for a given {@link Random}.
 */
final class Mutator {
    /** Values that have broken parsers before, or that sit on a boundary of Wisp's rules. */
    static final List<String> INTERESTING = List.of(
            ".nan", ".NaN", "-.inf", "+.INF", ".Inf", "~", "null", "''", "\"\"", "true", "no", "0x1F", "0o17",
            "1e999", "-0", "99999999999999999999", "-9223372036854775809", "\"\\0x\"", "\"a\\0b\"", "\"\\x00\"",
            "${env:}", "${env:CADO_ACCESS_TOKEN}", "${file:}", "${file:\\0}", "${env:a b}", "'${file:/dev/null}'",
            "*a", "&a x", "!!binary AA==", "!!python/object:x", "<<", "[", "{", "]", "}", "[[", "- ", ": ", "? ",
            "|", ">", "#", "\t", "\\u0000", "\"\\uD800\"", "a:b:c", "x:action_result.data.*.", "filtered-data:",
            "playbook_input:", "container:", "artifact:*.cef.", "$.x[", "==", "in", "matches", "\"(\"", "[\"(\"]",
            "1h30m", "0s", "99999999999999999999d", "9223372036854775807ms", "-1", "0", "2147483648", "start",
            "end", "../x.yaml", "/", "\"\\0\"", "{{", "{0}", "%s", "\u202e", "\uFEFF", "é", "𝔘");

    private static final String PUNCTUATION = ":-[]{},#&*!|>'\"%@`?\t\n\\.$0 ";

    private final Random random;

    Mutator(Random random) {
        this.random = random;
    }

    /** One to four mutations of {@code text}. */
    String mutate(String text) {
        String out = text;
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            out = once(out);
        }
        return out;
    }

    /**
     * The text as a file's bytes: UTF-8 (a surrogate split by a mutation becomes {@code ?}), and now and then with a
     * byte that UTF-8 does not allow, as files saved in another encoding have.
     */
    byte[] bytes(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(40) != 0) {
            return utf8;
        }
        int at = random.nextInt(utf8.length + 1);
        byte[] out = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, out, 0, at);
        out[at] = (byte) (random.nextBoolean() ? 0xFF : 0xC3);
        System.arraycopy(utf8, at, out, at + 1, utf8.length - at);
        return out;
    }

    private String once(String text) {
        if (text.isEmpty()) {
            return pick(INTERESTING);
        }
        return switch (random.nextInt(9)) {
            case 0 -> replaceScalar(text);
            case 1 -> replaceScalar(text);
            case 2 -> insertAt(text, String.valueOf(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()))));
            case 3 -> insertAt(text, pick(INTERESTING));
            case 4 -> deleteRange(text);
            case 5 -> lines(text, this::duplicateLine);
            case 6 -> lines(text, this::deleteLine);
            case 7 -> lines(text, this::reindent);
            default -> lines(text, this::swapLines);
        };
    }

    /** Replaces the value after a {@code :} or {@code -} on some line with an interesting one. */
    private String replaceScalar(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        for (int tries = 0; tries < 8; tries++) {
            int i = random.nextInt(lines.size());
            String line = lines.get(i);
            int colon = line.indexOf(": ");
            int dash = line.indexOf("- ");
            int at = colon >= 0 ? colon + 2 : dash >= 0 ? dash + 2 : -1;
            if (at > 0 && at <= line.length()) {
                lines.set(i, line.substring(0, at) + pick(INTERESTING));
                return String.join("\n", lines);
            }
        }
        return insertAt(text, pick(INTERESTING));
    }

    private String insertAt(String text, String what) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + what + text.substring(at);
    }

    private String deleteRange(String text) {
        int from = random.nextInt(text.length());
        int to = Math.min(text.length(), from + 1 + random.nextInt(random.nextBoolean() ? 4 : 64));
        return text.substring(0, from) + text.substring(to);
    }

    private interface LineEdit {
        void apply(List<String> lines);
    }

    private String lines(String text, LineEdit edit) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        edit.apply(lines);
        return String.join("\n", lines);
    }

    private void duplicateLine(List<String> lines) {
        int i = random.nextInt(lines.size());
        lines.add(i, lines.get(i));
    }

    private void deleteLine(List<String> lines) {
        if (lines.size() > 1) {
            lines.remove(random.nextInt(lines.size()));
        }
    }

    private void reindent(List<String> lines) {
        int i = random.nextInt(lines.size());
        String line = lines.get(i);
        lines.set(i, random.nextBoolean() ? "  " + line : line.replaceFirst("^ {1,2}", ""));
    }

    private void swapLines(List<String> lines) {
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        String t = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, t);
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
