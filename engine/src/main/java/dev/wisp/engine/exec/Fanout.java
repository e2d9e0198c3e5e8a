package dev.wisp.engine.exec;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Combine;
import dev.wisp.dsl.model.Value;
import dev.wisp.dsl.path.DataPath;
import dev.wisp.engine.data.PathEvaluator;
import dev.wisp.engine.data.Row;
import dev.wisp.engine.data.RunData;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.DataType;
import dev.wisp.spi.ParameterSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an action block's parameters into one parameter set per execution (SOAR's collect): values from one source
 * align row by row (shallower values repeat within their parent), sources combine by {@code combine} (product by
 * default, as SOAR), literals repeat, list parameters take every value at once. Defaults then the asset's defaults
 * fill gaps, and each default used is recorded; rows still missing a required parameter are skipped and counted.
 * A value that comes from a failed execution, or from a block that did not run, is unavailable: its row is skipped
 * with the reason and never filled by a default, so a failed upstream cannot turn into a default silently.
 */
final class Fanout {
    static final int MAX_ROWS = 1_000_000;

    /**
     * The executions to run.
     *
     * @param rows     one parameter map per execution; a row with an {@code error} is failed without running
     * @param skipped  why rows were skipped (a missing required parameter, an unavailable upstream value) and how many
     * @param defaults the defaults used: parameter, value, source (the parameter's default or the asset's), rows
     */
    record Plan(List<PlannedRow> rows, Map<String, Integer> skipped, List<Map<String, Object>> defaults) {
        int skippedRows() {
            return skipped.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * A value that cannot be used: it comes from a failed execution or from a block that did not run.
     *
     * @param reason why, naming the block
     */
    record Unavailable(String reason) {
    }

    /**
     * One execution's parameters, or why they cannot be used.
     *
     * @param parameters the parameters
     * @param error      a problem with them (e.g. a value that is not a number), or null
     */
    record PlannedRow(Map<String, Object> parameters, String error) {
    }

    private Fanout() {
    }

    static Plan plan(Block.ActionBlock block, ActionSpec spec, AssetConfig asset, RunData data,
                     PathEvaluator eval) {
        Map<String, Object> constants = new LinkedHashMap<>();
        Map<String, Map<String, List<Row>>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : block.parameters().entrySet()) {
            ParameterSpec p = spec.parameter(e.getKey()).orElse(null);
            if (e.getValue() instanceof Value.Literal lit) {
                constants.put(e.getKey(), lit.value());
                continue;
            }
            DataPath path = ((Value.PathRef) e.getValue()).path();
            Unavailable notRun = notRun(path, data);
            List<Row> rows = notRun != null ? List.of() : available(path, eval.rows(path, data), data);
            if (notRun == null && rows.stream().allMatch(r -> r.value() == null)) {
                notRun = failedSource(path, data); // nothing to read, and the reason is a failed execution
            }
            if (p != null && p.type() == DataType.LIST) {
                List<Object> values = rows.stream().map(Row::value).filter(v -> !(v instanceof Unavailable)).toList();
                Object first = rows.stream().map(Row::value).filter(v -> v instanceof Unavailable).findFirst()
                        .orElse(notRun);
                constants.put(e.getKey(), values.isEmpty() && first != null ? first : values);
            } else if (rows.size() <= 1) {
                constants.put(e.getKey(), notRun != null ? notRun : rows.isEmpty() ? null : rows.get(0).value());
            } else {
                groups.computeIfAbsent(PathEvaluator.sourceKey(path), k -> new LinkedHashMap<>())
                        .put(e.getKey(), rows);
            }
        }
        List<List<Map<String, Object>>> perSource = new ArrayList<>();
        groups.values().forEach(g -> perSource.add(align(g)));
        List<Map<String, Object>> combined = combine(perSource, block.combine() == Combine.ZIP);
        List<PlannedRow> rows = new ArrayList<>(combined.size());
        Map<String, Integer> skipped = new LinkedHashMap<>();
        Map<List<Object>, Integer> defaults = new LinkedHashMap<>();
        for (Map<String, Object> values : combined) {
            Map<String, Object> params = new LinkedHashMap<>(constants);
            params.putAll(values);
            String unavailable = unavailable(params);
            if (unavailable != null) {
                skipped.merge(unavailable, 1, Integer::sum);
                continue;
            }
            List<List<Object>> used = new ArrayList<>();
            PlannedRow row = complete(params, spec, asset, used);
            if (row == null) {
                skipped.merge(missing(params, spec, asset), 1, Integer::sum);
            } else {
                rows.add(row);
                used.forEach(u -> defaults.merge(u, 1, Integer::sum));
            }
        }
        List<Map<String, Object>> usedDefaults = new ArrayList<>();
        defaults.forEach((k, n) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("parameter", k.get(0));
            d.put("value", k.get(1));
            d.put("source", k.get(2));
            d.put("rows", n);
            usedDefaults.add(d);
        });
        return new Plan(rows, skipped, usedDefaults);
    }

