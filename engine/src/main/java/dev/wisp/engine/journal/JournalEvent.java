package dev.wisp.engine.journal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One transition of a run, written to {@code .wisp/runs/<run-id>/journal.jsonl} as it happens (one JSON object a
 * line, with a {@code type} field naming the record in snake case). The journal is the run's source of truth:
 * the report is a fold over it, and a suspended or crashed run is resumed by replaying it, so an execution that
 * finished is never repeated. Values are JSON-like JDK types and are redacted before they are written.
 */
public sealed interface JournalEvent {

    /** When the transition happened, by the run's clock. */
    Instant time();

    /** The run began. */
    record RunStarted(Instant time, String runId, String playbook, String file, Map<String, Object> inputs,
                      String parentRunId) implements JournalEvent {
    }

    /** A suspended run was picked up again by {@code wisp resume}. */
    record RunResumed(Instant time, String runId) implements JournalEvent {
    }

    /** A block began (its incoming edges were resolved and at least one was taken). */
    record BlockStarted(Instant time, String block, String kind) implements JournalEvent {
    }

    /**
     * One execution (one input row) of an action block began.
     *
     * @param index     the row's index within the block (0-based), stable across retries and repeats
     * @param iteration the repeat iteration (0 for blocks without repeat)
     * @param attempt   the attempt (1 for the first)
     */
    record ExecutionStarted(Instant time, String block, int index, int iteration, int attempt,
                            Map<String, Object> parameters) implements JournalEvent {
    }

    /**
     * One execution finished with an action result ({@code status, message, parameter, data, summary}).
     *
     * @param final_ whether this is the execution's last attempt (no retry follows)
     */
    record ExecutionFinished(Instant time, String block, int index, int iteration, int attempt,
                             Map<String, Object> result, long durationMillis, boolean final_)
            implements JournalEvent {
    }

    /**
     * An execution that was in doubt after a crash (it started, never finished, and is not safe to repeat) was
     * looked for by its app: {@code outcome} is found (its result follows as {@code execution_finished}), not_found
     * (it runs again) or unknown (it fails, saying what to check), and {@code detail} says what was seen.
     */
    record ExecutionReconciled(Instant time, String block, int index, int iteration, String outcome, String detail)
            implements JournalEvent {
    }

    /** A failed attempt will be retried after {@code delayMillis}. */
    record ExecutionRetrying(Instant time, String block, int index, int attempt, long delayMillis, String reason)
            implements JournalEvent {
    }

    /**
     * An execution is not done yet: its step {@code step} (1 for the first) answered "run me again after
     * {@code delayMillis}" and the next step runs then, with {@code state}. {@code data} are the step's data items,
     * kept for the execution's final result; {@code started} is when its first step started (the block's timeout
     * counts from it).
     */
    record ExecutionContinuing(Instant time, String block, int index, int iteration, int attempt, int step,
                               long delayMillis, String message, Map<String, Object> state, List<Object> data,
                               Instant started) implements JournalEvent {
    }

    /** Input rows that were not executed, e.g. because a required parameter was missing. */
    record RowsSkipped(Instant time, String block, int count, String reason) implements JournalEvent {
    }

    /**
     * Defaults filled parameters that had no value: each entry has {@code parameter}, {@code value}, {@code source}
     * (the parameter's default, or the asset field) and {@code rows} (how many executions used it).
     */
    record DefaultsUsed(Instant time, String block, List<Map<String, Object>> defaults) implements JournalEvent {
    }

    /** Progress of a long execution (a pipeline's subtasks, a loop's iterations, fan-out). */
    record Progress(Instant time, String block, long done, long total, String detail) implements JournalEvent {
    }

    /** A line a plugin or block logged. */
    record Log(Instant time, String block, String message) implements JournalEvent {
    }

    /** A prompt (or approval request) was asked. */
    record PromptAsked(Instant time, String block, String message, List<Map<String, Object>> questions,
                       List<String> recipients, Instant deadline, boolean approval) implements JournalEvent {
    }

    /** An approval passed its SLA unanswered and went to the secondary owners. */
    record PromptEscalated(Instant time, String block, List<String> recipients, Instant deadline)
            implements JournalEvent {
    }

    /** A prompt was answered. {@code source} is terminal, answers, or resume. */
    record PromptAnswered(Instant time, String block, List<String> responses, String respondent, String source)
            implements JournalEvent {
    }

    /** A prompt's time ran out; the prompt fails and the run goes on. */
    record PromptTimedOut(Instant time, String block) implements JournalEvent {
    }

    /**
     * A block finished.
     *
     * @param status     success, failed, or partial (some executions failed)
     * @param executions how many executions ran
     * @param failed     how many of them failed
     * @param ports      the output ports that fired ("" for the default port)
     * @param output     block-kind state needed to resume: a filter's matches, a format's text, a decision's branch
     */
    record BlockFinished(Instant time, String block, String status, int executions, int failed,
                         List<String> ports, Map<String, Object> output) implements JournalEvent {
    }

    /** A block will not run; {@code reason} says why (no incoming edge taken, run stopped, ...). */
    record BlockSkipped(Instant time, String block, String reason) implements JournalEvent {
    }

    /** The run is waiting for answers nobody can give now; {@code wisp resume} continues it. */
    record RunSuspended(Instant time, List<String> waitingFor) implements JournalEvent {
    }

    /** The run ended. {@code status} is success, failed, or cancelled. */
    record RunFinished(Instant time, String status, String message, Map<String, Object> outputs)
            implements JournalEvent {
    }
}
