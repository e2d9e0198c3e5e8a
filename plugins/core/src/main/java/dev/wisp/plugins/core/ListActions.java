package dev.wisp.plugins.core;

import dev.wisp.spi.ActionResult;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * list demux, list merge and list deduplicate: the community custom functions SOAR authors reach for most, as
 * built-in actions. Each produces one data item per element ({@code action_result.data.*.item}), so the next
 * action block runs once per element.
 */
final class ListActions {
    private static final int MAX_MERGE_INPUTS = 5;

    private ListActions() {
    }

    static List<CoreAction> all() {
        return List.of(demux(), merge(), deduplicate());
    }

    private static OutputSpec itemOutput() {
        return OutputSpec.of("action_result.data.*.item", DataType.ANY, "203.0.113.7");
    }

    private static OutputSpec countOutput() {
        return OutputSpec.of("action_result.summary.count", DataType.NUMERIC, 3);
    }

    private static ParameterSpec listParam(String name, boolean required, String description) {
        var b = ParameterSpec.builder(name, DataType.LIST).description(description);
        return (required ? b.required() : b).build();
    }

    private static CoreAction demux() {
        return new PureAction(PureAction.spec("list demux",
                "Turns one list into one data item per element, so that the next block runs once per element.",
                List.of(listParam("list", true, "The list to split into items")), itemOutput(), countOutput()),
                ctx -> items(ctx.parameters(), new Params(ctx.parameters()).list("list")));
    }

    private static CoreAction merge() {
        List<ParameterSpec> params = new ArrayList<>();
        for (int i = 1; i <= MAX_MERGE_INPUTS; i++) {
            params.add(listParam("list_" + i, i == 1, "A list to merge" + (i == 1 ? "" : " (optional)")));
        }
        params.add(ParameterSpec.builder("deduplicate", DataType.BOOLEAN).defaultValue(false)
                .description("Drop repeated elements, keeping the first").build());
        return new PureAction(PureAction.spec("list merge",
                "Concatenates up to five lists into one, optionally without repeats; nulls are dropped.",
                params, itemOutput(), countOutput()),
                ctx -> {
                    Params p = new Params(ctx.parameters());
                    List<Object> merged = new ArrayList<>();
                    for (int i = 1; i <= MAX_MERGE_INPUTS; i++) {
                        p.list("list_" + i).stream().filter(v -> v != null).forEach(merged::add);
                    }
                    return items(ctx.parameters(), p.bool("deduplicate", false) ? unique(merged) : merged);
                });
    }

    private static CoreAction deduplicate() {
        return new PureAction(PureAction.spec("list deduplicate",
                "Removes repeated elements from a list, keeping the first of each and the order.",
                List.of(listParam("list", true, "The list to deduplicate")), itemOutput(), countOutput()),
                ctx -> items(ctx.parameters(), unique(new Params(ctx.parameters()).list("list"))));
    }

    private static List<Object> unique(List<Object> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }

    private static ActionResult items(Map<String, Object> parameters, List<Object> values) {
        List<Object> data = new ArrayList<>(values.size());
        for (Object v : values) {
            data.add(ValueActions.single("item", v));
        }
        return ActionResult.success(parameters, data, Map.of("count", values.size()), values.size() + " items");
    }
}
