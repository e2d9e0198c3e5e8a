package dev.wisp.engine.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Journal events as JSON lines: {@code {"type":"block_finished","time":"...","block":...}}, fields in snake case.
 * Redaction happens on the JSON tree, so no field can carry a secret out.
 */
public final class JournalCodec {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JournalCodec() {
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    /** The snake-case type name of an event ({@code RunStarted} is {@code run_started}). */
    public static String type(Class<?> eventClass) {
        return eventClass.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    public static String encode(JournalEvent event, Redactor redactor) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type(event.getClass()));
        ObjectNode fields = JSON.valueToTree(event);
        if (fields.has("final_")) {
            fields.set("final", fields.remove("final_"));
        }
        node.setAll(fields);
        Object redacted = redactor.value(JSON.convertValue(node, Map.class));
        try {
            return JSON.writeValueAsString(redacted);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a journal event: " + e.getMessage(), e);
        }
    }

    /** Decodes one line; throws {@link IllegalArgumentException} naming what is wrong. */
    public static JournalEvent decode(String line) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            String type = node.path("type").asText();
            node.remove("type");
            if (node.has("final")) {
                node.set("final_", node.remove("final"));
            }
            for (Class<?> c : JournalEvent.class.getPermittedSubclasses()) {
                if (type(c).equals(type)) {
                    return (JournalEvent) JSON.treeToValue(node, c);
                }
            }
            throw new IllegalArgumentException("unknown event type '" + type + "'");
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("not a journal event: " + e.getMessage(), e);
        }
    }
}
