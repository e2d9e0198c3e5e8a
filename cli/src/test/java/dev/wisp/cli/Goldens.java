package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden files under src/test/resources/golden; {@code -Dgolden.update=true} rewrites them (review the diff). */
final class Goldens {
    private Goldens() {
    }

    static Path dir() {
        return Path.of("src/test/resources/golden");
    }

    static void assertMatches(String name, String actual) {
        Path file = dir().resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual);
                return;
            }
            assertEquals(Files.exists(file) ? Files.readString(file) : "<missing golden " + name + ">", actual, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
