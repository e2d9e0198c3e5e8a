package dev.wisp.engine.exec;

import dev.wisp.engine.journal.JournalEvent;

/** A sub-playbook's events in its parent's journal, its block names prefixed with the parent's block. */
final class Prefixed {
    private Prefixed() {
    }

    static JournalEvent event(String parent, JournalEvent e) {
        String p = parent + "/";
        if (e instanceof JournalEvent.BlockStarted x) {
            return new JournalEvent.BlockStarted(x.time(), p + x.block(), x.kind());
        } else if (e instanceof JournalEvent.BlockFinished x) {
            return new JournalEvent.BlockFinished(x.time(), p + x.block(), x.status(), x.executions(), x.failed(),
                    x.ports(), x.output());
        } else if (e instanceof JournalEvent.BlockSkipped x) {
            return new JournalEvent.BlockSkipped(x.time(), p + x.block(), x.reason());
        } else if (e instanceof JournalEvent.ExecutionStarted x) {
            return new JournalEvent.ExecutionStarted(x.time(), p + x.block(), x.index(), x.iteration(), x.attempt(),
                    x.parameters());
        } else if (e instanceof JournalEvent.ExecutionFinished x) {
            return new JournalEvent.ExecutionFinished(x.time(), p + x.block(), x.index(), x.iteration(), x.attempt(),
                    x.result(), x.durationMillis(), x.final_());
        } else if (e instanceof JournalEvent.Log x) {
            return new JournalEvent.Log(x.time(), p + x.block(), x.message());
        } else if (e instanceof JournalEvent.Progress x) {
            return new JournalEvent.Progress(x.time(), p + x.block(), x.done(), x.total(), x.detail());
        } else if (e instanceof JournalEvent.ExecutionReconciled x) {
            return new JournalEvent.ExecutionReconciled(x.time(), p + x.block(), x.index(), x.iteration(),
                    x.outcome(), x.detail());
        } else if (e instanceof JournalEvent.DefaultsUsed x) {
            return new JournalEvent.DefaultsUsed(x.time(), p + x.block(), x.defaults());
        } else if (e instanceof JournalEvent.RowsSkipped x) {
            return new JournalEvent.RowsSkipped(x.time(), p + x.block(), x.count(), x.reason());
        } else if (e instanceof JournalEvent.ExecutionRetrying x) {
            return new JournalEvent.ExecutionRetrying(x.time(), p + x.block(), x.index(), x.attempt(),
                    x.delayMillis(), x.reason());
        } else if (e instanceof JournalEvent.PromptAsked x) {
            return new JournalEvent.PromptAsked(x.time(), p + x.block(), x.message(), x.questions(), x.recipients(),
                    x.deadline(), x.approval());
        } else if (e instanceof JournalEvent.PromptAnswered x) {
            return new JournalEvent.PromptAnswered(x.time(), p + x.block(), x.responses(), x.respondent(),
                    x.source());
        } else if (e instanceof JournalEvent.PromptTimedOut x) {
            return new JournalEvent.PromptTimedOut(x.time(), p + x.block());
        } else if (e instanceof JournalEvent.RunStarted x) {
            return new JournalEvent.Log(x.time(), parent, "sub-playbook " + x.playbook() + " started");
        } else if (e instanceof JournalEvent.RunFinished x) {
            return new JournalEvent.Log(x.time(), parent, "sub-playbook finished: " + x.status() + " (" + x.message()
                    + ")");
        } else if (e instanceof JournalEvent.RunSuspended x) {
            return new JournalEvent.Log(x.time(), parent, "sub-playbook waits for " + x.waitingFor());
        }
        return e;
    }
}
