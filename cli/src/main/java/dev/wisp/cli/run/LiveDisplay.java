package dev.wisp.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;

/**
 * Lines redrawn in place at the bottom of a terminal, under the lines that stay; JLine knows the terminal and its
 * control sequences. Redrawn on every change and twice a second (so elapsed times and countdowns move).
 */
public final class LiveDisplay implements AutoCloseable {
    private final Terminal terminal;
    private final Display display;
    private ScheduledExecutorService ticker;
    private boolean closed;

    LiveDisplay(Terminal terminal) {
        this.terminal = terminal;
        this.display = new Display(terminal, false);
        Size size = terminal.getSize();
        display.resize(size.getRows(), size.getColumns());
    }

    /** A live display on stderr if it is a terminal that can redraw lines; otherwise empty (print plain lines). */
    public static Optional<LiveDisplay> onStderr() {
        Terminal t;
        try {
            // nativeSignals(false): JLine would reset SIGINT to the OS default, which kills the JVM without
            // running the shutdown hook that records the cancelled run
            t = TerminalBuilder.builder().system(true).systemOutput(TerminalBuilder.SystemOutput.SysErr)
                    .nativeSignals(false).dumb(true).build();
        } catch (IOException | IllegalStateException e) {
            return Optional.empty();
        }
        boolean usable = !t.getType().startsWith(Terminal.TYPE_DUMB) && t.getSize().getColumns() > 0;
        if (!usable) {
            close(t);
            return Optional.empty();
        }
        return Optional.of(new LiveDisplay(t));
    }

    /** Starts redrawing {@code lines} twice a second. */
    void start(Supplier<List<String>> lines) {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "wisp-progress");
            th.setDaemon(true);
            return th;
        });
        ticker.scheduleAtFixedRate(() -> redraw(lines.get()), 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Prints lines that stay above the live area, then redraws the live lines. */
    synchronized void print(List<String> stay, List<String> live) {
        if (closed) {
            return;
        }
        if (!stay.isEmpty()) {
            display.update(List.of(), 0);
            stay.forEach(l -> terminal.writer().println(l));
        }
        draw(live);
    }

    private synchronized void redraw(List<String> live) {
        if (!closed) {
            draw(live);
        }
    }

    private void draw(List<String> live) {
        Size size = terminal.getSize();
        int columns = Math.max(1, size.getColumns() - 1);
        List<AttributedString> lines = live.stream().map(l -> new AttributedString(l).columnSubSequence(0, columns))
                .toList();
        display.resize(size.getRows(), size.getColumns());
        display.update(lines, 0);
        terminal.flush();
    }

    /** Clears the live lines and gives the terminal back. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        display.update(List.of(), 0);
        terminal.flush();
        close(terminal);
    }

    private static void close(Terminal t) {
        try {
            t.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
