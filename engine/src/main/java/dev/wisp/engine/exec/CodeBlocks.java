package dev.wisp.engine.exec;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Value;
import dev.wisp.engine.code.CodeApp;
import dev.wisp.engine.code.CodeInputs;
import dev.wisp.engine.data.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A code block in the scheduler: an action of the engine's {@code code} app with exactly one execution, whose
 * parameters are all of its inputs at once (a data path's values as a list). Everything else (journal, timeout,
 * in-doubt handling on resume, failure routing) is the action path's.
 */
final class CodeBlocks {
    private CodeBlocks() {
    }

    static void start(Scheduler s, Block.CodeBlock code) {
        java.time.Duration timeout = code.timeout() != null ? code.timeout()
                : dev.wisp.engine.code.CodeSettings.DEFAULT_TIMEOUT;
        Block.ActionBlock action = new Block.ActionBlock(code.info(), CodeApp.ACTION, code.codeStart(), null,
                CodeApp.ID, Map.of(), null, 1, timeout, null, null, code.onFailure());
        new ActionRun(s, action, () -> plan(s, code)).start();
    }

    /** One row: every input's value, the row keys of the data path inputs, the blocks finished so far. */
    private static Fanout.Plan plan(Scheduler s, Block.CodeBlock code) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, List<List<Integer>>> keys = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : code.inputs().entrySet()) {
            if (e.getValue() instanceof Value.Literal lit) {
                values.put(e.getKey(), lit.value());
                continue;
            }
            List<Object> vs = new ArrayList<>();
            List<List<Integer>> ks = new ArrayList<>();
            for (Row r : s.eval.rows(((Value.PathRef) e.getValue()).path(), s.data)) {
                vs.add(r.value());
                ks.add(r.key());
            }
            values.put(e.getKey(), vs);
            keys.put(e.getKey(), ks);
        }
        List<String> finished = s.playbook.blocks().keySet().stream().filter(b -> s.data.block(b) != null).toList();
        return new Fanout.Plan(List.of(new Fanout.PlannedRow(CodeInputs.parameters(values, keys, finished), null)),
                Map.of(), List.of());
    }
}
