package dev.wisp.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import dev.wisp.dsl.path.DataPath;
import dev.wisp.dsl.path.Segment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The evaluator walks SOAR data paths itself; it used to evaluate each with Jayway JsonPath (values, then positions).
 * On random documents and paths, the walk gives exactly the rows JsonPath gives, positions included.
 */
class PathWalkPropertiesTest {
    private static final Configuration VALUES = Configuration.defaultConfiguration()
            .addOptions(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS, Option.DEFAULT_PATH_LEAF_TO_NULL);
    private static final Configuration POSITIONS = VALUES.addOptions(Option.AS_PATH_LIST);
    private final PathEvaluator evaluator = new PathEvaluator();

    @Property(tries = 3000, seed = "15")
    void walksAsJsonPathDoes(@ForAll("documents") Object doc, @ForAll("paths") List<Segment> segs) {
        List<Row> walked = evaluator.rows(new DataPath.InputPath("x", segs), new RunData(Map.of(), List.of(),
                single("x", doc)));
        assertEquals(jsonPath(doc, segs), walked, () -> "document " + doc + ", path " + segs);
    }

    @Test
    void aWildcardOverAnObjectTakesItsValuesInOrder() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("a", 1);
        o.put("b", Map.of("id", 2));
        List<Row> rows = evaluator.rows(new DataPath.InputPath("o", List.of(new Segment.Wildcard())),
                new RunData(Map.of(), List.of(), Map.of("o", o)));
        assertEquals(List.of(new Row(List.of(0), 1), new Row(List.of(1), Map.of("id", 2))), rows);
    }

    /** What JsonPath gives: the values, and for each the positions it took at the wildcards. */
    private static List<Row> jsonPath(Object doc, List<Segment> segs) {
        if (segs.isEmpty()) {
            return List.of(new Row(List.of(), doc));
        }
        if (!(doc instanceof Map || doc instanceof List)) {
            return List.of(new Row(List.of(), null));
        }
        JsonPath jp = JsonPath.compile(expression(segs));
        List<?> values = jp.read(doc, VALUES);
        List<?> paths = jp.read(doc, POSITIONS);
        assertEquals(values.size(), paths.size());
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(new Row(positions(doc, String.valueOf(paths.get(i)), segs), values.get(i)));
        }
        return out;
    }

    /** Follows a definite path like {@code $['a'][0]['b']}; at each wildcard, the index (or the key's place). */
    private static List<Integer> positions(Object doc, String path, List<Segment> segs) {
        List<Integer> key = new ArrayList<>();
        Object node = doc;
        int i = 1;
        for (Segment seg : segs) {
            if (i >= path.length()) {
                break;
            }
            boolean quoted = path.charAt(i + 1) == '\'';
            int close = quoted ? path.indexOf("']", i + 2) + 1 : path.indexOf(']', i);
            String inside = path.substring(i + 1, close);
            if (quoted) {
                String name = inside.substring(1, inside.length() - 1);
                Map<?, ?> m = (Map<?, ?>) node;
                if (seg instanceof Segment.Wildcard) {
                    key.add(new ArrayList<>(m.keySet()).indexOf(name));
                }
                node = m.get(name);
            } else {
                int index = Integer.parseInt(inside);
                if (seg instanceof Segment.Wildcard) {
                    key.add(index);
                }
                node = ((List<?>) node).get(index);
            }
            i = close + 1;
        }
        return key;
    }

    private static String expression(List<Segment> segs) {
        StringBuilder b = new StringBuilder("$");
        for (Segment s : segs) {
            if (s instanceof Segment.Wildcard) {
                b.append("[*]");
            } else if (s instanceof Segment.Index i) {
                b.append('[').append(i.index()).append(']');
            } else {
                b.append("['").append(((Segment.Field) s).name()).append("']");
            }
        }
        return b.toString();
    }

    private static Map<String, Object> single(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(name, value);
        return m;
    }

    @Provide
    Arbitrary<Object> documents() {
        return value(3);
    }

    private static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(Arbitraries.integers().between(0, 9).map(n -> (Object) n),
                Arbitraries.of("x", "y").map(s -> (Object) s), Arbitraries.just(null));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(3).map(l -> (Object) l);
        Arbitrary<Object> map = Arbitraries.maps(Arbitraries.of("a", "b", "c"), value(depth - 1)).ofMaxSize(3)
                .map(m -> (Object) new LinkedHashMap<>(m));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, leaf), net.jqwik.api.Tuple.of(3, list),
                net.jqwik.api.Tuple.of(3, map));
    }

    @Provide
    Arbitrary<List<Segment>> paths() {
        Arbitrary<Segment> seg = Arbitraries.oneOf(
                Arbitraries.of("a", "b", "c").map(n -> (Segment) new Segment.Field(n)),
                Arbitraries.just((Segment) new Segment.Wildcard()),
                Arbitraries.integers().between(0, 2).map(n -> (Segment) new Segment.Index(n)));
        return seg.list().ofMinSize(0).ofMaxSize(4).map(l -> List.copyOf(Arrays.asList(l.toArray(Segment[]::new))));
    }
}
