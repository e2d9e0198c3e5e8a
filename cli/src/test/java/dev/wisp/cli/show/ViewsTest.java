package dev.wisp.cli.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.View;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewsTest {
    private static final ActionSpec LIST = new ActionSpec("list things", "list_things", ActionType.INVESTIGATE, "",
            true, true, List.of(), List.of(OutputSpec.of("action_result.data.*.*.id", DataType.STRING, "a"),
            OutputSpec.of("action_result.data.*.*.started", DataType.NUMERIC, 0),
            OutputSpec.of("action_result.data.*.*.took", DataType.NUMERIC, 0),
            OutputSpec.of("action_result.summary.total", DataType.NUMERIC, 0)))
            .withViews(new View.Table("Things", "action_result.data.*.*", List.of(
                            new View.Column("ID", "id", View.Format.TEXT),
                            new View.Column("Started", "started", View.Format.TIME),
                            new View.Column("Took", "took", View.Format.SECONDS))),
                    new View.Summary("Totals", List.of(new View.Field("Things", "action_result.summary.total",
                            View.Format.NUMBER))));

    private static final Map<String, Object> RESULT = Map.of("status", "success", "data", List.of(List.of(
            Map.of("id", "a", "started", 1633025565.147805, "took", 3725),
            Map.of("id", "b", "started", 0, "took", 5))), "summary", Map.of("total", 12345));

    @Test
    void declaredViewsFormatTheirValues() {
        List<Shown> shown = Views.of(LIST, RESULT);
        Shown.Table t = (Shown.Table) shown.get(0);
        assertEquals(List.of("ID", "Started", "Took"), t.headers());
        assertEquals(List.of("a", "2021-09-30 18:12:45 UTC", "1h 2m 5s"), t.rows().get(0));
        assertEquals(List.of("b", "1970-01-01 00:00:00 UTC", "5s"), t.rows().get(1));
        assertEquals(List.of("12,345"), ((Shown.Summary) shown.get(1)).values());
    }

    @Test
    void anActionWithoutViewsGetsItsDataAsATableAndItsSummaryAsValues() {
        List<Shown> shown = Views.of(null, RESULT);
        Shown.Table t = (Shown.Table) shown.get(0);
        assertEquals(java.util.Set.of("id", "started", "took"), java.util.Set.copyOf(t.headers()));
        assertEquals(2, t.rows().size(), "one row per item of the list-of-lists data");
        assertEquals(List.of("total"), ((Shown.Summary) shown.get(1)).labels());
    }

    @Test
    void terminalTablesFitTheWidthAndLongValuesAreCut() {
        Shown.Table t = new Shown.Table("T", List.of("name", "description"), List.of(List.of("web-01",
                "x".repeat(200))), List.of(false, false));
        List<String> lines = TerminalViews.lines(t, 60, "  ");
        assertTrue(lines.stream().allMatch(l -> l.length() <= 60), lines.toString());
        assertTrue(lines.get(3).endsWith("…"), lines.get(3));
        assertTrue(lines.get(3).startsWith("  web-01"), lines.get(3));
    }

    @Test
    void aHugeValueIsCutInTheViewButNotLost() {
        Map<String, Object> big = Map.of("data", List.of(Map.of("body", "y".repeat(10_000))));
        Shown.Table t = (Shown.Table) Views.of(null, big).get(0);
        assertEquals(Views.MAX_VALUE_CHARS, t.rows().get(0).get(0).length());
    }
}
