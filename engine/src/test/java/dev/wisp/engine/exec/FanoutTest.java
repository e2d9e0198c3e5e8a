package dev.wisp.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wisp.spi.DataType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FanoutTest {
    @Test
    void coercesOnlyWithoutLoss() {
        assertEquals(7L, Fanout.coerce("7", DataType.NUMERIC));
        assertEquals(7L, Fanout.coerce("7.0", DataType.NUMERIC));
        assertEquals(7.5, Fanout.coerce("7.5", DataType.NUMERIC));
        assertNull(Fanout.coerce("seven", DataType.NUMERIC));
        assertEquals(Boolean.TRUE, Fanout.coerce("TRUE", DataType.BOOLEAN));
        assertNull(Fanout.coerce("yes", DataType.BOOLEAN));
        assertEquals("12", Fanout.coerce(12.0, DataType.STRING));
        assertNull(Fanout.coerce(Map.of(), DataType.STRING));
        assertEquals(List.of(1), Fanout.coerce(List.of(1), DataType.ANY));
    }

    @Test
    void zipNeedsEqualRowCountsAndSaysSoInTheRun() {
        Harness h = new Harness();
        h.run("""
                playbook: zip
                blocks:
                  a: { action: list, app: test, parameters: { count: 2 } }
                  b: { action: list, app: test, parameters: { count: 3 } }
                  e:
                    action: echo
                    app: test
                    combine: zip
                    parameters: { value: a:action_result.data.*.*.id, other: b:action_result.data.*.*.id }
                edges: [start -> a, a -> b, b -> e, e.failure -> end, e -> end]
                """);
        var r = (Map<?, ?>) ((List<?>) h.finished("e").output().get("results")).get(0);
        assertEquals("combine: zip needs sources with the same number of rows, but they have 2 and 3",
                r.get("message"));
    }
}
