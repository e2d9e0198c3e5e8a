package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.journal.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    private static final String TOKEN = "fake-token-5b4a39281706f5e4";

    @Test
    void internalErrorsAndTheirStackTracesAreMaskedWithTheSecretsKnownByThen() {
        for (boolean verbose : new boolean[] {false, true}) {
            Main main = new Main();
            main.verbose = verbose;
            main.mask(new Redactor(List.of(TOKEN)));
            StringWriter err = new StringWriter();
            Exception e = new IllegalStateException("request with " + TOKEN + " failed",
                    new RuntimeException("cause " + TOKEN));
            assertEquals(ExitCodes.FAILED, main.failed(e, new PrintWriter(err, true)));
            assertFalse(err.toString().contains(TOKEN), err.toString());
            assertTrue(err.toString().startsWith("wisp: internal error: java.lang.IllegalStateException: request "
                    + "with *** failed"), err.toString());
            assertEquals(verbose, err.toString().contains("Caused by: java.lang.RuntimeException: cause ***"),
                    err.toString());
        }
    }

    @Test
    void usageErrorsAreMaskedToo() {
        Main main = new Main();
        main.mask(new Redactor(List.of(TOKEN)));
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.USAGE, main.failed(new UsageException("bad " + TOKEN), new PrintWriter(err, true)));
        assertEquals("wisp: bad ***\n", err.toString());
    }
}
