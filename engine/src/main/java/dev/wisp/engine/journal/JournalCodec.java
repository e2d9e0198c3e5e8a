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
import java.time.Instant;
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

    /** Each event kind's field names in record order, in snake case ({@code final_} is {@code final}). */
    private static final ClassValue<List<String>> NAMES = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> kind) {
            PropertyNamingStrategies.SnakeCaseStrategy snake = new PropertyNamingStrategies.SnakeCaseStrategy();
            List<String> out = new java.util.ArrayList<>();
            for (java.lang.reflect.RecordComponent c : kind.getRecordComponents()) {
                out.add(c.getName().equals("final_") ? "final" : snake.translate(c.getName()));
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
            List<String> names = NAMES.get(event.getClass());
            Object[] values = values(event);
            for (int i = 0; i < values.length; i++) {
                g.writeFieldName(names.get(i));
                write(g, i == 0 ? values[0] : redactor.value(values[i])); // the time first, never redacted
            }
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot encode a journal event: " + e.getMessage(), e);
        }
        return w.toString();
    }

    /**
     * An event's fields in record order (the time first), read without reflection, which took a third of a line's
     * time. {@code JournalCodecTest} checks them against the records' components.
     */
    static Object[] values(JournalEvent event) {
        if (event instanceof JournalEvent.RunStarted e) {
            return new Object[] {e.time(), e.runId(), e.playbook(), e.file(), e.inputs(), e.parentRunId()};
        } else if (event instanceof JournalEvent.RunResumed e) {
            return new Object[] {e.time(), e.runId()};
        } else if (event instanceof JournalEvent.BlockStarted e) {
            return new Object[] {e.time(), e.block(), e.kind()};
        } else if (event instanceof JournalEvent.ExecutionStarted e) {
            return new Object[] {e.time(), e.block(), e.index(), e.iteration(), e.attempt(), e.parameters()};
        } else if (event instanceof JournalEvent.ExecutionFinished e) {
            return new Object[] {e.time(), e.block(), e.index(), e.iteration(), e.attempt(), e.result(),
                e.durationMillis(), e.final_()};
        } else if (event instanceof JournalEvent.ExecutionContinuing e) {
            return new Object[] {e.time(), e.block(), e.index(), e.iteration(), e.attempt(), e.step(), e.delayMillis(),
                e.message(), e.state(), e.data(), e.started()};
        } else if (event instanceof JournalEvent.ExecutionReconciled e) {
            return new Object[] {e.time(), e.block(), e.index(), e.iteration(), e.outcome(), e.detail()};
        } else if (event instanceof JournalEvent.ExecutionRetrying e) {
            return new Object[] {e.time(), e.block(), e.index(), e.attempt(), e.delayMillis(), e.reason()};
        } else if (event instanceof JournalEvent.RowsSkipped e) {
            return new Object[] {e.time(), e.block(), e.count(), e.reason()};
        } else if (event instanceof JournalEvent.DefaultsUsed e) {
            return new Object[] {e.time(), e.block(), e.defaults()};
        } else if (event instanceof JournalEvent.Progress e) {
            return new Object[] {e.time(), e.block(), e.done(), e.total(), e.detail()};
        } else if (event instanceof JournalEvent.Log e) {
            return new Object[] {e.time(), e.block(), e.message()};
        } else if (event instanceof JournalEvent.PromptAsked e) {
            return new Object[] {e.time(), e.block(), e.message(), e.questions(), e.recipients(), e.deadline(),
                e.approval()};
        } else if (event instanceof JournalEvent.PromptEscalated e) {
            return new Object[] {e.time(), e.block(), e.recipients(), e.deadline()};
        } else if (event instanceof JournalEvent.PromptAnswered e) {
            return new Object[] {e.time(), e.block(), e.responses(), e.respondent(), e.source()};
        } else if (event instanceof JournalEvent.PromptTimedOut e) {
            return new Object[] {e.time(), e.block()};
        } else if (event instanceof JournalEvent.BlockFinished e) {
            return new Object[] {e.time(), e.block(), e.status(), e.executions(), e.failed(), e.ports(), e.output()};
        } else if (event instanceof JournalEvent.BlockSkipped e) {
            return new Object[] {e.time(), e.block(), e.reason()};
        } else if (event instanceof JournalEvent.RunSuspended e) {
            return new Object[] {e.time(), e.waitingFor()};
        } else if (event instanceof JournalEvent.RunFinished e) {
            return new Object[] {e.time(), e.status(), e.message(), e.outputs()};
        }
        throw new IllegalStateException(event.getClass().getName() + " has no journal fields; add it to "
                + "JournalCodec.values");
    }

    /**
     * A JSON-like value as JSON text, as {@code mapper().writeValueAsString} (or, pretty, its default pretty printer)
     * writes it, through {@link #write}.
     */
    public static String json(Object value, boolean pretty) {
        java.io.StringWriter w = new java.io.StringWriter(256);
        writeTo(w, value, pretty);
        return w.toString();
    }

    /** How many characters {@link #json json(value, false)} has, counted without keeping them. */
    public static long jsonLength(Object value) {
        long[] count = {0};
        writeTo(new java.io.Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                count[0] += len;
            }

            @Override
            public void write(String str, int off, int len) {
                count[0] += len;
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }, value, false);
        return count[0];
    }

    private static void writeTo(java.io.Writer out, Object value, boolean pretty) {
        try (com.fasterxml.jackson.core.JsonGenerator g = JSON.createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            write(g, value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write a value as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a JSON-like value as Jackson's mapper would, but straight through the generator: strings, numbers,
     * booleans, instants, maps with string keys, lists and sets of them (all an event holds, almost always) need no
     * serializer lookup; anything else goes to the mapper. Asking the mapper for every value was most of the cost
     * of a journal line.
     */
    static void write(com.fasterxml.jackson.core.JsonGenerator g, Object v) throws java.io.IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof java.math.BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof java.math.BigInteger i) {
            g.writeNumber(i);
        } else if (v instanceof Instant t) {
            g.writeString(iso(t)); // ISO-8601, as the JavaTimeModule writes an Instant
        } else if (v instanceof Map<?, ?> m && stringKeys(m)) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(e.getKey().toString());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof java.util.Collection<?> c && (v instanceof List<?> || v instanceof java.util.Set<?>)) {
            g.writeStartArray();
            for (Object x : c) {
                write(g, x);
            }
            g.writeEndArray();
        } else {
            g.writeObject(v);
        }
    }

    /**
     * {@link Instant#toString()} (ISO-8601 in UTC, the fraction in groups of three digits, none when zero) without
     * the general formatter, which took a quarter of a line's time; years outside 0000-9999 are left to it.
     */
    public static String iso(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < -62_167_219_200L || seconds >= 253_402_300_800L) { // before 0000-01-01 or from 10000-01-01
            return t.toString();
        }
        java.time.LocalDateTime d = java.time.LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(30);
        digits(b, d.getYear(), 4).append('-');
        digits(b, d.getMonthValue(), 2).append('-');
        digits(b, d.getDayOfMonth(), 2).append('T');
        digits(b, d.getHour(), 2).append(':');
        digits(b, d.getMinute(), 2).append(':');
        digits(b, d.getSecond(), 2);
        int nanos = t.getNano();
        if (nanos != 0) {
            b.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(b, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                digits(b, nanos / 1000, 6);
            } else {
                digits(b, nanos, 9);
            }
        }
        return b.append('Z').toString();
    }

    private static StringBuilder digits(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }

    private static boolean stringKeys(Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                return false;
            }
        }
        return true;
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
