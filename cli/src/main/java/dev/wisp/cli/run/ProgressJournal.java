package dev.wisp.cli.run;

import dev.wisp.engine.journal.Journal;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.journal.Redactor;
import java.io.PrintWriter;

/**
 * Shows a run's progress on a terminal (stderr) while passing every event on: blocks as they start and end, and
 * the progress of long executions (pipeline subtasks, repeats), at most one progress line per block and second.
 */
public final class ProgressJournal implements Journal {
    private final Journal next;
    private final PrintWriter err;
    private final Redactor redactor;
    private final java.util.Map<String, Long> lastProgress = new java.util.concurrent.ConcurrentHashMap<>();

    public ProgressJournal(Journal next, PrintWriter err, Redactor redactor) {
        this.next = next;
        this.err = err;
        this.redactor = redactor;
    }

    @Override
    public void record(JournalEvent event) {
        next.record(event);
        String line = null;
        if (event instanceof JournalEvent.BlockStarted s) {
            line = "  > " + s.block() + " (" + s.kind() + ")";
        } else if (event instanceof JournalEvent.BlockFinished f) {
            line = "  " + (f.status().equals("success") ? "ok" : f.status()) + " " + f.block()
                    + (f.executions() > 1 ? " (" + f.executions() + " executions, " + f.failed() + " failed)" : "");
        } else if (event instanceof JournalEvent.BlockSkipped s) {
            line = "  skipped " + s.block() + ": " + s.reason();
        } else if (event instanceof JournalEvent.Progress p) {
            long now = System.nanoTime();
            Long last = lastProgress.get(p.block());
            if (last == null || now - last > 1_000_000_000L) {
                lastProgress.put(p.block(), now);
                line = "    " + p.block() + ": " + p.detail();
            }
        } else if (event instanceof JournalEvent.ExecutionRetrying r) {
            line = "    " + r.block() + ": retrying in " + r.delayMillis() + " ms (" + r.reason() + ")";
        }
        if (line != null) {
            synchronized (err) {
                err.println(redactor.text(line));
                err.flush();
            }
        }
    }

    @Override
    public void close() {
        next.close();
    }
}
