package dev.wisp.importer.soar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Python SOAR generated beside an export ({@code NAME.py}): one function per block, user code between
 * {@code ## Custom Code Start} and {@code ## Custom Code End}. Only read, never run.
 */
final class PythonCompanion {
    private static final Pattern DEF = Pattern.compile("^def\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

    private final String file;
    private final Map<String, List<String>> bodies;

    private PythonCompanion(String file, Map<String, List<String>> bodies) {
        this.file = file;
        this.bodies = bodies;
    }

    /** Splits the generated module into its top-level functions' bodies (the lines after the {@code def}). */
    static PythonCompanion parse(String file, String text) {
        Map<String, List<String>> bodies = new HashMap<>();
        String current = null;
        List<String> body = null;
        boolean inSignature = false;
        for (String line : text.split("\r?\n", -1)) {
            Matcher m = DEF.matcher(line);
            if (m.find()) {
                current = m.group(1);
                body = new ArrayList<>();
                bodies.put(current, body);
                inSignature = !line.stripTrailing().endsWith(":");
                continue;
            }
            if (body == null) {
                continue;
            }
            if (inSignature) {
                inSignature = !line.stripTrailing().endsWith(":");
                continue;
            }
            if (topLevel(line)) {
                body = null;
                current = null;
                continue;
            }
            body.add(line.strip().isEmpty() ? "" : line);
        }
        bodies.replaceAll((k, v) -> trimTrailingBlank(v));
        return new PythonCompanion(file, bodies);
    }

    /**
     * A line that ends the function: a decorator, definition or statement at column 0. Other text at column 0 is a
     * continuation of a multi-line string inside the function.
     */
    private static boolean topLevel(String line) {
        return line.startsWith("@") || line.startsWith("def ") || line.startsWith("class ")
                || line.startsWith("import ") || line.startsWith("from ") || line.startsWith("if __name__");
    }

    private static List<String> trimTrailingBlank(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        return List.copyOf(lines.subList(0, end));
    }

    String file() {
        return file;
    }

    /** The body of {@code def name(...)}, its lines as written (indented under the def). */
    Optional<List<String>> function(String name) {
        return Optional.ofNullable(bodies.get(name));
    }
}
