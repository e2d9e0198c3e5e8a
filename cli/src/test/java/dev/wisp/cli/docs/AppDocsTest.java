package dev.wisp.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisp.cado.CadoResponseApp;
import dev.wisp.spi.OutputSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AppDocsTest {

    @Test
    void numbersAreWrittenAsPeopleWriteThem() {
        assertEquals("1633025565.147805", AppDocs.value(1.633025565147805E9));
        assertEquals("2", AppDocs.value(2.0));
        assertEquals("0.5", AppDocs.value(0.5f));
        assertEquals("18", AppDocs.value(18));
        assertEquals("null", AppDocs.value(null));
    }

    /** An example summary whose counts do not add up to its total reads as a bug in the docs. */
    @Test
    void theCadoPipelineSummaryExamplesAddUp() {
        Map<String, List<OutputSpec>> summaries = new CadoResponseApp().spec().actions().stream()
                .flatMap(a -> a.outputs().stream())
                .filter(o -> o.dataPath().matches(".*\\.summary\\.(total|failure|pending|running|success|cancelled)"))
                .collect(Collectors.groupingBy(o -> o.dataPath().substring(0, o.dataPath().lastIndexOf('.'))));
        assertEquals(true, summaries.size() >= 2, summaries.keySet().toString());
        summaries.forEach((prefix, outs) -> {
            long total = outs.stream().filter(o -> o.dataPath().endsWith(".total"))
                    .mapToLong(o -> ((Number) o.examples().get(0)).longValue()).sum();
            long parts = outs.stream().filter(o -> !o.dataPath().endsWith(".total"))
                    .mapToLong(o -> ((Number) o.examples().get(0)).longValue()).sum();
            assertEquals(total, parts, prefix);
        });
    }
}
