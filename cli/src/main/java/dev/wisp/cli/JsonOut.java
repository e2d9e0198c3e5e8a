package dev.wisp.cli;

import dev.wisp.engine.journal.JournalCodec;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Machine output: pretty JSON in snake case, as every {@code --output json} prints it. */
final class JsonOut {
    private JsonOut() {
    }

    static String pretty(Object value) {
        try {
            return JournalCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
