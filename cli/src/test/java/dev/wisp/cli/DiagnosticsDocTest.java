package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.diag.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiagnosticsDocTest {
    @Test
    void everyCodeIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("../docs/diagnostics.md"));
        for (Code c : Code.values()) {
            assertTrue(doc.contains("### " + c.name().toLowerCase() + "\n"), c + " is not in docs/diagnostics.md");
        }
    }
}
