package dev.wisp.engine.exec;

import dev.wisp.dsl.model.Comparison;
import dev.wisp.dsl.model.Condition;
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

/**
 * Evaluates a condition per item: the items are the rows of the first data path's source; every comparison that
 * reads that source sees the same item (with {@code all}, all must hold on one item), while values from other
 * sources are taken as a whole. The matching items are remembered for {@code filtered-data:}.
 */
final class Conditions {
    private Conditions() {
    }

    /**
     * The outcome.
     *
     * @param matched whether any item matched
     * @param matches the matching items, for filtered-data paths
     */
    record Outcome(boolean matched, BlockState.Matches matches) {
    }

    static Outcome evaluate(Condition c, RunData data, PathEvaluator eval) {
        String source = null;
        for (Comparison cmp : c.comparisons()) {
            for (Value v : sides(cmp)) {
                if (source == null && v instanceof Value.PathRef ref) {
                    source = PathEvaluator.sourceKey(ref.path());
                }
            }
        }
        Map<Value, List<Row>> itemRows = new HashMap<>();
        Map<Value, Object> whole = new HashMap<>();
        List<Row> driver = List.of(new Row(List.of(), null));
        for (Comparison cmp : c.comparisons()) {
            for (Value v : sides(cmp)) {
                if (v instanceof Value.PathRef ref) {
                    List<Row> rows = eval.rows(ref.path(), data);
                    if (Objects.equals(PathEvaluator.sourceKey(ref.path()), source)) {
                        itemRows.put(v, rows);
                        if (rows.size() > driver.size() || driver.get(0).key().isEmpty() && !rows.isEmpty()) {
                            driver = rows;
                        }
                    } else {
                        whole.put(v, rows.size() == 1 ? rows.get(0).value() : rows.stream().map(Row::value).toList());
                    }
                }
            }
        }
        Set<List<Integer>> keys = new LinkedHashSet<>();
        Map<String, java.util.regex.Pattern> patterns = new HashMap<>();
        for (int i = 0; i < driver.size(); i++) {
            Row item = driver.get(i);
            if (holds(c, item, i, driver.size(), itemRows, whole, patterns)) {
                keys.add(item.key());
            }
        }
        String block = source != null && source.startsWith("block:") ? source.substring("block:".length()) : null;
        return new Outcome(!keys.isEmpty(), new BlockState.Matches(block, keys));
    }

    private static List<Value> sides(Comparison cmp) {
        List<Value> out = new ArrayList<>();
        out.add(cmp.left());
        if (cmp.right() != null) {
            out.add(cmp.right());
        }
        return out;
    }

    private static boolean holds(Condition c, Row item, int index, int count, Map<Value, List<Row>> itemRows,
                                 Map<Value, Object> whole, Map<String, java.util.regex.Pattern> patterns) {
        boolean any = false;
        for (Comparison cmp : c.comparisons()) {
            Object l = value(cmp.left(), item, index, count, itemRows, whole);
            Object r = cmp.right() == null ? null : value(cmp.right(), item, index, count, itemRows, whole);
            boolean ok = Operators.test(cmp.operator(), l, r, c.caseSensitive(), patterns);
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
        return rows.isEmpty() ? null : rows.get(0).value();
    }
}