    /** Why a path's source block (or filter) has nothing to give because it did not run, or null. */
    private static Unavailable notRun(DataPath path, RunData data) {
        if (path instanceof DataPath.FilteredPath fp && data.block(fp.filter()) == null) {
            return new Unavailable("filter " + fp.filter() + " did not run");
        }
        String source = PathEvaluator.sourceBlock(path);
        if (source != null && data.block(source) == null) {
            return new Unavailable("block " + source + " did not run");
        }
        return null;
    }

    /** Why a path that yields nothing has nothing: its source block's executions failed; null otherwise. */
    private static Unavailable failedSource(DataPath path, RunData data) {
        DataPath inner = path instanceof DataPath.FilteredPath fp ? fp.inner() : path;
        if (!(inner instanceof DataPath.BlockPath bp) || !bp.root().equals("action_result")) {
            return null;
        }
        for (Map<String, Object> r : data.block(bp.block()).results()) {
            if (!"success".equals(r.get("status"))) {
                Object message = r.get("message");
                return new Unavailable("block " + bp.block() + " failed" + (message == null ? "" : " (" + message
                        + ")"));
            }
        }
        return null;
    }

    /** The rows, with values read from a failed execution's result replaced by why they are unavailable. */
    private static List<Row> available(DataPath path, List<Row> rows, RunData data) {
        DataPath inner = path instanceof DataPath.FilteredPath fp ? fp.inner() : path;
        if (!(inner instanceof DataPath.BlockPath bp) || !bp.root().equals("action_result")
                || bp.segments().size() > 1 && List.of("status", "message", "parameter")
                .contains(bp.segments().get(1).toString())) {
            return rows; // a result's status, message and parameters are there to read, failed or not
        }
        List<Map<String, Object>> results = data.block(bp.block()).results();
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            int i = r.key().isEmpty() ? -1 : r.key().get(0);
            if (i >= 0 && i < results.size() && !"success".equals(results.get(i).get("status"))) {
                Object message = results.get(i).get("message");
                out.add(new Row(r.key(), new Unavailable("block " + bp.block() + " failed"
                        + (message == null ? "" : " (" + message + ")"))));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static String unavailable(Map<String, Object> params) {
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (e.getValue() instanceof Unavailable u) {
                return "parameter " + e.getKey() + " has no value because " + u.reason()
                        + "; defaults do not stand in for a failed upstream";
            }
        }
        return null;
    }

    /** Zips the paths of one source by position; a shallower path's value repeats under its parent. */
    private static List<Map<String, Object>> align(Map<String, List<Row>> paths) {
        String driver = null;
        for (Map.Entry<String, List<Row>> e : paths.entrySet()) {
            if (driver == null || e.getValue().size() > paths.get(driver).size()) {
                driver = e.getKey();
            }
        }
        List<Row> driverRows = paths.get(driver);
        List<Map<String, Object>> out = new ArrayList<>(driverRows.size());
        Map<String, Map<List<Integer>, Object>> byKey = new HashMap<>();
        paths.forEach((name, rows) -> {
            Map<List<Integer>, Object> m = new HashMap<>();
            rows.forEach(r -> m.putIfAbsent(r.key(), r.value()));
            byKey.put(name, m);
        });
        for (int i = 0; i < driverRows.size(); i++) {
            Row d = driverRows.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            for (Map.Entry<String, List<Row>> e : paths.entrySet()) {
                List<Row> rows = e.getValue();
                if (rows.size() == driverRows.size()) {
                    row.put(e.getKey(), rows.get(i).value());
                } else {
                    row.put(e.getKey(), ancestorValue(byKey.get(e.getKey()), d.key()));
                }
            }
            out.add(row);
        }
        return out;
    }

    private static Object ancestorValue(Map<List<Integer>, Object> values, List<Integer> key) {
        for (int n = key.size(); n >= 0; n--) {
            List<Integer> prefix = key.subList(0, n);
            if (values.containsKey(prefix)) {
                return values.get(prefix);
            }
        }
        return null;
    }

    private static List<Map<String, Object>> combine(List<List<Map<String, Object>>> sources, boolean zip) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (List<Map<String, Object>> source : sources) {
            if (zip) {
                int n = Math.max(out.size(), source.size());
                if (out.size() != 1 && source.size() != 1 && out.size() != source.size()) {
                    throw new FanoutException("combine: zip needs sources with the same number of rows, but they "
                            + "have " + out.size() + " and " + source.size());
                }
                List<Map<String, Object>> next = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    Map<String, Object> row = new LinkedHashMap<>(out.get(out.size() == 1 ? 0 : i));
                    row.putAll(source.get(source.size() == 1 ? 0 : i));
                    next.add(row);
                }
                out = next;
            } else {
                if ((long) out.size() * source.size() > MAX_ROWS) {
                    throw new FanoutException("the parameters combine into more than " + MAX_ROWS
                            + " executions (a cross product); use combine: zip or narrow the inputs");
                }
                List<Map<String, Object>> next = new ArrayList<>(out.size() * source.size());
                for (Map<String, Object> a : out) {
                    for (Map<String, Object> b : source) {
                        Map<String, Object> row = new LinkedHashMap<>(a);
                        row.putAll(b);
                        next.add(row);
                    }
                }
                out = next;
            }
        }
        return out;
    }

    /** Fills defaults (noting each in {@code used}) and coerces types; null when a required parameter is missing. */
    private static PlannedRow complete(Map<String, Object> params, ActionSpec spec, AssetConfig asset,
                                       List<List<Object>> used) {
        String error = null;
        for (ParameterSpec p : spec.parameters()) {
            Object v = params.get(p.name());
            if (blank(v) && p.defaultValue() != null) {
                v = p.defaultValue();
                used.add(java.util.Arrays.asList(p.name(), v, "the default of parameter " + p.name()));
            }
            if (blank(v) && p.assetDefault() != null && asset != null) {
                v = asset.value(p.assetDefault()).orElse(null);
                if (!blank(v)) {
                    used.add(java.util.Arrays.asList(p.name(), v, "asset " + asset.name() + ": "
                            + p.assetDefault()));
                }
            }
            if (blank(v)) {
                if (p.required()) {
                    return null;
                }
                params.remove(p.name());
                continue;
            }
            Object coerced = coerce(v, p.type());
            if (coerced == null) {
                error = "parameter " + p.name() + " must be " + p.type().id() + ", not '" + v + "'";
                coerced = v;
            }
            params.put(p.name(), coerced);
        }
        return new PlannedRow(params, error);
    }

    private static String missing(Map<String, Object> params, ActionSpec spec, AssetConfig asset) {
        for (ParameterSpec p : spec.parameters()) {
            if (p.required() && blank(params.get(p.name())) && p.defaultValue() == null
                    && (p.assetDefault() == null || asset == null || asset.value(p.assetDefault()).isEmpty())) {
                return "required parameter " + p.name() + " had no value";
            }
        }
        return "a required parameter had no value";
    }

    static boolean blank(Object v) {
        return v == null || (v instanceof String s && s.isBlank());
    }

    /** The value as the type wants it, or null when it cannot be converted without loss. */
    static Object coerce(Object v, DataType type) {
        switch (type) {
            case NUMERIC -> {
                if (v instanceof Number) {
                    return v;
                }
                try {
                    BigDecimal d = new BigDecimal(v.toString().strip());
                    return d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0
                            ? (Object) d.toBigIntegerExact().longValueExact() : (Object) d.doubleValue();
                } catch (NumberFormatException | ArithmeticException e) {
                    return null;
                }
            }
            case BOOLEAN -> {
                if (v instanceof Boolean) {
                    return v;
                }
                String s = v.toString().strip().toLowerCase(java.util.Locale.ROOT);
                return s.equals("true") ? Boolean.TRUE : s.equals("false") ? Boolean.FALSE : null;
            }
            case STRING, PASSWORD -> {
                return v instanceof Map || v instanceof List ? null : v instanceof String ? v : stringOf(v);
            }
            default -> {
                return v;
            }
        }
    }

    private static String stringOf(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return v.toString();
    }

    /** The block's parameters cannot be combined; the block fails with this message. */
    static final class FanoutException extends RuntimeException {
        FanoutException(String message) {
            super(message);
        }
    }
}
