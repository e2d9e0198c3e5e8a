package dev.wisp.engine.exec;

import dev.wisp.engine.data.BlockState;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.spi.ActionResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an earlier journal of this run says already happened: finished blocks (restored whole) and finished
 * executions of blocks that had not finished (reused, so an action that completed is never run again).
 */
final class Restored {
    private final Map<String, ActionResult> executions;

    private Restored(Map<String, ActionResult> executions) {
        this.executions = executions;
    }

    static Restored from(List<JournalEvent> events) {
        Map<String, ActionResult> done = new HashMap<>();
        for (JournalEvent e : events) {
            if (e instanceof JournalEvent.ExecutionFinished f && f.final_()) {
                done.put(key(f.block(), f.iteration(), f.index()), result(f.result()));
            }
        }
        return new Restored(done);
    }

    /** The result of an execution that finished before, if any. */
    ActionResult execution(String block, int iteration, int index) {
        return executions.get(key(block, iteration, index));
    }

    private static String key(String block, int iteration, int index) {
        return block + "#" + iteration + "#" + index;
    }

    @SuppressWarnings("unchecked")
    static ActionResult result(Map<String, Object> m) {
        return new ActionResult("success".equals(m.get("status")) ? ActionResult.Status.SUCCESS
                : ActionResult.Status.FAILED, (String) m.get("message"),
                (Map<String, Object>) m.getOrDefault("parameter", Map.of()),
                (List<Object>) m.getOrDefault("data", List.of()),
                (Map<String, Object>) m.getOrDefault("summary", Map.of()));
    }

    /** The block state a BlockFinished event's output describes. */
    @SuppressWarnings("unchecked")
    static BlockState state(Map<String, Object> output) {
        List<Map<String, Object>> results = (List<Map<String, Object>>) output.getOrDefault("results", List.of());
        Map<String, BlockState.Matches> matches = new LinkedHashMap<>();
        Map<String, Object> m = (Map<String, Object>) output.getOrDefault("matches", Map.of());
        m.forEach((cond, v) -> {
            Map<String, Object> mm = (Map<String, Object>) v;
            Set<List<Integer>> keys = new LinkedHashSet<>();
            for (Object k : (List<Object>) mm.getOrDefault("keys", List.of())) {
                List<Integer> key = new ArrayList<>();
                ((List<Object>) k).forEach(x -> key.add(((Number) x).intValue()));
                keys.add(key);
            }
            matches.put(cond, new BlockState.Matches((String) mm.get("block"), keys));
        });
        return new BlockState(results, (String) output.get("formatted_data"),
                (List<String>) output.getOrDefault("formatted_rows", List.of()), matches,
                (Map<String, Object>) output.getOrDefault("outputs", Map.of()));
    }

    /** The output of a BlockFinished event: everything needed to restore the block's state. */
    static Map<String, Object> output(BlockState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!s.results().isEmpty()) {
            out.put("results", s.results());
        }
        if (s.formatted() != null) {
            out.put("formatted_data", s.formatted());
            out.put("formatted_rows", s.formattedRows());
        }
        if (!s.matches().isEmpty()) {
            Map<String, Object> m = new LinkedHashMap<>();
            s.matches().forEach((cond, mm) -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("block", mm.block());
                one.put("keys", new ArrayList<>(mm.keys()));
                m.put(cond, one);
            });
            out.put("matches", m);
        }
        if (!s.outputs().isEmpty()) {
            out.put("outputs", s.outputs());
        }
        return out;
    }
}
