package dev.wisp.engine.runs;

import dev.wisp.engine.run.RunOutcome;
import java.util.Map;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param runId   its id
 * @param outcome how it ended
 * @param report  its report, folded from its events in memory (also in report.json, unless {@code lost} says why
 *                not), secrets masked
 * @param lost    what could not be recorded and where, when the run directory failed; empty when all was
 */
public record RunResult(String runId, RunOutcome outcome, Map<String, Object> report, Optional<String> lost) {
}
