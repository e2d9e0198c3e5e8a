package dev.wisp.engine.data;

import dev.wisp.spi.ActionResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a finished block left for data paths to read: its action results, a format's texts, a filter's matches, a
 * sub-playbook's outputs. Immutable once published.
 *
 * @param results    one action result per execution (actions, prompts, sub-playbooks), as JSON-like maps
 * @param formatted  a format's whole text, or null
 * @param formattedRows a format's per-row texts
 * @param matches    a filter's matches: condition name to the source block and the matching row keys
 * @param outputs    a sub-playbook's outputs
 */
public record BlockState(List<Map<String, Object>> results, String formatted, List<String> formattedRows,
                         Map<String, Matches> matches, Map<String, Object> outputs) {

    /**
     * The items a filter condition matched.
     *
     * @param source the source whose rows were filtered ({@link PathEvaluator#sourceKey}: {@code block:NAME},
     *               {@code artifacts}, {@code container}, ...), or null when the condition read no data path
     * @param keys   the matching row keys
     */
    public record Matches(String source, Set<List<Integer>> keys) {
    }

    public BlockState {
        results = Collections.unmodifiableList(new ArrayList<>(results));
        formattedRows = List.copyOf(formattedRows);
        matches = Map.copyOf(matches);
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    public static BlockState ofResults(List<ActionResult> results) {
        List<Map<String, Object>> maps = new ArrayList<>();
        results.forEach(r -> maps.add(asMap(r)));
        return new BlockState(maps, null, List.of(), Map.of(), Map.of());
    }

    /**
     * An action result as the map data paths read: status, message, parameter, data, summary, and for a failure the
     * app classified, failure (transient or permanent).
     */
    public static Map<String, Object> asMap(ActionResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().id());
        m.put("message", r.message());
        m.put("parameter", r.parameter());
        m.put("data", r.data());
        m.put("summary", r.summary());
        if (r.failure() != null && r.failure() != ActionResult.Failure.UNSPECIFIED) {
            m.put("failure", r.failure().id()); // transient or permanent: whether a retry could help
        }
        return m;
    }
}
