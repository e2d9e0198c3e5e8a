package dev.wisp.engine.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Journal events as JSON lines: {@code {"type":"block_finished","time":"...","block":...}}, fields in snake case.
 * Redaction happens on the JSON tree of the event's fields, so no field can carry a secret out; the {@code type}
 * and {@code time} that give a line its meaning are never touched.
 *
 * <p>Writer and reader share one set of limits, so whatever is written can be read back: a line holds at most
 * {@link #MAX_LINE_CHARS} characters (a larger event is stored beside the journal and the line refers to it, see
 * {@link JsonlJournal}); strings and numbers are as long as they are ({@link #MAX_VALUE_CHARS}). Inputs (events, run files) are read
 * nested at most {@link #MAX_INPUT_DEPTH} deep, and the journal, whose events wrap such values in a few levels of
 * their own, is written and read at most {@link #MAX_DEPTH} deep.
 */
public final class JournalCodec {
    /** The longest journal line; larger events are stored outside the line. */
    public static final int MAX_LINE_CHARS = 4 * 1024 * 1024;
    /**
     * The longest string or number read: no limit of its own, so that the reader never refuses a value the writer
     * could write (Jackson's default of 20 M characters did). Inputs are bounded by their file size limits instead.
     */
    public static final int MAX_VALUE_CHARS = Integer.MAX_VALUE;
    /** The deepest nesting of an input read with {@link #mapper()}. */
    public static final int MAX_INPUT_DEPTH = 1000;
    /** The deepest nesting of a journal line, written or read. */
    public static final int MAX_DEPTH = MAX_INPUT_DEPTH + 100;

    private static final ObjectMapper JSON = mapper(MAX_INPUT_DEPTH);
    private static final ObjectMapper JOURNAL = mapper(MAX_DEPTH);

    private static ObjectMapper mapper(int readDepth) {
        return JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_VALUE_CHARS)
                                .maxNumberLength(MAX_VALUE_CHARS).maxNestingDepth(readDepth).build())
                        .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                        .build())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private JournalCodec() {
    }

    /** Reads and writes inputs and run files with the journal's limits. */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /**
     * The journal's schema, written in every {@code run_started} line. A reader refuses a journal of a newer schema
     * (it cannot know what it would misread) and reads older ones. Renaming a type or a field, or changing what
     * one means, is a new schema; adding an event type or an optional field is not.
     */
    public static final int SCHEMA_VERSION = 1;

    /** The type names, written explicitly: they are a public format (docs/journal.md), not Java class names. */
    private static final Map<Class<?>, String> TYPES = Map.ofEntries(
            Map.entry(JournalEvent.RunStarted.class, "run_started"),
            Map.entry(JournalEvent.RunResumed.class, "run_resumed"),
            Map.entry(JournalEvent.BlockStarted.class, "block_started"),
            Map.entry(JournalEvent.ExecutionStarted.class, "execution_started"),
            Map.entry(JournalEvent.ExecutionFinished.class, "execution_finished"),
            Map.entry(JournalEvent.ExecutionReconciled.class, "execution_reconciled"),
            Map.entry(JournalEvent.ExecutionRetrying.class, "execution_retrying"),
            Map.entry(JournalEvent.ExecutionContinuing.class, "execution_continuing"),
            Map.entry(JournalEvent.RowsSkipped.class, "rows_skipped"),
            Map.entry(JournalEvent.DefaultsUsed.class, "defaults_used"),
            Map.entry(JournalEvent.Progress.class, "progress"),
            Map.entry(JournalEvent.Log.class, "log"),
            Map.entry(JournalEvent.PromptAsked.class, "prompt_asked"),
            Map.entry(JournalEvent.PromptEscalated.class, "prompt_escalated"),
            Map.entry(JournalEvent.PromptAnswered.class, "prompt_answered"),
            Map.entry(JournalEvent.PromptTimedOut.class, "prompt_timed_out"),
            Map.entry(JournalEvent.BlockFinished.class, "block_finished"),
            Map.entry(JournalEvent.BlockSkipped.class, "block_skipped"),
            Map.entry(JournalEvent.RunSuspended.class, "run_suspended"),
            Map.entry(JournalEvent.RunFinished.class, "run_finished"));

    /** The type name of an event as the journal writes it ({@code run_started}, ...). */
    public static String type(Class<?> eventClass) {
        String t = TYPES.get(eventClass);
        if (t == null) {
            throw new IllegalStateException(eventClass.getName() + " has no journal type name; add it to "
                    + "JournalCodec.TYPES and docs/journal.md");
        }
        return t;
    }

    /** One field of an event's line: its name in the journal and how to read it from the record. */
    private record Field(String name, java.lang.reflect.Method accessor) {
    }

    /** Each event kind's fields in record order, named in snake case ({@code final_} is {@code final}). */
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> kind) {
            PropertyNamingStrategies.SnakeCaseStrategy snake = new PropertyNamingStrategies.SnakeCaseStrategy();
            List<Field> out = new java.util.ArrayList<>();
            for (java.lang.reflect.RecordComponent c : kind.getRecordComponents()) {
                out.add(new Field(c.getName().equals("final_") ? "final" : snake.translate(c.getName()),
                        c.getAccessor()));
            }
            return List.copyOf(out);
        }
    };

    /**
     * One event as its journal line: {@code type} first (and {@code schema_version} in {@code run_started}), then
     * its fields in order, every value but the time redacted. Written straight from the record, field by field.
     */
    public static String encode(JournalEvent event, Redactor redactor) {
        java.io.StringWriter w = new java.io.StringWriter(256);
        try (com.fasterxml.jackson.core.JsonGenerator g = JOURNAL.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("type", type(event.getClass()));
            if (event instanceof JournalEvent.RunStarted) {
                g.writeNumberField("schema_version", SCHEMA_VERSION);
            }
            for (Field f : FIELDS.get(event.getClass())) {
                Object v = f.accessor().invoke(event);
                g.writeFieldName(f.name());
                g.writeObject(f.name().equals("time") ? v : redactor.value(v));
            }
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot encode a journal event: " + e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read a journal event: " + e, e);
        }
        return w.toString();
    }

    /** Decodes one line; throws {@link IllegalArgumentException} naming what is wrong. */
    public static JournalEvent decode(String line) {
        try {
            return decode(JOURNAL.readTree(line));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a journal event: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a journal's JSON (a line, or an event stored beside the journal) with the journal's limits. */
    static JsonNode tree(String json) throws JsonProcessingException {
        return JOURNAL.readTree(json);
    }

    static JournalEvent decode(JsonNode tree) {
        if (!(tree instanceof ObjectNode node)) {
            throw new IllegalArgumentException("not a journal event: not a JSON object");
        }
        node = node.deepCopy();
        String type = node.path("type").asText();
        node.remove("type");
        if (node.has("schema_version")) {
            int version = node.remove("schema_version").asInt(-1);
            if (version > SCHEMA_VERSION || version < 1) {
                throw new IllegalArgumentException("the journal was written by a newer Wisp (journal schema "
                        + version + "; this Wisp reads schema " + SCHEMA_VERSION + " and older): resume it with "
                        + "that Wisp");
            }
        }
        if (node.has("final")) {
            node.set("final_", node.remove("final"));
        }
        for (Map.Entry<Class<?>, String> e0 : TYPES.entrySet()) {
            Class<?> c = e0.getKey();
            if (e0.getValue().equals(type)) {
                try {
                    return (JournalEvent) JOURNAL.treeToValue(node, c);
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    throw new IllegalArgumentException("not a journal event: " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalArgumentException("unknown event type '" + type + "'");
    }
}
