package dev.wisp.dsl;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the repository (example playbooks) from a module's test run. */
public final class TestFiles {
    private TestFiles() {
    }

    /** The repository root: the nearest ancestor of the working directory with a playbooks/ folder. */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("playbooks"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
