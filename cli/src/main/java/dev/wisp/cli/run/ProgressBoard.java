package dev.wisp.cli.run;

import dev.wisp.engine.journal.JournalEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the progress display shows, decided from journal events alone (no terminal, no clock of its own): the lines
 * that stay (a block started, finished, was skipped) and one live line per running block (fan-out, a pipeline's
 * subtasks, a retry's countdown, a prompt waiting for an answer).
 */
public final class ProgressBoard {
    private final Map<String, Running> running = new LinkedHashMap<>();

    private static final class Running {
        final String kind;
        final Instant started;
        int executing;
        int done;
        long total;
        String detail;
        Instant retryAt;
        boolean waiting;

        Running(String kind, Instant started) {
            this.kind = kind;
            this.started = started;
        }
    }

    /**
     * Takes an event in; returns the lines that stay.
     *
     * @param withStarts whether a block's start is a line that stays (without a live display it is)
     */
    public List<String> on(JournalEvent event, boolean withStarts) {
        List<String> lines = new ArrayList<>();
        if (event instanceof JournalEvent.BlockStarted s) {
            running.put(s.block(), new Running(s.kind(), s.time()));
            if (withStarts) {
                lines.add("  > " + s.block() + " (" + s.kind() + ")");
            }
        } else if (event instanceof JournalEvent.BlockFinished f) {
            running.remove(f.block());
            lines.add("  " + (f.status().equals("success") ? "ok" : f.status()) + " " + f.block()
                    + (f.executions() > 1 ? " (" + f.executions() + " executions, " + f.failed() + " failed)" : ""));
        } else if (event instanceof JournalEvent.BlockSkipped s) {
            running.remove(s.block());
            lines.add("  skipped " + s.block() + ": " + s.reason());
        } else {
            update(event);
        }
        return lines;
    }

    private void update(JournalEvent event) {
        if (event instanceof JournalEvent.ExecutionStarted x) {
            with(x.block(), r -> {
                r.executing++;
                r.retryAt = null;
            });
        } else if (event instanceof JournalEvent.ExecutionFinished x) {
            with(x.block(), r -> {
                r.executing = Math.max(0, r.executing - 1);
                r.done += x.final_() ? 1 : 0;
            });
        } else if (event instanceof JournalEvent.Progress p) {
            // fan-out progress comes every tenth of the rows; the board counts executions itself in between
            with(p.block(), r -> {
                if (p.detail().endsWith(" executions")) {
                    r.total = p.total();
                } else {
                    r.detail = p.detail();
                }
            });
        } else if (event instanceof JournalEvent.ExecutionRetrying x) {
            with(x.block(), r -> r.retryAt = x.time().plusMillis(x.delayMillis()));
        } else if (event instanceof JournalEvent.ExecutionContinuing c && !c.message().isEmpty()) {
            with(c.block(), r -> r.detail = c.message()); // one execution, still running: where it stands
        } else if (event instanceof JournalEvent.PromptAsked p) {
            with(p.block(), r -> r.waiting = true);
        } else if (event instanceof JournalEvent.PromptAnswered a) {
            with(a.block(), r -> r.waiting = false);
        } else if (event instanceof JournalEvent.PromptTimedOut t) {
            with(t.block(), r -> r.waiting = false);
        }
    }

    private void with(String block, java.util.function.Consumer<Running> f) {
        Running r = running.get(block);
        if (r != null) {
            f.accept(r);
        }
    }

    /** Whether a prompt is waiting for an answer (the terminal belongs to it then). */
    public boolean prompting() {
        return running.values().stream().anyMatch(r -> r.waiting);
    }

    /** One line per running block, as of {@code now}. */
    public List<String> live(Instant now) {
        List<String> lines = new ArrayList<>();
        running.forEach((block, r) -> {
            StringBuilder b = new StringBuilder("  ~ ").append(block).append(" (").append(r.kind).append(") ")
                    .append(seconds(Duration.between(r.started, now)));
            if (r.waiting) {
                b.append("  waiting for an answer");
            } else if (r.retryAt != null) {
                b.append("  retry in ").append(seconds(Duration.between(now, r.retryAt)));
            } else if (r.detail != null) {
                b.append("  ").append(r.detail);
            } else if (r.total > 0) {
                b.append("  ").append(r.done).append('/').append(r.total).append(" executions, ").append(r.executing)
                        .append(" running");
            } else if (r.done + r.executing > 1) {
                b.append("  ").append(r.done).append(" done, ").append(r.executing).append(" running");
            }
            lines.add(b.toString());
        });
        return lines;
    }

    private static String seconds(Duration d) {
        return Math.max(0, (d.toMillis() + 999) / 1000) + " s";
    }
}
