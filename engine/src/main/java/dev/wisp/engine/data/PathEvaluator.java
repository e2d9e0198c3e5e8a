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
 * them. Every path is compiled once to a Jayway JsonPath (SOAR forms relative to their source: an action result,
 * the container, the artifacts; raw {@code $...} paths over the whole run) and cached. Thread-safe.
 */
public final class PathEvaluator {
    private static final Configuration JSONPATH = Configuration.defaultConfiguration()
            .addOptions(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS, Option.DEFAULT_PATH_LEAF_TO_NULL);
    private static final Configuration POSITIONS = JSONPATH.addOptions(Option.AS_PATH_LIST);
    private final Map<String, JsonPath> compiled = new ConcurrentHashMap<>();

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
     * The rows of {@code segs} under {@code node}: evaluated with the segments' compiled JsonPath, once for the
     * values and once for their positions (Jayway's path list), so each value knows the index it took at every
     * {@code *}. A missing leaf is a null row, as in SOAR.
     */
    private void walk(Object node, List<Segment> segs, List<Integer> key, List<Row> out) {
        if (segs.isEmpty()) {
            out.add(new Row(key, node));
            return;
        }
        if (node == null || !(node instanceof Map || node instanceof List)) {
            out.add(new Row(key, null));
            return;
        }
        JsonPath jp = compiled.computeIfAbsent(jsonPath(segs), JsonPath::compile);
        Object values = jp.read(node, JSONPATH);
        Object paths = jp.read(node, POSITIONS);
        if (!(values instanceof List<?> vs) || !(paths instanceof List<?> ps) || vs.size() != ps.size()) {
            return;
        }
        boolean[] wildcard = new boolean[segs.size()];
        for (int i = 0; i < segs.size(); i++) {
            wildcard[i] = segs.get(i) instanceof Segment.Wildcard;
        }
        for (int i = 0; i < vs.size(); i++) {
            List<Integer> k = new ArrayList<>(key);
            positions(String.valueOf(ps.get(i)), wildcard, k);
            out.add(new Row(k, vs.get(i)));
        }
    }

    /** {@code data.*.id} as {@code $['data'][*]['id']}. */
    static String jsonPath(List<Segment> segs) {
        StringBuilder b = new StringBuilder("$");
        for (Segment s : segs) {
            if (s instanceof Segment.Wildcard) {
                b.append("[*]");
            } else if (s instanceof Segment.Index i) {
                b.append('[').append(i.index()).append(']');
            } else {
                b.append("['").append(((Segment.Field) s).name().replace("'", "\\'")).append("']");
            }
        }
        return b.toString();
    }

    /** Appends the indexes a definite path like {@code $['data'][0][2]['id']} took at the wildcards. */
    private static void positions(String path, boolean[] wildcard, List<Integer> key) {
        int seg = 0;
        int i = 1;
        while (i < path.length() && seg < wildcard.length) {
            int close = path.charAt(i + 1) == '\'' ? path.indexOf("']", i + 2) + 1 : path.indexOf(']', i);
            if (wildcard[seg]) {
                key.add(Integer.parseInt(path.substring(i + 1, close)));
            }
            i = close + 1;
            seg++;
        }
    }
}
