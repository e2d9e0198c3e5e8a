package dev.wisp.importer.soar;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How a SOAR utility block (community custom function or platform API call) becomes a Wisp action.
 *
 * @param function   the SOAR function ({@code list_merge}, {@code comment})
 * @param app        the Wisp app ({@code core} or {@code soar})
 * @param action     the Wisp action
 * @param parameters SOAR field to Wisp parameter, in the order written
 * @param dropped    SOAR fields the Wisp action does not take: dropped silently when they are SOAR plumbing
 *                   ({@code container}), with a warning when they carry a value
 * @param booleans   Wisp parameters that are booleans (SOAR writes "True"/"False" texts)
 * @param rewrite    how {@code custom_function_result.data...} of this block reads in Wisp (null when unknown)
 */
record CallPlan(String function, String app, String action, Map<String, String> parameters, Set<String> dropped,
                Set<String> booleans, UnaryOperator<String> rewrite) {
    /** SOAR fields that are plumbing (the current container, tracing, the author): never a loss. */
    static final Set<String> PLUMBING = Set.of("container", "container_id", "_internal", "trace", "author");

    CallPlan {
        parameters = Map.copyOf(parameters);
        dropped = Set.copyOf(dropped);
        booleans = Set.copyOf(booleans);
    }

    /**
     * Rewrites {@code custom_function_result.data[.*].<soar output>[.rest]} to {@code <wisp prefix>[.rest]}; other
     * paths give {@code null}.
     */
    static UnaryOperator<String> outputs(Map<String, String> soarToWisp) {
        return rest -> {
            String prefix = "custom_function_result.data";
            if (!rest.startsWith(prefix)) {
                return null;
            }
            String r = rest.substring(prefix.length());
            if (r.startsWith(".*")) {
                r = r.substring(2);
            }
            if (!r.startsWith(".")) {
                return null;
            }
            r = r.substring(1);
            for (var e : soarToWisp.entrySet()) {
                if (r.equals(e.getKey()) || r.startsWith(e.getKey() + ".")) {
                    return e.getValue() + r.substring(e.getKey().length());
                }
            }
            return null;
        };
    }

    static List<String> inputs(String prefix, int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
    }
}
