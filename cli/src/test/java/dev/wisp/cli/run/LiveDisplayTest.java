package dev.wisp.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.jline.utils.Curses;
import org.jline.utils.InfoCmp;
import org.junit.jupiter.api.Test;

/** The live display on an xterm that writes to memory: lines that stay, live lines redrawn, cleared at the end. */
class LiveDisplayTest {

    @Test
    void redrawsLiveLinesInPlaceUnderTheLinesThatStay() throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ExternalTerminal terminal = new ExternalTerminal("test", "xterm", new ByteArrayInputStream(new byte[0]),
                screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(40, 10));
        LiveDisplay live = new LiveDisplay(terminal);
        live.print(List.of(), List.of("  ~ scan (action) 1 s", "  ~ loop (action) 1 s  1/18 subtasks"));
        live.print(List.of(), List.of("  ~ scan (action) 2 s", "  ~ loop (action) 2 s  2/18 subtasks"));
        live.print(List.of("  ok scan"), List.of("  ~ loop (action) 3 s  a line far too long for forty columns"));
        live.close();
        String out = screen.toString(StandardCharsets.UTF_8);

        assertTrue(out.contains("  ok scan"), out);
        String up = Curses.tputs(terminal.getStringCapability(InfoCmp.Capability.cursor_up));
        assertTrue(out.contains(up), "lines are redrawn in place, not printed again: " + out);
        assertEquals(1, count(out, "  ok scan"), "a line that stays is printed once");
        assertTrue(!out.contains("forty columns"), "live lines are cut to the terminal's width");
        String clear = Curses.tputs(terminal.getStringCapability(InfoCmp.Capability.clr_eol));
        assertTrue(out.substring(out.lastIndexOf("far too l")).contains(clear), "closing clears the live lines");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
