package dev.wisp.engine.exec;

import dev.wisp.engine.data.RunData;
import dev.wisp.engine.journal.JournalEvent;
import java.util.List;
import java.util.Map;

/** Rebuilds a run's data from its journal, so data paths can be read after the run (tests, reports). */
public final class Replay {
    private Replay() {
    }

    public static RunData data(List<JournalEvent> events, Map<String, Object> container, List<Object> artifacts,
                               Map<String, Object> inputs) {
        RunData data = new RunData(container, artifacts, inputs);
        for (JournalEvent e : events) {
            if (e instanceof JournalEvent.BlockFinished f) {
                data.publish(f.block(), Restored.state(f.output()));
            }
        }
        return data;
    }
}
