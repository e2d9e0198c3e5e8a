package dev.wisp.engine.exec;

import dev.wisp.dsl.model.Block;
import dev.wisp.engine.data.BlockState;
import dev.wisp.spi.ActionResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A playbook block: the sub-playbook runs (the runtime starts it) and its outcome ends the block. */
final class ChildRuns {
    private ChildRuns() {
    }

    static void start(Scheduler s, Block.PlaybookBlock pb) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        pb.inputs().forEach((k, v) -> {
            Object value = s.single(v);
            if (value != null) { // a missing value is an input not given: the child says if it needs it
                inputs.put(k, value);
            }
        });
        s.startChild(pb.name(), pb.playbook(), inputs, o -> {
            switch (o.status()) {
                case SUCCESS -> {
                    ActionResult r = ActionResult.success(inputs, List.of(o.outputs()), o.outputs(), "finished");
                    BlockState st = new BlockState(List.of(BlockState.asMap(r)), null, List.of(), Map.of(),
                            o.outputs());
                    s.finish(pb.name(), st, "success", 1, 0, Set.of("", "success"), Restored.output(st));
                }
                case SUSPENDED -> s.suspendFor(pb.name() + "/" + String.join(",", o.waitingFor()));
                case FAILED, CANCELLED -> s.failBlock(pb.name(), "sub-playbook " + pb.playbook() + " "
                        + o.status().id() + ": " + o.message());
            }
        });
    }
}
