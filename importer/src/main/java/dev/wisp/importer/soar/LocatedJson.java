package dev.wisp.importer.soar;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wisp.dsl.diag.Location;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON document read with the position of every value, so that the loss report can point into the export:
 * {@code locationOf("/coa/data/nodes/3")} is where the member {@code "3": {} } is written (its key), an array
 * element's location is where the element starts. Reading is bounded: nesting, string and number lengths, and the
 * document's size (checked by the caller) are limited.
 */
final class LocatedJson {
    /** Exports nest about ten deep; this keeps a hostile file from exhausting the stack. */
    static final int MAX_DEPTH = 200;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(16 * 1024 * 1024).maxNumberLength(100).build())
            .build();

    private final String file;
    private final JsonNode root;
    private final Map<String, Location> locations;

    private LocatedJson(String file, JsonNode root, Map<String, Location> locations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
    }

    /** A JSON syntax problem, with where it is. */
    static final class SyntaxError extends Exception {
        private final transient Location location;

        SyntaxError(String message, Location location) {
            super(message);
            this.location = location;
        }

        Location location() {
            return location;
        }
    }

    /** Parses {@code text}, naming {@code file} in locations. */
    static LocatedJson parse(String text, String file) throws SyntaxError {
        try (JsonParser p = FACTORY.createParser(text)) {
            return read(p, file);
        } catch (IOException e) {
            throw new SyntaxError("cannot read JSON: " + e.getMessage(), Location.ofFile(file));
        }
    }

    private static LocatedJson read(JsonParser p, String file) throws SyntaxError, IOException {
        Map<String, Location> locations = new HashMap<>();
        try {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new SyntaxError("the file is empty", new Location(file, 1, 1));
            }
            JsonNode root = new Reader(p, file, locations).value("");
            if (p.nextToken() != null) {
                throw new SyntaxError("unexpected text after the JSON document", at(file, p.currentTokenLocation()));
            }
            return new LocatedJson(file, root, locations);
        } catch (StreamConstraintsException e) {
            throw new SyntaxError("the JSON nests deeper than " + MAX_DEPTH + " levels, or holds a text or number "
                    + "beyond the importer's limits", at(file, p.currentLocation()));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation() != null ? e.getLocation() : p.currentLocation();
            throw new SyntaxError("malformed JSON: " + readable(e.getOriginalMessage()), at(file, l));
        }
    }

    /** Jackson's message without its source excerpt and internal positions (the location says where). */
    static String readable(String message) {
        String m = message == null ? "" : message.lines().findFirst().orElse("");
        for (String cut : new String[] {" (for ", " at [Source", " (code ", ": was expecting"}) {
            int i = m.indexOf(cut);
            if (i > 0) {
                m = m.substring(0, i);
            }
        }
        return m.strip();
    }

    JsonNode root() {
        return root;
    }

    String file() {
        return file;
    }

    /** Where the value at {@code pointer} is written, else the nearest enclosing value, else the file. */
    Location locationOf(String pointer) {
        String p = pointer;
        while (true) {
            Location l = locations.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return Location.ofFile(file);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** A JSON pointer one level down ({@code ~} and {@code /} escaped as RFC 6901 says). */
    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    private static Location at(String file, JsonLocation l) {
        return new Location(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    /** Builds the tree from the token stream, recording each value's position under its pointer. */
    private record Reader(JsonParser p, String file, Map<String, Location> locations) {
        JsonNode value(String pointer) throws IOException, SyntaxError {
            locations.putIfAbsent(pointer, at(file, p.currentTokenLocation()));
            JsonToken t = p.currentToken();
            return switch (t) {
                case START_OBJECT -> object(pointer);
                case START_ARRAY -> array(pointer);
                case VALUE_STRING -> JsonNodeFactory.instance.textNode(p.getText());
                case VALUE_NUMBER_INT -> JsonNodeFactory.instance.numberNode(p.getBigIntegerValue());
                case VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(p.getDecimalValue());
                case VALUE_TRUE -> JsonNodeFactory.instance.booleanNode(true);
                case VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(false);
                case VALUE_NULL -> JsonNodeFactory.instance.nullNode();
                default -> throw new SyntaxError("unexpected " + t, at(file, p.currentTokenLocation()));
            };
        }

        private ObjectNode object(String pointer) throws IOException, SyntaxError {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                Location keyAt = at(file, p.currentTokenLocation());
                if (o.has(key)) {
                    throw new SyntaxError("duplicate key '" + key + "'", keyAt);
                }
                String child = child(pointer, key);
                locations.put(child, keyAt);
                p.nextToken();
                o.set(key, value(child));
            }
            return o;
        }

        private ArrayNode array(String pointer) throws IOException, SyntaxError {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                a.add(value(child(pointer, i++)));
            }
            return a;
        }
    }
}
