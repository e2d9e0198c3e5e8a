package dev.wisp.importer.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.source.SourceDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a JSON file into a {@link SourceDocument}: the tree, and where each value and key starts (Jackson's token
 * locations), so that a problem found in the tree is reported at {@code file:line:col}. Malformed JSON, a key twice
 * in one object, an unreadable or too large file: a located WSP150 instead of a document.
 */
final class LocatedJson {
    /** The largest file read: the largest public SOAR app JSON is under 1 MB. */
    static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final JsonFactory FACTORY = new JsonFactory();

    private LocatedJson() {
    }

    /** A document, or the reason there is none. */
    record Result(SourceDocument document, Diagnostic problem) {
    }

    static Result read(Path file, String name) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                return fail(Location.ofFile(name), "is a directory, not an app JSON file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return fail(Location.ofFile(name), "file is " + size + " bytes; an app JSON may be at most "
                        + MAX_BYTES + " bytes (16 MiB)");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return fail(Location.ofFile(name), "file not found");
        } catch (IOException e) {
            return fail(Location.ofFile(name), "cannot read file: " + e.getMessage());
        }
        return parse(bytes, name);
    }

    static Result parse(byte[] bytes, String name) {
        Map<String, Location> values = new HashMap<>();
        Map<String, Location> keys = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(bytes)) {
            if (p.nextToken() == null) {
                return fail(Location.ofFile(name), "the file is empty");
            }
            JsonNode root = value(p, "", name, values, keys);
            if (p.nextToken() != null) {
                return fail(at(name, p.currentTokenLocation()), "more JSON after the end of the document");
            }
            return new Result(new SourceDocument(name, root, values, keys), null);
        } catch (DuplicateKey e) {
            return fail(e.at, e.getMessage());
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            return fail(l == null ? Location.ofFile(name) : at(name, l), "not valid JSON: "
                    + e.getOriginalMessage().replaceAll("\\s*\\n.*", ""));
        } catch (IOException e) {
            return fail(Location.ofFile(name), "cannot read file: " + e.getMessage());
        }
    }

    private static JsonNode value(JsonParser p, String pointer, String name, Map<String, Location> values,
                                  Map<String, Location> keys) throws IOException {
        values.put(pointer, at(name, p.currentTokenLocation()));
        JsonToken t = p.currentToken();
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = pointer + "/" + SourceDocument.escape(key);
                    Location keyAt = at(name, p.currentTokenLocation());
                    if (o.has(key)) {
                        throw new DuplicateKey(keyAt, "key '" + key + "' appears twice in one object (first at line "
                                + keys.get(child).line() + "); keep one");
                    }
                    keys.put(child, keyAt);
                    p.nextToken();
                    o.set(key, value(p, child, name, values, keys));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p, pointer + "/" + i++, name, values, keys));
                }
                return a;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? f.numberNode(p.getBigIntegerValue())
                        : f.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            default -> throw new JsonProcessingException("unexpected " + t, p.currentTokenLocation()) {
            };
        }
    }

    private static Location at(String name, JsonLocation l) {
        return new Location(name, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private static Result fail(Location at, String message) {
        return new Result(null, Diagnostic.of(Code.WSP150, at, message));
    }

    /** A key twice in one object: JSON allows it, but the second would silently replace the first. */
    private static final class DuplicateKey extends IOException {
        private final transient Location at;

        DuplicateKey(Location at, String message) {
            super(message);
            this.at = at;
        }
    }
}
