package dev.wisp.engine.exec;

import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.prompt.PromptRequest;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.spi.ActionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What goes into the {@link Scheduler} (events: something happened, at a time the runtime says) and what comes out
 * (commands: what the runtime must do). The scheduler never sees a thread, a clock or a file; a runtime turns its
 * commands into work and the work's outcomes into events. Ids are the scheduler's: the runtime hands them back.
 */
public final class Step {
    private Step() {
    }

    /** Something that happened; {@code now} is the runtime's time when it happened. */
    public sealed interface Event {
        Instant now();
    }

    /** The answer to something the scheduler asked for, carrying the id it gave. */
    public sealed interface Reply extends Event {
        long id();
    }

    /** The run begins (or resumes, when the scheduler was given an earlier journal). */
    public record Start(Instant now) implements Event {
    }

    /** An execution the scheduler asked for ended with this result (the runtime turns exceptions into results). */
    public record ExecutionDone(Instant now, long id, ActionResult result) implements Reply {
    }

    /**
     * An execution the scheduler asked for was lost: the runtime cannot tell whether it took effect (a workflow
     * runtime's activity timed out when its worker died). It goes the way of an execution found in doubt on a resume:
     * run again when it is safe to repeat, else its app looks for its effect.
     */
    public record ExecutionLost(Instant now, long id, String reason) implements Reply {
    }

    /** A question was answered. */
    public record Answered(Instant now, long id, List<String> responses, String respondent, String source)
            implements Reply {
    }

    /** Nobody can answer a question in this process (no terminal, no answer given): the run will suspend. */
    public record Unanswerable(Instant now, long id, String reason) implements Reply {
    }

    /** An app looked for the effect of an execution that was in doubt. */
    public record Reconciled(Instant now, long id, dev.wisp.spi.Reconciliation reconciliation) implements Reply {
    }

    /** A question could not be asked (the prompt handler failed); the block fails with the reason. */
    public record AskFailed(Instant now, long id, String message) implements Reply {
    }

    /** A timer the scheduler set is due. */
    public record TimerFired(Instant now, long id) implements Reply {
    }

    /** A sub-playbook's run ended (or could not start: a failed outcome saying why). */
    public record ChildDone(Instant now, long id, RunOutcome outcome) implements Reply {
    }

    /** Ctrl-C, SIGTERM, or the caller cancelled the run. */
    public record Cancel(Instant now) implements Event {
    }

    /** Something the runtime must do. */
    public sealed interface Command {
    }

    /** A secret value (of a password parameter or input): mask it from here on, before the events that carry it. */
    public record Mask(String value) implements Command {
    }

    /** Write this event to the journal; commands after it may depend on it being written. */
    public record Record(JournalEvent event) implements Command {
    }

    /**
     * Run one execution of an action (or one step of it): report it with {@link ExecutionDone}.
     *
     * @param safeToRepeat whether the action may be repeated (an unsafe one's start must be on disk first)
     * @param step         the step (0 for the first; a later one follows a result that continued)
     * @param state        what the previous step handed on ({@link ActionResult#continueAfter}); the action sees
     *                     it as {@code ActionContext.state()}, empty for the first step
     */
    public record Execute(long id, String block, String asset, String action, int index, int iteration, int attempt,
                          Map<String, Object> parameters, boolean safeToRepeat, int step, Map<String, Object> state)
            implements Command {
        public Execute {
            state = state == null ? Map.of() : state;
        }

        /** The first step of an execution. */
        public Execute(long id, String block, String asset, String action, int index, int iteration, int attempt,
                       Map<String, Object> parameters, boolean safeToRepeat) {
            this(id, block, asset, action, index, iteration, attempt, parameters, safeToRepeat, 0, Map.of());
        }
    }

    /**
     * Ask the app whether an execution that was in doubt (started at {@code startedAt}, by the run's clock, before
     * the run stopped) took effect: report {@link Reconciled}.
     */
    public record Reconcile(long id, String block, String asset, String action, Map<String, Object> parameters,
                            Instant startedAt) implements Command {
    }

    /** Cancel a running execution (timed out, or the run was cancelled); its late result is ignored. */
    public record CancelExecution(long id) implements Command {
    }

    /** Ask a question: report {@link Answered} or {@link Unanswerable}. Its deadline is the scheduler's timer. */
    public record Ask(long id, PromptRequest request) implements Command {
    }

    /** Stop asking (the question timed out, or the run ended). */
    public record Withdraw(long id) implements Command {
    }

    /** Report {@link TimerFired} at {@code at} (at once when it is past). */
    public record SetTimer(long id, Instant at) implements Command {
    }

    /** A timer that is no longer needed. */
    public record CancelTimer(long id) implements Command {
    }

    /** Run a sub-playbook (relative to this playbook) with these inputs: report {@link ChildDone}. */
    public record StartChild(long id, String block, String playbook, Map<String, Object> inputs)
            implements Command {
    }

    /** Cancel a sub-playbook's run. */
    public record CancelChild(long id) implements Command {
    }

    /** The run ended (success, failed, cancelled) or suspended; nothing follows. */
    public record Finish(RunOutcome outcome) implements Command {
    }

    /** How long from {@code now} until {@code at}, never negative. */
    public static Duration until(Instant now, Instant at) {
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
