package dev.wisp.cli.run;

import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.runs.RunWatcher;
import java.io.PrintWriter;

/**
 * Shows a run's progress as its events come. Without a terminal (a file, a pipe, CI) only the lines that
 * stay are printed: a block started, finished, or was skipped; on a terminal a {@link LiveDisplay} also redraws one
 * line per running block in place.
 */
public final class ProgressDisplay implements RunWatcher {
    private final PrintWriter err;
    private final Redactor redactor;
    private final ProgressBoard board = new ProgressBoard();
    private final LiveDisplay live;

    /** Plain progress: lines that stay, to {@code err}. */
    public ProgressDisplay(PrintWriter err, Redactor redactor) {
        this(err, redactor, null);
    }

    /** Live progress on a terminal, or plain if {@code live} is null. */
    public ProgressDisplay(PrintWriter err, Redactor redactor, LiveDisplay live) {
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
    public void event(JournalEvent event) {
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
    public void notice(String message) {
        synchronized (err) {
            err.println("wisp: " + redactor.text(message));
            err.flush();
        }
    }

    @Override
    public void secret(String value) {
        redactor.learn(value);
    }

    @Override
    public void closed() {
        if (live != null) {
            live.close();
        }
    }
}
