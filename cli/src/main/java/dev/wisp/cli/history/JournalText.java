package dev.wisp.cli.history;

import dev.wisp.engine.journal.JournalEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A journal event as one line for people ({@code wisp show --journal}): time, what happened, the details. */
public final class JournalText {
    private JournalText() {
    }

    public static String line(JournalEvent event) {
        return time(event.time()) + "  " + describe(event);
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String where(String block, int index, int iteration, int attempt) {
        return block + " #" + index + (iteration > 0 ? " iteration " + iteration : "")
                + (attempt > 1 ? " attempt " + attempt : "");
    }

    static String describe(JournalEvent e) {
        if (e instanceof JournalEvent.RunStarted s) {
            return "run started      " + s.playbook() + " (" + s.file() + ")" + (s.inputs().isEmpty() ? ""
                    : " inputs " + s.inputs()) + (s.parentRunId() == null ? "" : " from run " + s.parentRunId());
        } else if (e instanceof JournalEvent.RunResumed) {
            return "run resumed";
        } else if (e instanceof JournalEvent.BlockStarted s) {
            return "block started    " + s.block() + " (" + s.kind() + ")";
        } else if (e instanceof JournalEvent.ExecutionStarted x) {
            return "execution        " + where(x.block(), x.index(), x.iteration(), x.attempt()) + " started "
                    + x.parameters();
        } else if (e instanceof JournalEvent.ExecutionFinished x) {
            return "execution        " + where(x.block(), x.index(), x.iteration(), x.attempt()) + " "
                    + x.result().get("status") + ": " + x.result().get("message") + " (" + x.durationMillis()
                    + " ms)";
        } else if (e instanceof JournalEvent.ExecutionRetrying r) {
            return "retrying         " + r.block() + " #" + r.index() + " after attempt " + r.attempt() + " in "
                    + r.delayMillis() + " ms: " + r.reason();
        } else if (e instanceof JournalEvent.ExecutionContinuing c) {
            return "continuing       " + where(c.block(), c.index(), c.iteration(), c.attempt()) + " step " + c.step()
                    + " in " + c.delayMillis() + " ms" + (c.message().isEmpty() ? "" : ": " + c.message());
        } else if (e instanceof JournalEvent.ExecutionReconciled r) {
            return "reconciled       " + r.block() + " #" + r.index() + ": " + r.outcome() + " (" + r.detail() + ")";
        } else if (e instanceof JournalEvent.DefaultsUsed d) {
            return "defaults used    " + d.block() + ": " + String.join(", ", d.defaults().stream()
                    .map(x -> x.get("parameter") + "=" + x.get("value") + " (" + x.get("source") + ")").toList());
        } else if (e instanceof JournalEvent.RowsSkipped s) {
            return "rows skipped     " + s.block() + ": " + s.count() + " (" + s.reason() + ")";
        } else if (e instanceof JournalEvent.Progress p) {
            return "progress         " + p.block() + ": " + p.done() + "/" + p.total() + " " + p.detail();
        } else if (e instanceof JournalEvent.Log l) {
            return "log              " + l.block() + ": " + l.message();
        } else if (e instanceof JournalEvent.PromptAsked p) {
            return (p.approval() ? "approval asked   " : "prompt asked     ") + p.block() + ": " + p.message()
                    + (p.recipients().isEmpty() ? "" : " to " + p.recipients()) + " (until " + time(p.deadline())
                    + ")";
        } else if (e instanceof JournalEvent.PromptEscalated p) {
            return "prompt escalated " + p.block() + " to " + p.recipients() + " (until " + time(p.deadline()) + ")";
        } else if (e instanceof JournalEvent.PromptAnswered a) {
            return "prompt answered  " + a.block() + ": " + a.responses() + " by " + a.respondent() + " ("
                    + a.source() + ")";
        } else if (e instanceof JournalEvent.PromptTimedOut t) {
            return "prompt timed out " + t.block();
        } else if (e instanceof JournalEvent.BlockFinished f) {
            return "block finished   " + f.block() + " " + f.status() + " (" + f.executions() + " executions, "
                    + f.failed() + " failed" + (f.ports().isEmpty() ? "" : ", ports " + f.ports()) + ")";
        } else if (e instanceof JournalEvent.BlockSkipped s) {
            return "block skipped    " + s.block() + ": " + s.reason();
        } else if (e instanceof JournalEvent.RunSuspended s) {
            return "run suspended    waiting for " + String.join(", ", s.waitingFor());
        } else if (e instanceof JournalEvent.RunFinished f) {
            return "run finished     " + f.status() + (f.message() == null || "finished".equals(f.message()) ? ""
                    : ": " + f.message()) + (f.outputs().isEmpty() ? "" : " outputs " + f.outputs());
        }
        throw new IllegalStateException("no text for journal event " + e.getClass().getSimpleName());
    }
}
