package dev.wisp.dsl.source;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Location;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads a YAML file into a {@link SourceDocument}, safely: strict UTF-8, one document, no custom tags, and limits on
 * size, aliases, nesting and expanded size. Every problem becomes a located diagnostic; nothing throws.
 * Thread-safe: each call builds its own SnakeYAML instance (they are not thread-safe and are cheap).
 */
public final class YamlReader {
    /** The largest file read, in bytes. */
    public static final long MAX_BYTES = 4L * 1024 * 1024;
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 64;
    static final int MAX_NODES = 200_000;

    /**
     * What reading produced: a document, or none with the reasons.
     *
     * @param document    the document, or {@code null} when the file could not be read as YAML
     * @param diagnostics the problems found (some, such as duplicate keys, still come with a document)
     */
    public record Result(SourceDocument document, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** Reads a file; {@code displayName} is how diagnostics name it. */
    public Result read(Path file, String displayName) {
        Location whole = Location.ofFile(displayName);
        try {
            if (Files.isDirectory(file)) {
                return fail(whole, Code.WSP002, "is a directory, not a playbook file");
            }
            return decodeAndRead(InputFiles.read(file, MAX_BYTES), displayName);
        } catch (InputFiles.TooLarge e) {
            return fail(whole, Code.WSP002, "file is " + (e.size() < 0 ? "more than " + MAX_BYTES : e.size())
                    + " bytes; a playbook may be at most " + MAX_BYTES + " bytes (4 MiB)");
        } catch (NoSuchFileException e) {
            return fail(whole, Code.WSP002, "file not found");
        } catch (IOException e) {
            return fail(whole, Code.WSP002, "cannot read file: " + e.getMessage());
        }
    }

    /** Reads YAML text (for tests and editors). */
    public Result readString(String text, String displayName) {
        if (text.length() > MAX_BYTES) {
            return fail(Location.ofFile(displayName), Code.WSP002, "text is larger than 4 MiB");
        }
        return parse(text, displayName);
    }

    private Result decodeAndRead(byte[] bytes, String displayName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int bad = in.position();
            return fail(locationOfByte(bytes, bad, displayName), Code.WSP002, String.format(
                    "not UTF-8: byte 0x%02X at offset %d cannot start or continue a UTF-8 character; save the file as UTF-8",
                    bytes[bad] & 0xff, bad));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(text, displayName);
    }

    /** The line and column of a character offset (code points, as SnakeYAML counts) in the text. */
    private static Location locationOfChar(String text, int codePointOffset, String file) {
        int line = 1;
        int column = 1;
        int[] cps = text.codePoints().limit(Math.max(0, codePointOffset)).toArray();
        for (int c : cps) {
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Location(file, line, column);
    }

    private static Location locationOfByte(byte[] bytes, int offset, String file) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new Location(file, line, column);
    }

    private Result parse(String text, String displayName) {
        if (text.isBlank() || text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
            return fail(new Location(displayName, 1, 1), Code.WSP002,
                    "file is empty; a playbook needs playbook:, blocks: and edges:");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported, all of them, by NodeConverter
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit((int) MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setMergeOnCompose(false);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new CoreSchemaResolver());
        try {
            Iterator<Node> docs = yaml.composeAll(new StringReader(text)).iterator();
            if (!docs.hasNext()) {
                return fail(Location.ofFile(displayName), Code.WSP002, "file is empty");
            }
            Node root = docs.next();
            if (docs.hasNext()) {
                Node second = docs.next();
                return fail(at(displayName, second == null ? null : second.getStartMark()), Code.WSP001,
                        "a playbook file holds one YAML document; remove the second '---' document");
            }
            if (root == null) {
                return fail(Location.ofFile(displayName), Code.WSP002, "file is empty");
            }
            return new NodeConverter(displayName, MAX_NODES, MAX_DEPTH).convert(root);
        } catch (MarkedYAMLException e) {
            String problem = String.valueOf(e.getProblem());
            if (problem.startsWith("Global tag is not allowed: ")) {
                String tag = problem.substring("Global tag is not allowed: ".length())
                        .replace("tag:yaml.org,2002:", "!!");
                return fail(at(displayName, e.getProblemMark()), Code.WSP009, "the YAML tag " + tag
                        + " is not allowed; playbooks use plain strings, numbers, booleans, lists and mappings");
            }
            return fail(at(displayName, e.getProblemMark()), classify(problem), humanize(problem));
        } catch (ReaderException e) {
            return fail(locationOfChar(text, e.getPosition(), displayName), Code.WSP001, String.format(
                    "the character U+%04X is not allowed in YAML; remove it, or write it as an escape (\\u%04X) "
                            + "inside a double-quoted string", e.getCodePoint(), e.getCodePoint()));
        } catch (YAMLException e) {
            return fail(limitPassed(text, displayName, e.getMessage()), classify(e.getMessage()),
                    humanize(e.getMessage()));
        } catch (StackOverflowError e) {
            return fail(limitPassed(text, displayName, "Nesting Depth"), Code.WSP003, "nesting is too deep; at most "
                    + MAX_DEPTH + " levels are allowed");
        }
    }

    /** Where the alias or depth limit named in {@code problem} was passed; the file if it cannot be found. */
    private static Location limitPassed(String text, String file, String problem) {
        Location at = null;
        if (problem != null && problem.contains("Number of aliases")) {
            at = LimitLocator.alias(text, file, MAX_ALIASES);
        } else if (problem != null && problem.contains("Nesting Depth")) {
            at = LimitLocator.depth(text, file, MAX_DEPTH);
        }
        return at == null ? Location.ofFile(file) : at;
    }

    private static Code classify(String problem) {
        String p = problem == null ? "" : problem;
        if (p.contains("aliases") || p.contains("Nesting Depth") || p.contains("exceeds the limit")
                || p.contains("code points")) {
            return Code.WSP003;
        }
        return Code.WSP001;
    }

    static String humanize(String problem) {
        if (problem == null) {
            return "not valid YAML";
        }
        if (problem.contains("'\\t'") || problem.contains("\\t(TAB)")) {
            return "tabs are not allowed for indentation; use spaces";
        }
        if (problem.contains("Number of aliases")) {
            return "too many aliases (at most " + MAX_ALIASES + "); a playbook does not need more, and more can "
                    + "make a small file expand enormously";
        }
        if (problem.contains("Nesting Depth")) {
            return "nesting is too deep; at most " + MAX_DEPTH + " levels are allowed";
        }
        if (problem.contains("found undefined alias")) {
            return problem.replace("found undefined alias", "alias refers to an anchor that is not defined:");
        }
        return "not valid YAML: " + problem.replace('\n', ' ').strip();
    }

    private static Location at(String file, Mark mark) {
        return mark == null ? Location.ofFile(file) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static Result fail(Location where, Code code, String message) {
        return new Result(null, List.of(Diagnostic.of(code, where, message)));
    }
}
