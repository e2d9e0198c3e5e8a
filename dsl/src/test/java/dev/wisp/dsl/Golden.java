package dev.wisp.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison. Run with {@code -Dgolden.update=true} to rewrite the expected files from the actual
 * output, then review the diff before committing.
 */
public final class Golden {
    private Golden() {
    }

    public static void assertMatches(Path expectedFile, String actual) {
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
                return;
            }
            String expected = Files.exists(expectedFile) ? Files.readString(expectedFile, StandardCharsets.UTF_8)
                    : "<missing " + expectedFile.getFileName() + ": run with -Dgolden.update=true>";
            assertEquals(expected, actual, expectedFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source folder of a test resource folder, so updates land in src/test/resources, not target/. */
    public static Path sourceDir(String resourceDir) {
        return TestFiles.repoRoot().resolve("dsl/src/test/resources").resolve(resourceDir);
    }
}
