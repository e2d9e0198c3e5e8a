package dev.wisp.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.time.SystemTime;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every recorded history of the example playbooks ({@code src/test/resources/histories}, recorded by the cli's
 * {@code ExampleHistoriesTest}) replays against the current workflow code: a change of {@link WispRun} or of the
 * engine's scheduler that would give a running workflow other commands fails here. Such a change, if meant, needs
 * Temporal versioning ({@code Workflow.getVersion}) for the runs already going, and the histories recorded again
 * (docs/temporal.md, "Determinism, proved").
 */
class HistoryReplayTest {
    static final Path HISTORIES = Path.of("src/test/resources/histories");

    @Test
    void everyRecordedHistoryReplaysOnTheCurrentWorkflowCode() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(HISTORIES)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "the example histories are there: " + files);
        List<String> failed = new ArrayList<>();
        try (SystemTime time = new SystemTime();
             TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker("replay");
            WispWorker.register(worker, TestWorkers.builtIns(), TestWorkers.noAssets(), Redactor.none(), time,
                    Duration.ofSeconds(1));
            for (Path f : files) {
                try {
                    WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(read(f)), worker);
                } catch (Exception e) {
                    failed.add(f.getFileName() + ": " + e);
                }
            }
        }
        assertEquals(List.of(), failed, "a history that no longer replays means the workflow changed: see "
                + "docs/temporal.md on versioning and recording the histories again");
    }

    private static String read(Path f) throws IOException {
        return Files.readString(f);
    }
}
