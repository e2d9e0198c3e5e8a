package dev.wisp.engine.exec;

import dev.wisp.engine.journal.JournalEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A sub-playbook's events in its parent's journal: its block names prefixed with the parent's block
 * ({@code Capture/create_project}), its run's start and end as lines of the parent's block. A resumed parent gives
 * the child back its own events ({@link #childEvents}), so the child continues where it stopped.
 */
final class Prefixed {
    private Prefixed() {
    }

    /** The child's event as its parent's journal records it. */
    static JournalEvent event(String parent, JournalEvent e) {
        if (e instanceof JournalEvent.RunStarted x) {
            return new JournalEvent.Log(x.time(), parent, "sub-playbook " + x.playbook() + " started");
        } else if (e instanceof JournalEvent.RunResumed x) {
            return new JournalEvent.Log(x.time(), parent, "sub-playbook resumed");
        } else if (e instanceof JournalEvent.RunFinished x) {
            return new JournalEvent.Log(x.time(), parent, "sub-playbook finished: " + x.status() + " (" + x.message()
                    + ")");
        } else if (e instanceof JournalEvent.RunSuspended x) {
            return new JournalEvent.Log(x.time(), parent, "sub-playbook waits for " + x.waitingFor());
        }
        return renamed(e, b -> parent + "/" + b);
    }

    /** The events of the child run in block {@code parent}, as the child itself recorded them, in order. */
    static List<JournalEvent> childEvents(String parent, List<JournalEvent> parentEvents) {
        String p = parent + "/";
        List<JournalEvent> out = new ArrayList<>();
        for (JournalEvent e : parentEvents) {
            String block = block(e);
            if (block != null && block.startsWith(p)) {
                out.add(renamed(e, b -> b.substring(p.length())));
            }
        }
        return out;
    }

    /** The block an event is about, or null for an event of the whole run. */
    static String block(JournalEvent e) {
        if (e instanceof JournalEvent.RunStarted || e instanceof JournalEvent.RunResumed
                || e instanceof JournalEvent.RunFinished || e instanceof JournalEvent.RunSuspended) {
            return null;
        }
        String[] name = new String[1];
        renamed(e, b -> {
            name[0] = b;
            return b;
        });
        return name[0];
    }

    /**
     * The event with its block renamed. Every event about a block is listed; one missing here is a bug the test of
     * this class finds (it goes over every kind of journal event), never an event filed under the wrong block.
     */
    static JournalEvent renamed(JournalEvent e, UnaryOperator<String> f) {
        if (e instanceof JournalEvent.BlockStarted x) {
            return new JournalEvent.BlockStarted(x.time(), f.apply(x.block()), x.kind());
        } else if (e instanceof JournalEvent.BlockFinished x) {
            return new JournalEvent.BlockFinished(x.time(), f.apply(x.block()), x.status(), x.executions(), x.failed(),
                    x.ports(), x.output());
        } else if (e instanceof JournalEvent.BlockSkipped x) {
            return new JournalEvent.BlockSkipped(x.time(), f.apply(x.block()), x.reason());
        } else if (e instanceof JournalEvent.ExecutionStarted x) {
            return new JournalEvent.ExecutionStarted(x.time(), f.apply(x.block()), x.index(), x.iteration(),
                    x.attempt(), x.parameters());
        } else if (e instanceof JournalEvent.ExecutionFinished x) {
            return new JournalEvent.ExecutionFinished(x.time(), f.apply(x.block()), x.index(), x.iteration(),
                    x.attempt(), x.result(), x.durationMillis(), x.final_());
        } else if (e instanceof JournalEvent.Log x) {
            return new JournalEvent.Log(x.time(), f.apply(x.block()), x.message());
        } else if (e instanceof JournalEvent.Progress x) {
            return new JournalEvent.Progress(x.time(), f.apply(x.block()), x.done(), x.total(), x.detail());
        } else if (e instanceof JournalEvent.ExecutionReconciled x) {
            return new JournalEvent.ExecutionReconciled(x.time(), f.apply(x.block()), x.index(), x.iteration(),
                    x.outcome(), x.detail());
        } else if (e instanceof JournalEvent.DefaultsUsed x) {
            return new JournalEvent.DefaultsUsed(x.time(), f.apply(x.block()), x.defaults());
        } else if (e instanceof JournalEvent.RowsSkipped x) {
            return new JournalEvent.RowsSkipped(x.time(), f.apply(x.block()), x.count(), x.reason());
        } else if (e instanceof JournalEvent.ExecutionRetrying x) {
            return new JournalEvent.ExecutionRetrying(x.time(), f.apply(x.block()), x.index(), x.attempt(),
                    x.delayMillis(), x.reason());
        } else if (e instanceof JournalEvent.ExecutionContinuing x) {
            return new JournalEvent.ExecutionContinuing(x.time(), f.apply(x.block()), x.index(), x.iteration(),
                    x.attempt(), x.step(), x.delayMillis(), x.message(), x.state(), x.data(), x.started());
        } else if (e instanceof JournalEvent.PromptAsked x) {
            return new JournalEvent.PromptAsked(x.time(), f.apply(x.block()), x.message(), x.questions(),
                    x.recipients(), x.deadline(), x.approval());
        } else if (e instanceof JournalEvent.PromptEscalated x) {
            return new JournalEvent.PromptEscalated(x.time(), f.apply(x.block()), x.recipients(), x.deadline());
        } else if (e instanceof JournalEvent.PromptAnswered x) {
            return new JournalEvent.PromptAnswered(x.time(), f.apply(x.block()), x.responses(), x.respondent(),
                    x.source());
        } else if (e instanceof JournalEvent.PromptTimedOut x) {
            return new JournalEvent.PromptTimedOut(x.time(), f.apply(x.block()));
        }
        throw new IllegalStateException("journal event " + e.getClass().getSimpleName() + " names no block here");
    }
}
