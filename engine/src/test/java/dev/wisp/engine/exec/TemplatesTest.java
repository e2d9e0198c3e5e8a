package dev.wisp.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplatesTest {
    @Test
    void wholeTextJoinsEachPlaceholdersValuesAndDropsNulls() {
        assertEquals("ips: a; b on {host}", Templates.whole("ips: {0} on {{host}}",
                List.of(Arrays.asList("a", null, "b")), "; "));
        assertEquals("7 items", Templates.whole("{0} items", List.of(List.of(7.0)), ", "));
    }

    @Test
    void rowsPairValuesByIndexAndRepeatSingleValues() {
        assertEquals(List.of("a@x", "b@x"), Templates.rows("{0}@{1}", List.of(List.of("a", "b"), List.of("x"))));
        assertEquals(List.of("a-", "b-c"), Templates.rows("{0}-{1}", List.of(List.of("a", "b"),
                Arrays.asList(null, "c"))));
    }
}
