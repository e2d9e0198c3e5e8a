package dev.wisp.dsl.path;

import dev.wisp.dsl.path.DataPath.ArtifactPath;
import dev.wisp.dsl.path.DataPath.BlockPath;
import dev.wisp.dsl.path.DataPath.ContainerPath;
import dev.wisp.dsl.path.DataPath.FilteredPath;
import dev.wisp.dsl.path.DataPath.InputPath;
import dev.wisp.dsl.path.DataPath.RawJsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses data paths as SOAR writes them ({@code create_project_1:action_result.data.*.id}) and decides which
 * strings in a playbook are data paths at all.
 */
public final class DataPathParser {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_\\-@]+");
    private static final Pattern INDEX = Pattern.compile("[0-9]{1,9}");
    private static final Set<String> BLOCK_ROOTS = Set.of("action_result", "formatted_data", "playbook_output",
            "custom_function", "summary");
    /** The roots written with a colon before a name: {@code sub:playbook_output:x}, {@code code:custom_function:x}. */
    private static final List<String> NAMED_ROOTS = List.of("playbook_output", "custom_function");
    private static final List<String> SOURCE_PREFIXES = List.of("filtered-data:", "playbook_input:", "container:",
            "artifact:");

    private DataPathParser() {
    }

    /**
     * The outcome of parsing: a path, or an error with the 0-based offset in the text where it was found.
     *
     * @param path   the path, or {@code null} on error
     * @param error  what is wrong, or {@code null}
     * @param offset where in the text the problem is
     */
    public record Result(DataPath path, String error, int offset) {
        public boolean ok() {
            return path != null;
        }
    }

    /**
     * Whether a string in a playbook is a data path rather than a literal: it starts with {@code filtered-data:},
     * {@code playbook_input:}, {@code container:}, {@code artifact:}, {@code $.} or {@code $[}, or it is
     * {@code <identifier>:<rest>} where the identifier names a block of the playbook or the rest starts with
     * {@code action_result}, {@code formatted_data}, {@code playbook_output}, {@code custom_function} or
     * {@code summary}.
     */
    public static boolean looksLikePath(String s, Set<String> blockNames) {
        if (s.startsWith("$.") || s.startsWith("$[")) {
            return true;
        }
        for (String prefix : SOURCE_PREFIXES) {
            if (s.startsWith(prefix)) {
                return true;
            }
        }
        int colon = s.indexOf(':');
        if (colon <= 0 || !IDENTIFIER.matcher(s.substring(0, colon)).matches()) {
            return false;
        }
        String rest = s.substring(colon + 1);
        if (blockNames.contains(s.substring(0, colon)) && !rest.isEmpty() && !rest.startsWith("/")) {
            return true;
        }
        for (String root : BLOCK_ROOTS) {
            if (rest.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    /** Parses a data path. */
    public static Result parse(String text) {
        try {
            return new Result(parseAt(text, 0), null, 0);
        } catch (Failure f) {
            return new Result(null, f.getMessage(), f.offset);
        }
    }

    private static DataPath parseAt(String text, int base) {
        if (text.startsWith("$")) {
            if (text.length() < 2 || (text.charAt(1) != '.' && text.charAt(1) != '[')) {
                throw new Failure("a raw JsonPath starts with $. or $[", base);
            }
            return new RawJsonPath(text);
        }
        if (text.startsWith("filtered-data:")) {
            return filtered(text, base);
        }
        if (text.startsWith("playbook_input:")) {
            int start = "playbook_input:".length();
            List<Segment> segs = segments(text.substring(start), base + start, "an input name after playbook_input:");
            if (!(segs.get(0) instanceof Segment.Field f) || !IDENTIFIER.matcher(f.name()).matches()) {
                throw new Failure("expected an input name after playbook_input:", base + start);
            }
            return new InputPath(f.name(), segs.subList(1, segs.size()));
        }
        if (text.startsWith("container:")) {
            int start = "container:".length();
            return new ContainerPath(segments(text.substring(start), base + start, "a field after container:"));
        }
        if (text.startsWith("artifact:")) {
            int start = "artifact:".length();
            return new ArtifactPath(segments(text.substring(start), base + start, "a field after artifact:"));
        }
        return blockPath(text, base);
    }

    private static DataPath filtered(String text, int base) {
        int start = "filtered-data:".length();
        int c1 = text.indexOf(':', start);
        if (c1 < 0) {
            throw new Failure("expected filtered-data:<filter>:<condition>:<data path>", base + start);
        }
        String filter = text.substring(start, c1);
        if (!IDENTIFIER.matcher(filter).matches()) {
            throw new Failure("expected a filter block name after filtered-data:", base + start);
        }
        int c2 = text.indexOf(':', c1 + 1);
        if (c2 < 0) {
            throw new Failure("expected a condition name and a data path after filtered-data:" + filter + ":",
                    base + c1 + 1);
        }
        String condition = text.substring(c1 + 1, c2);
        if (!IDENTIFIER.matcher(condition).matches()) {
            throw new Failure("expected a condition name such as condition_1", base + c1 + 1);
        }
        String inner = text.substring(c2 + 1);
        if (inner.startsWith("filtered-data:") || inner.startsWith("$")) {
            throw new Failure("a filtered-data path wraps a block or artifact data path", base + c2 + 1);
        }
        return new FilteredPath(filter, condition, parseAt(inner, base + c2 + 1));
    }

    private static DataPath blockPath(String text, int base) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new Failure("expected <block>:action_result..., playbook_input:, container: or artifact:", base);
        }
        String block = text.substring(0, colon);
        if (!IDENTIFIER.matcher(block).matches()) {
            throw new Failure("'" + block + "' is not a block name", base);
        }
        String rest = text.substring(colon + 1);
        int restBase = base + colon + 1;
        for (String named : NAMED_ROOTS) {
            if (rest.startsWith(named + ":")) {
                int start = named.length() + 1;
                List<Segment> segs = segments(rest.substring(start), restBase + start, "an output name");
                List<Segment> all = new ArrayList<>();
                all.add(new Segment.Field(named));
                all.addAll(segs);
                return new BlockPath(block, all);
            }
        }
        for (String named : NAMED_ROOTS) {
            if (rest.equals(named)) {
                throw new Failure("expected an output name: " + block + ":" + named + ":<name>",
                        restBase + rest.length());
            }
        }
        String expected = "action_result, formatted_data, playbook_output: or custom_function:";
        List<Segment> segs = segments(rest, restBase, expected);
        String root = segs.get(0).toString();
        if (!BLOCK_ROOTS.contains(root) || NAMED_ROOTS.contains(root)) {
            throw new Failure("expected " + expected + " after '" + block + ":', not '" + root + "'", restBase);
        }
        return new BlockPath(block, segs);
    }

    private static List<Segment> segments(String text, int base, String expected) {
        if (text.isEmpty()) {
            throw new Failure("expected " + expected, base);
        }
        List<Segment> out = new ArrayList<>();
        int pos = 0;
        for (String part : text.split("\\.", -1)) {
            if (part.isEmpty()) {
                throw new Failure(pos == 0 ? "expected " + expected : "empty segment (two dots, or a dot at the end)",
                        base + pos);
            }
            if (part.equals("*")) {
                out.add(new Segment.Wildcard());
            } else if (INDEX.matcher(part).matches()) {
                out.add(new Segment.Index(Integer.parseInt(part)));
            } else if (FIELD.matcher(part).matches()) {
                out.add(new Segment.Field(part));
            } else {
                int bad = firstBad(part);
                throw new Failure("unexpected character '" + part.charAt(bad) + "' in '" + part + "'",
                        base + pos + bad);
            }
            pos += part.length() + 1;
        }
        return out;
    }

    private static int firstBad(String part) {
        for (int i = 0; i < part.length(); i++) {
            if (!FIELD.matcher(String.valueOf(part.charAt(i))).matches()) {
                return i;
            }
        }
        return 0;
    }

    /** Internal control flow for parse errors; never escapes this class. */
    private static final class Failure extends RuntimeException {
        private final int offset;

        Failure(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }
}
