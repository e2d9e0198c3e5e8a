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
 * them. SOAR forms are walked relative to their source (an action result, the container, the artifacts, an input);
 * raw {@code $...} paths over the whole run are compiled once to a Jayway JsonPath and cached. Thread-safe.
 */
public final class PathEvaluator {
    private final Map<String, JsonPath> compiled = new ConcurrentHashMap<>();

    /** JsonPath's configuration, made on the first raw {@code $...} path (no run without one loads the library). */
    private static final class Raw {
        static final Configuration JSONPATH = Configuration.defaultConfiguration()
                .addOptions(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS, Option.DEFAULT_PATH_LEAF_TO_NULL);
    }

    public List<Row> rows(DataPath path, RunData data) {
        List<Row> out = new ArrayList<>();
        if (path instanceof DataPath.BlockPath bp) {
            block(bp, data, out);
        } else if (path instanceof DataPath.FilteredPath fp) {
            return filtered(fp, data);
        } else if (path instanceof DataPath.InputPath ip) {
            walk(data.inputs().get(ip.name()), ip.segments(), new ArrayList<>(), out);
        } else if (path instanceof DataPath.ContainerPath cp) {
            walk(data.container(), cp.segments(), new ArrayList<>(), out);
        } else if (path instanceof DataPath.ArtifactPath ap) {
            walk(data.artifacts(), ap.segments(), new ArrayList<>(), out);
        } else if (path instanceof DataPath.RawJsonPath raw) {
            JsonPath jp = compiled.computeIfAbsent(raw.expression(), JsonPath::compile);
            Object result = jp.read(data.document(), Raw.JSONPATH);
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
                    walk(s.results().get(i), rest, key, out);
                }
            }
            case "summary" -> walk(blockSummary(s), rest, new ArrayList<>(), out);
            case "formatted_data" -> {
                if (rest.isEmpty()) {
                    out.add(new Row(List.of(), s.formatted()));
                } else {
                    for (int i = 0; i < s.formattedRows().size(); i++) {
                        out.add(new Row(List.of(i), s.formattedRows().get(i)));
                    }
                }
            }
            case "playbook_output" -> walk(s.outputs(), rest, new ArrayList<>(), out);
            case "custom_function" -> {
                // a code block's outputs are the one data item of each of its results
                for (int i = 0; i < s.results().size(); i++) {
                    Object items = s.results().get(i).get("data");
                    List<Integer> key = new ArrayList<>();
                    key.add(i);
                    walk(items instanceof List<?> l && !l.isEmpty() ? l.get(0) : null, rest, key, out);
                }
            }
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
        if (!java.util.Objects.equals(m.source(), sourceKey(fp.inner()))) {
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

    /**
     * The rows of {@code segs} under {@code node}, walked directly: a field of an object (a missing last field is a
     * null row, a missing field before it yields nothing), an index of a list (out of range: nothing), {@code *}
     * over a list's elements or an object's values (each row keyed by the position it took there). A step that meets
     * anything else (a field of a list, an index of an object, anything of null or of a scalar) yields nothing. These
     * are the rules of Jayway JsonPath with ALWAYS_RETURN_LIST, SUPPRESS_EXCEPTIONS and DEFAULT_PATH_LEAF_TO_NULL,
     * which this walk replaced: it evaluated every path twice (values, then positions as text to parse), most of a
     * short step's time. A node that is neither an object nor a list, with segments left, is one null row.
     */
    private static void walk(Object node, List<Segment> segs, List<Integer> key, List<Row> out) {
        if (segs.isEmpty()) {
            out.add(new Row(key, node));
            return;
        }
        if (!(node instanceof Map || node instanceof List)) {
            out.add(new Row(key, null));
            return;
        }
        descend(node, segs, 0, key, out);
    }

    private static void descend(Object node, List<Segment> segs, int at, List<Integer> key, List<Row> out) {
        Segment seg = segs.get(at);
        if (seg instanceof Segment.Field f) {
            if (node instanceof Map<?, ?> m) {
                if (m.containsKey(f.name())) {
                    step(m.get(f.name()), segs, at, key, out);
                } else if (at == segs.size() - 1) {
                    out.add(new Row(key, null));
                }
            }
        } else if (seg instanceof Segment.Index i) {
            if (node instanceof List<?> l && i.index() < l.size()) {
                step(l.get(i.index()), segs, at, key, out);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                key.add(i);
                step(l.get(i), segs, at, key, out);
                key.remove(key.size() - 1);
            }
        } else if (node instanceof Map<?, ?> m) {
            int i = 0;
            for (Object value : m.values()) {
                key.add(i++);
                step(value, segs, at, key, out);
                key.remove(key.size() - 1);
            }
        }
    }

    private static void step(Object value, List<Segment> segs, int at, List<Integer> key, List<Row> out) {
        if (at == segs.size() - 1) {
            out.add(new Row(key, value));
        } else {
            descend(value, segs, at + 1, key, out);
        }
    }
}
