package dev.wisp.engine.code;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Value;
import dev.wisp.engine.data.PathEvaluator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a code block's execution, as the scheduler records them, and the request Python gets from them.
 * Each input is a parameter (a data path's values as a list, a literal as written); one more, {@value #PHANTOM},
 * holds what {@code phantom} needs: the row keys of each data path input (for {@code collect2}'s alignment) and the
 * blocks finished so far (for {@code completed}).
 */
public final class CodeInputs {
    /** The parameter that carries the phantom module's context. */
    public static final String PHANTOM = "$phantom";

    private CodeInputs() {
    }

    /** The parameters: each input's value, and the phantom context. */
    public static Map<String, Object> parameters(Map<String, Object> values, Map<String, List<List<Integer>>> keys,
                                                 List<String> finished) {
        Map<String, Object> out = new LinkedHashMap<>(values);
        Map<String, Object> phantom = new LinkedHashMap<>();
        phantom.put("keys", new LinkedHashMap<>(keys));
        phantom.put("finished", List.copyOf(finished));
        out.put(PHANTOM, phantom);
        return out;
    }

    /** The request fields built from an execution's parameters: inputs, keys, data path texts, sources, finished. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> request(Block.CodeBlock block, Map<String, Object> params) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        block.inputs().keySet().forEach(name -> inputs.put(name, params.get(name)));
        Map<String, Object> phantom = params.get(PHANTOM) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, Object> sources = new LinkedHashMap<>();
        block.inputs().forEach((name, v) -> {
            if (v instanceof Value.PathRef ref) {
                paths.putIfAbsent(ref.text(), name);
                paths.putIfAbsent(ref.path().text(), name);
                sources.put(name, PathEvaluator.sourceKey(ref.path()));
            }
        });
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("inputs", inputs);
        r.put("keys", phantom.getOrDefault("keys", Map.of()));
        r.put("paths", paths);
        r.put("sources", sources);
        r.put("finished", phantom.getOrDefault("finished", new ArrayList<>()));
        return r;
    }
}
