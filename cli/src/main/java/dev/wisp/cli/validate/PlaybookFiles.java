package dev.wisp.cli.validate;

import dev.wisp.cli.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The playbook files named on the command line: files as given, directories searched recursively for
 * {@code *.yaml} and {@code *.yml}, skipping playbook tests ({@code *.test.yaml}), {@code wisp-project.yaml},
 * hidden directories and {@code apps/} folders (app specs, docs/app-specs.md).
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
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    // hidden directories (.git, .wisp) are never entered, nor apps/ folders, which hold app specs
                    String n = d.getFileName() == null ? "" : d.getFileName().toString();
                    return !d.equals(dir) && (n.startsWith(".") || n.equals(dev.wisp.cli.apps.AppSpecDirs.FOLDER))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !f.getFileName().toString().startsWith(".")
                            && (tests ? isTest(f) : isPlaybook(f))) {
                        found.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    static boolean isTest(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".test.yaml") || n.endsWith(".test.yml");
    }

    static boolean isPlaybook(Path f) {
        String n = f.getFileName().toString();
        return (n.endsWith(".yaml") || n.endsWith(".yml")) && !isTest(f)
                && !n.equals(dev.wisp.cli.code.ProjectFile.NAME); // the folder's settings, not a playbook
    }
}
