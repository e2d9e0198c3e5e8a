package dev.wisp.cli.run;

import dev.wisp.engine.journal.Journal;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.journal.Redactor;
import java.io.PrintWriter;

/**
 * Shows a run's progress while passing every event on. Without a terminal (a file, a pipe, CI) only the lines that
 * stay are printed: a block started, finished, or was skipped; on a terminal a {@link LiveDisplay} also redraws one
 * line per running block in place.
 */
public final class ProgressJournal implements Journal {
    private final Journal next;
    private final PrintWriter err;
    private final Redactor redactor;
    private final ProgressBoard board = new ProgressBoard();
    private final LiveDisplay live;

    /** Plain progress: lines that stay, to {@code err}. */
    public ProgressJournal(Journal next, PrintWriter err, Redactor redactor) {
        this(next, err, redactor, null);
    }

    /** Live progress on a terminal, or plain if {@code live} is null. */
    public ProgressJournal(Journal next, PrintWriter err, Redactor redactor, LiveDisplay live) {
        this.next = next;
        this.err = err;
        this.redactor = redactor;
        this.live = live;
        if (live != null) {
            live.start(() -> {
                synchronized (board) {
                    return board.prompting() ? java.util.List.of() : board.live(java.time.Instant.now()).stream()
                            .map(redactor::text).toList();
                }
            });
        }
    }

    @Override
    public void record(JournalEvent event) {
        next.record(event);
        synchronized (board) {
            java.util.List<String> lines = board.on(event, live == null).stream().map(redactor::text).toList();
            if (live != null && (event instanceof JournalEvent.RunFinished
                    || event instanceof JournalEvent.RunSuspended)) {
                live.close(); // the run stopped (on Ctrl-C the JVM may exit before close() is called)
            } else if (live != null) {
                live.print(lines, board.prompting() ? java.util.List.of()
                        : board.live(event.time()).stream().map(redactor::text).toList());
            } else if (!lines.isEmpty()) {
                synchronized (err) {
                    lines.forEach(err::println);
                    err.flush();
                }
            }
        }
    }

    @Override
    public void sync() {
        next.sync();
    }

    @Override
    public void secret(String value) {
        redactor.learn(value);
        next.secret(value);
    }

    @Override
    public void close() {
        if (live != null) {
            live.close();
        }
        next.close();
    }
}
