package dev.wisp.importer.soar;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** YAML scalars as a person writes them: plain where that reads back as the same text, quoted otherwise. */
final class YamlScalars {
    private static final Set<String> SPECIAL = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null",
            "~", "");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/$(=<][^\\x00-\\x1f\\x7f\\u0085\\u2028\\u2029]*");
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?(\\.?[0-9][0-9_.:eE+-]*|\\.(inf|nan))",
            Pattern.CASE_INSENSITIVE);

    private YamlScalars() {
    }

    /** A string scalar on one line; {@code flow} when it sits inside {@code [...]} or {@code {...}}. */
    static String string(String s, boolean flow) {
        return plain(s, flow) ? s : quoted(s);
    }

    static boolean plain(String s, boolean flow) {
        if (SPECIAL.contains(s.toLowerCase(Locale.ROOT)) || NUMBER_LIKE.matcher(s).matches()
                || !PLAIN.matcher(s).matches()) {
            return false;
        }
        if (s.contains(": ") || s.contains(" #") || s.endsWith(":") || s.endsWith(" ") || s.startsWith("<<")) {
            return false;
        }
        return !flow || s.chars().noneMatch(c -> ",[]{}?#".indexOf(c) >= 0);
    }

    static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\u0085' -> b.append("\\N");
                case '\u2028' -> b.append("\\L");
                case '\u2029' -> b.append("\\P");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0xfffe) || Character.isSurrogate(c)
                            && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /**
     * A multi-line text as a literal block ({@code |}), whose lines follow at {@code indent}; {@code null} when a
     * block cannot hold the text exactly (carriage returns, control characters, trailing blanks).
     */
    static String literalBlock(String s, String indent) {
        if (!s.contains("\n") || s.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f
                || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff)) {
            return null;
        }
        String body = s.replaceAll("\n+$", "");
        int trailing = s.length() - body.length();
        if (body.isEmpty() || body.endsWith(" ") || body.endsWith("\t") || body.lines().anyMatch(l -> l.isBlank()
                && !l.isEmpty()) || body.startsWith("\n")) {
            return null;
        }
        String chomp = trailing == 0 ? "-" : trailing == 1 ? "" : "+";
        String header = "|" + (body.startsWith(" ") || body.startsWith("\t") ? String.valueOf(indent.length()) : "")
                + chomp;
        if (header.length() > 1 && Character.isDigit(header.charAt(1)) && indent.length() > 9) {
            return null;
        }
        StringBuilder b = new StringBuilder(header);
        for (String line : s.substring(0, body.length() + Math.max(0, trailing - 1)).split("\n", -1)) {
            b.append('\n');
            if (!line.isEmpty()) {
                b.append(indent).append(line);
            }
        }
        return b.toString();
    }
}
