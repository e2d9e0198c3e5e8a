package dev.wisp.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the journal's codec and redactor, on generated events and JSON-like values. */
class JournalPropertiesTest {
    private static final String SEED = "20261201";

    /** Write, read back, same event: for every kind of value an action or a block can produce. */
    @Property(tries = 120, seed = SEED)
    void everyEventRoundTrips(@ForAll("events") JournalEvent event) {
        assertEquals(event, JournalCodec.decode(JournalCodec.encode(event, Redactor.none())));
    }

    /** Secrets (long enough to mask) that the data does not hold change nothing, so redaction keeps round trips. */
    @Property(tries = 100, seed = SEED)
    void redactingSecretsTheEventDoesNotHoldChangesNothing(@ForAll("events") JournalEvent event,
                                                          @ForAll("secrets") String secret) {
        String plain = JournalCodec.encode(event, Redactor.none());
        if (!plain.contains(secret)) {
            assertEquals(plain, JournalCodec.encode(event, new Redactor(List.of(secret))));
        }
    }

    /** A secret inside any value or key never reaches the line, and the line still decodes to the same kind. */
    @Property(tries = 120, seed = SEED)
    void aSecretAnywhereInTheDataNeverReachesTheLine(@ForAll("values") Object value, @ForAll("secrets") String secret,
                                                    @ForAll("texts") String around) {
        Map<String, Object> keyed = new LinkedHashMap<>();
        keyed.put(secret, value);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "success");
        result.put("message", around + secret + around);
        result.put("data", Arrays.asList(value, keyed));
        result.put("summary", Map.of("k", secret));
        JournalEvent e = new JournalEvent.ExecutionFinished(Instant.EPOCH, "b", 0, 0, 1, result, 5, true);
        String line = JournalCodec.encode(e, new Redactor(List.of(secret)));
        JournalEvent back = JournalCodec.decode(line);
        assertFalse(back.toString().contains(secret), line);
        assertEquals(JournalEvent.ExecutionFinished.class, back.getClass());
        assertEquals(e.time(), back.time());
    }

    /**
     * The codec writes values through the generator itself (no serializer lookup per value): byte for byte what
     * Jackson's mapper writes, for every kind of value, also those it hands to the mapper (other numbers, sets,
     * maps with other keys).
     */
    @Property(tries = 300, seed = SEED)
    void valuesAreWrittenAsTheMapperWritesThem(@ForAll("wideValues") Object value) throws java.io.IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = JournalCodec.mapper().createGenerator(w)) {
            JournalCodec.write(g, value);
        }
        assertEquals(JournalCodec.mapper().writeValueAsString(value), w.toString());
        assertEquals(w.toString(), JournalCodec.json(value, false));
        assertEquals(w.toString().length(), JournalCodec.jsonLength(value));
        assertEquals(JournalCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value),
                JournalCodec.json(value, true));
    }

    /** The codec's own ISO-8601 writing of an instant is {@link Instant#toString()}, for any instant. */
    @Property(tries = 2000, seed = SEED)
    void instantsAreWrittenAsInstantToStringWritesThem(@ForAll("instants") Instant t) {
        assertEquals(t.toString(), JournalCodec.iso(t));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(Arbitraries.longs().between(-62_167_219_300L, 253_402_300_900L),
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                Arbitraries.of(-62_167_219_200L, -62_167_219_201L, 253_402_300_799L, 253_402_300_800L, 0L, -1L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(n -> n * 1000), Arbitraries.just(0));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    /** Redaction keeps the shape of a value: the same keys count, the same list lengths, nothing merged. */
    @Property(tries = 120, seed = SEED)
    void redactionKeepsTheShape(@ForAll("values") Object value, @ForAll("texts") String secret) {
        Redactor r = new Redactor(List.of(secret));
        assertEquals(shape(value), shape(r.value(value)));
    }

    private static Object shape(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.values().stream().map(JournalPropertiesTest::shape).sorted((a, b) -> a.toString()
                    .compareTo(b.toString())).toList() + "#" + m.size();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(JournalPropertiesTest::shape).toList();
        }
        return v instanceof String ? "s" : String.valueOf(v);
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withCharRange('!', ')').withCharRange('+', '~').ofMinLength(Redactor.MIN_LENGTH).ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().all().ofMaxLength(20);
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.recursive(this::leaf, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(texts(), inner).ofMaxSize(4).map(m -> (Object) m)), 0, 4);
    }

    private Arbitrary<Object> leaf() {
        return Arbitraries.oneOf(texts().map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.doubles().between(-1e12, 1e12).map(d -> (Object) d),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<Object> wideValues() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(leaf(),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.bigDecimals().between(java.math.BigDecimal.valueOf(-1e20), java.math.BigDecimal.valueOf(1e20))
                        .ofScale(3).map(d -> (Object) d),
                Arbitraries.bigIntegers().map(i -> (Object) i),
                Arbitraries.floats().map(f -> (Object) f),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0d).map(d -> (Object) d),
                Arbitraries.longs().between(0, 4_000_000_000_000L).map(l -> (Object) Instant.ofEpochMilli(l)),
                Arbitraries.of(java.time.Duration.ofSeconds(90), 'c', (short) 3)
                        .map(x -> (Object) x));
        return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                inner.set().ofMaxSize(3).map(l -> (Object) new java.util.LinkedHashSet<>(l)),
                Arbitraries.maps(texts(), inner).ofMaxSize(4).map(m -> (Object) m),
                Arbitraries.maps(Arbitraries.integers(), inner).ofMaxSize(2).map(m -> (Object) m)), 0, 4);
    }

    @SuppressWarnings("unchecked")
    private Arbitrary<Map<String, Object>> maps() {
        return Arbitraries.maps(texts(), values()).ofMaxSize(5).map(m -> (Map<String, Object>) (Map<?, ?>) m);
    }

    @Provide
    Arbitrary<JournalEvent> events() {
        Arbitrary<Instant> time = Arbitraries.longs().between(0, 4_000_000_000_000L).map(Instant::ofEpochMilli);
        Arbitrary<String> name = texts();
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 1000);
        return Arbitraries.oneOf(
                Combinators.combine(time, name, name, maps()).as((t, a, b, m) ->
                        new JournalEvent.RunStarted(t, a, b, a + ".yaml", m, null)),
                Combinators.combine(time, name, n, maps()).as((t, b, i, m) ->
                        new JournalEvent.ExecutionStarted(t, b, i, 0, 1, m)),
                Combinators.combine(time, name, n, maps()).as((t, b, i, m) ->
                        new JournalEvent.ExecutionFinished(t, b, i, 0, 1, m, i * 7L, i % 2 == 0)),
                Combinators.combine(time, name, texts()).as(JournalEvent.Log::new),
                Combinators.combine(time, name, n, maps()).as((t, b, i, m) ->
                        new JournalEvent.BlockFinished(t, b, "success", i, 0, List.of("", b), m)),
                Combinators.combine(time, name, texts().list().ofMaxSize(3)).as((t, b, l) ->
                        new JournalEvent.PromptAnswered(t, b, l, "alice", "answers")),
                Combinators.combine(time, texts(), maps()).as((t, msg, m) ->
                        new JournalEvent.RunFinished(t, "failed", msg, m)));
    }
}
