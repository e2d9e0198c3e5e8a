package dev.wisp.cli.validate;

import dev.wisp.cli.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The playbook files named on the command line: files as given, directories searched recursively for
 * {@code *.yaml} and {@code *.yml}, skipping playbook tests ({@code *.test.yaml}) and hidden directories.
 */
public final class PlaybookFiles {
    private PlaybookFiles() {
    }

    public static List<Path> expand(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> found = walk(p, false);
                if (found.isEmpty()) {
                    throw new UsageException("no playbooks (*.yaml, *.yml) found in " + p);
                }
                out.addAll(found);
            } else if (Files.exists(p)) {
                out.add(p);
            } else {
                throw new UsageException("no such file or directory: " + p);
            }
        }
        return out;
    }

    /** The files of a directory: playbooks, or (when {@code tests}) playbook test files. */
    public static List<Path> walk(Path dir, boolean tests) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !hidden(dir, f))
                    .filter(f -> tests ? isTest(f) : isPlaybook(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static boolean isTest(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".test.yaml") || n.endsWith(".test.yml");
    }

    static boolean isPlaybook(Path f) {
        String n = f.getFileName().toString();
        return (n.endsWith(".yaml") || n.endsWith(".yml")) && !isTest(f);
    }
}
