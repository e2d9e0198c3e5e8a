package dev.wisp.engine.data;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import dev.wisp.dsl.path.DataPath;
import dev.wisp.dsl.path.Segment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates data paths into rows, as SOAR's collect does: one row per leaf of the deepest {@code *}, a null row where
 * a path leads nowhere, each row keyed by its position so values of one source align and filters can restrict
 * them. SOAR-form paths walk the run data directly (they need positions, which JsonPath does not return cheaply);
 * raw {@code $...} paths are compiled once to Jayway JsonPath. Thread-safe.
 */
public final class PathEvaluator {
    private static final Configuration JSONPATH = Configuration.defaultConfiguration()
            .addOptions(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS, Option.DEFAULT_PATH_LEAF_TO_NULL);
    private final Map<String, JsonPath> compiled = new ConcurrentHashMap<>();

    public List<Row> rows(DataPath path, RunData data) {
        List<Row> out = new ArrayList<>();
        if (path instanceof DataPath.BlockPath bp) {
            block(bp, data, out);
        } else if (path instanceof DataPath.FilteredPath fp) {
            return filtered(fp, data);
        } else if (path instanceof DataPath.InputPath ip) {
            walk(data.inputs().get(ip.name()), ip.segments(), 0, new ArrayList<>(), out);
        } else if (path instanceof DataPath.ContainerPath cp) {
            walk(data.container(), cp.segments(), 0, new ArrayList<>(), out);
        } else if (path instanceof DataPath.ArtifactPath ap) {
            walk(data.artifacts(), ap.segments(), 0, new ArrayList<>(), out);
        } else if (path instanceof DataPath.RawJsonPath raw) {
            JsonPath jp = compiled.computeIfAbsent(raw.expression(), JsonPath::compile);
            Object result = jp.read(data.document(), JSONPATH);
            if (result instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    out.add(new Row(List.of(i), list.get(i)));
                }
            }
        }
        return out;
    }

    /** Just the values. */
    public List<Object> values(DataPath path, RunData data) {
        return rows(path, data).stream().map(Row::value).toList();
    }

    /** Which source a path's rows come from: values of one source align row by row. */
    public static String sourceKey(DataPath path) {
        if (path instanceof DataPath.BlockPath bp) {
            return "block:" + bp.block();
        }
        if (path instanceof DataPath.FilteredPath fp) {
            return sourceKey(fp.inner());
        }
        if (path instanceof DataPath.ArtifactPath) {
            return "artifacts";
        }
        if (path instanceof DataPath.InputPath ip) {
            return "input:" + ip.name();
        }
        return path instanceof DataPath.ContainerPath ? "container" : "raw:" + path.text();
    }

    /** The block a path's rows come from (null for the event, inputs and raw paths). */
    public static String sourceBlock(DataPath path) {
        if (path instanceof DataPath.BlockPath bp) {
            return bp.block();
        }
        if (path instanceof DataPath.FilteredPath fp) {
            return sourceBlock(fp.inner());
        }
        return null;
    }

    private void block(DataPath.BlockPath bp, RunData data, List<Row> out) {
        BlockState s = data.block(bp.block());
        if (s == null) {
            return;
        }
        List<Segment> rest = bp.segments().subList(1, bp.segments().size());
        switch (bp.root()) {
            case "action_result" -> {
                for (int i = 0; i < s.results().size(); i++) {
                    List<Integer> key = new ArrayList<>();
                    key.add(i);
                    walk(s.results().get(i), rest, 0, key, out);
                }
            }
            case "summary" -> walk(blockSummary(s), rest, 0, new ArrayList<>(), out);
            case "formatted_data" -> {
                if (rest.isEmpty()) {
                    out.add(new Row(List.of(), s.formatted()));
                } else {
                    for (int i = 0; i < s.formattedRows().size(); i++) {
                        out.add(new Row(List.of(i), s.formattedRows().get(i)));
                    }
                }
            }
            case "playbook_output" -> walk(s.outputs(), rest, 0, new ArrayList<>(), out);
            default -> {
            }
        }
    }

    private static Map<String, Object> blockSummary(BlockState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total_objects", s.results().size());
        m.put("total_objects_successful", s.results().stream().filter(r -> "success".equals(r.get("status"))).count());
        return m;
    }

    private List<Row> filtered(DataPath.FilteredPath fp, RunData data) {
        List<Row> inner = rows(fp.inner(), data);
        BlockState filter = data.block(fp.filter());
        BlockState.Matches m = filter == null ? null : filter.matches().get(fp.condition());
        if (m == null) {
            return List.of();
        }
        if (!java.util.Objects.equals(m.block(), sourceBlock(fp.inner()))) {
            return inner; // the filter looked at other items; it does not restrict these
        }
        Set<List<Integer>> prefixes = new HashSet<>();
        for (List<Integer> k : m.keys()) {
            for (int n = 0; n <= k.size(); n++) {
                prefixes.add(k.subList(0, n));
            }
        }
        List<Row> out = new ArrayList<>();
        for (Row r : inner) {
            if (prefixes.contains(r.key()) || matchedAncestor(r.key(), m.keys())) {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean matchedAncestor(List<Integer> key, Set<List<Integer>> matched) {
        for (int n = 0; n < key.size(); n++) {
            if (matched.contains(key.subList(0, n))) {
                return true;
            }
        }
        return false;
    }

    private static void walk(Object node, List<Segment> segs, int i, List<Integer> key, List<Row> out) {
        if (i == segs.size()) {
            out.add(new Row(key, node));
            return;
        }
        Segment s = segs.get(i);
        if (s instanceof Segment.Wildcard) {
            if (node instanceof List<?> list) {
                for (int j = 0; j < list.size(); j++) {
                    key.add(j);
                    walk(list.get(j), segs, i + 1, key, out);
                    key.remove(key.size() - 1);
                }
            } else if (node != null) {
                out.add(new Row(key, null));
            }
        } else if (s instanceof Segment.Index idx) {
            Object next = node instanceof List<?> list && idx.index() < list.size() ? list.get(idx.index()) : null;
            walk(next, segs, i + 1, key, out);
        } else {
            Object next = node instanceof Map<?, ?> map ? map.get(((Segment.Field) s).name()) : null;
            if (next == null) {
                out.add(new Row(key, null));
            } else {
                walk(next, segs, i + 1, key, out);
            }
        }
    }
}
