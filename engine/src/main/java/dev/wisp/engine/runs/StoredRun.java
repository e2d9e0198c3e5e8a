package dev.wisp.engine.runs;

import dev.wisp.engine.journal.JournalEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A recorded run that can be resumed, as {@link Runs#open} found it: what it ran and what it did so far.
 *
 * @param runId    its id
 * @param playbook the playbook file it ran
 * @param event    its event file, or null
 * @param assets   its assets file, or null
 * @param inputs   its inputs
 * @param prior    its journal so far
 * @param record   its run.json, to keep as it is
 * @param forced   whether it was opened with {@code force}: changes since it started are accepted
 */
public record StoredRun(String runId, Path playbook, Path event, Path assets, Map<String, Object> inputs,
                        List<JournalEvent> prior, Map<String, Object> record, boolean forced) {
    public StoredRun {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        prior = List.copyOf(prior);
    }
}
