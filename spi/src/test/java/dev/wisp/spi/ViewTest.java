package dev.wisp.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ViewTest {
    private static final List<OutputSpec> OUTPUTS = List.of(
            OutputSpec.of("action_result.data.*.*.id", DataType.STRING, "i-1"),
            OutputSpec.of("action_result.summary.total", DataType.NUMERIC, 2));

    private static ActionSpec action() {
        return new ActionSpec("list things", "list_things", ActionType.INVESTIGATE, "", true, true, List.of(), OUTPUTS);
    }

    @Test
    void aViewReadsOnlyDeclaredOutputs() {
        ActionSpec ok = action().withViews(
                new View.Table("Things", "action_result.data.*.*", List.of(new View.Column("ID", "id", null))),
                new View.Summary("Totals", List.of(new View.Field("Things", "action_result.summary.total",
                        View.Format.NUMBER))));
        assertEquals(2, ok.views().size());
        assertEquals(List.of("action_result.data.*.*.id"), ok.views().get(0).paths());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> action().withViews(
                new View.Table("Things", "action_result.data.*.*", List.of(new View.Column("Name", "name", null)))));
        assertTrue(e.getMessage().contains("action 'list things': view 'Things' reads action_result.data.*.*.name, "
                + "which is not one of its declared outputs"), e.getMessage());
    }

    @Test
    void tableRowsAreAListPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new View.Table("T", "action_result.data", List.of()));
        assertTrue(e.getMessage().contains("rows must be a list path ending in .*"), e.getMessage());
    }

    @Test
    void anActionWithoutViewsHasNone() {
        assertEquals(List.of(), action().views());
    }
}
