package dev.wisp.engine.exec;

import dev.wisp.dsl.check.Sources;
import dev.wisp.dsl.model.Comparison;
import dev.wisp.dsl.model.Condition;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.model.Value;
import dev.wisp.engine.data.BlockState;
import dev.wisp.engine.data.PathEvaluator;
import dev.wisp.engine.data.Row;
import dev.wisp.engine.data.RunData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Evaluates a condition per item. The items are the rows of the condition's first multi-valued source, in the order
 * the comparisons are written (an action's results, the artifacts, a path with {@code *}); when every source is a
 * single value (container fields, inputs, prompt answers), there is one item. Every comparison that reads the item
 * source sees the same item (with {@code all}, all must hold on one item). A value of another source is that value
 * when it is one row, and a {@link Operators.Several} when it is several, which the operators test value by value
 * (never as text). The matching items are remembered for {@code filtered-data:}; items whose value was missing for
 * an operator that needs one are counted.
 */
final class Conditions {
    private Conditions() {
    }

    /**
     * The outcome.
     *
     * @param matched whether any item matched
     * @param matches the matching items, for filtered-data paths
     * @param items   how many items were tested
     * @param missing how many of the items that did not match lacked a value a comparison needed
     */
    record Outcome(boolean matched, BlockState.Matches matches, int items, int missing) {
    }

    static Outcome evaluate(Condition c, Playbook playbook, RunData data, PathEvaluator eval) {
        String source = itemSource(c, playbook);
        Map<Value, List<Row>> itemRows = new HashMap<>();
        Map<Value, Object> whole = new HashMap<>();
        List<Row> driver = List.of(new Row(List.of(), null));
        for (Comparison cmp : c.comparisons()) {
            for (Value v : sides(cmp)) {
                if (v instanceof Value.PathRef ref && !itemRows.containsKey(v) && !whole.containsKey(v)) {
                    List<Row> rows = eval.rows(ref.path(), data);
                    if (Objects.equals(PathEvaluator.sourceKey(ref.path()), source)) {
                        itemRows.put(v, rows);
                        if (rows.size() > driver.size() || driver.get(0).key().isEmpty() && !rows.isEmpty()) {
                            driver = rows;
                        }
                    } else {
                        whole.put(v, rows.isEmpty() ? null : rows.size() == 1 ? rows.get(0).value()
                                : new Operators.Several(rows.stream().map(Row::value).toList()));
                    }
                }
            }
        }
        if (itemRows.values().stream().allMatch(List::isEmpty) && !itemRows.isEmpty()) {
            driver = List.of(); // the item source has no items: nothing can match
        }
        Set<List<Integer>> keys = new LinkedHashSet<>();
        Map<String, Pattern> patterns = new HashMap<>();
        int missing = 0;
        for (int i = 0; i < driver.size(); i++) {
            Row item = driver.get(i);
            boolean[] lacked = new boolean[1];
            if (holds(c, item, i, driver.size(), itemRows, whole, patterns, lacked)) {
                keys.add(item.key());
            } else if (lacked[0]) {
                missing++;
            }
        }
        return new Outcome(!keys.isEmpty(), new BlockState.Matches(source, keys), driver.size(), missing);
    }

    /** The source whose rows are the items: the first multi-valued one, else the first path's. */
    static String itemSource(Condition c, Playbook playbook) {
        String first = null;
        for (Comparison cmp : c.comparisons()) {
            for (Value v : sides(cmp)) {
                if (v instanceof Value.PathRef ref) {
                    if (Sources.source(playbook, ref.path()) != null) {
                        return PathEvaluator.sourceKey(ref.path());
                    }
                    if (first == null) {
                        first = PathEvaluator.sourceKey(ref.path());
                    }
                }
            }
        }
        return first;
    }

    private static List<Value> sides(Comparison cmp) {
        List<Value> out = new ArrayList<>(2);
        out.add(cmp.left());
        if (cmp.right() != null) {
            out.add(cmp.right());
        }
        return out;
    }

    private static boolean holds(Condition c, Row item, int index, int count, Map<Value, List<Row>> itemRows,
                                 Map<Value, Object> whole, Map<String, Pattern> patterns, boolean[] lacked) {
        boolean any = false;
        for (Comparison cmp : c.comparisons()) {
            Object l = value(cmp.left(), item, index, count, itemRows, whole);
            Object r = cmp.right() == null ? null : value(cmp.right(), item, index, count, itemRows, whole);
            boolean ok = Operators.test(cmp.operator(), l, r, c.caseSensitive(), patterns);
            if (!ok && Operators.missing(cmp.operator(), l, r)) {
                lacked[0] = true;
            }
            if (c.logic() == Condition.Logic.ALL && !ok) {
                return false;
            }
            any |= ok;
        }
        return c.logic() == Condition.Logic.ALL || any;
    }

    private static Object value(Value v, Row item, int index, int count, Map<Value, List<Row>> itemRows,
                                Map<Value, Object> whole) {
        if (v instanceof Value.Literal lit) {
            return lit.value();
        }
        List<Row> rows = itemRows.get(v);
        if (rows == null) {
            return whole.get(v);
        }
        if (rows.size() == count) {
            return rows.get(index).value();
        }
        for (Row r : rows) {
            if (item.under(r.key())) {
                return r.value();
            }
        }
        return null;
    }
}
