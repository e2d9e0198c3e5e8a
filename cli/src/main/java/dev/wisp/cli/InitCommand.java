package dev.wisp.cli;

import dev.wisp.cli.init.Scaffold;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wisp init [DIR]}: scaffolds a playbook repository; never overwrites a file, and says what it skipped. */
@Command(name = "init", addMethodSubcommands = false,
        description = {"Scaffold a playbook repository: an example, its test, CI.",
    "Writes playbooks/ with an example playbook and its test, the JSON Schema and VS Code settings for it, an "
        + "assets file template, a .gitignore for .wisp/ and a GitHub Actions workflow that uses the Wisp Action.",
    "Existing files are never overwritten: they are skipped, and named."},
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  wisp init                       # in the current directory",
            "  wisp init my-playbooks && cd my-playbooks",
            "  wisp validate playbooks/ && wisp test playbooks/"})
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The repository to set up (default: the current directory); created if missing.")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter err = main.spec.commandLine().getErr();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException(dir + " is not a directory");
        }
        BuildInfo build = BuildInfo.CURRENT;
        int created = 0;
        for (Scaffold.File f : Scaffold.files(build.releaseVersion())) {
            Path target = dir.resolve(f.path());
            String shown = shown(f.path());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(target)) {
                err.println("skipped " + shown + ": it exists" + gitignoreHint(f, target));
            } else if (write(target, f.text(), shown)) {
                err.println("created " + shown);
                created++;
            } else {
                err.println("skipped " + shown + ": it exists");
            }
        }
        if (!build.version().equals(build.releaseVersion())) {
            err.println("note: this is a development build (" + build.version() + "); the workflow uses release v"
                    + build.releaseVersion() + " of the Action");
        }
        String done = created == 0 ? "nothing to create" : "created " + created + " file" + (created == 1 ? "" : "s");
        String cd = isHere() ? "" : "cd " + dir + " && ";
        err.println(done + "; next: " + cd + "wisp validate playbooks/ && wisp test playbooks/");
        err.flush();
        return ExitCodes.OK;
    }

    /** Writes a new file; false when it appeared meanwhile (never replaced). */
    private boolean write(Path target, String text, String shown) {
        try {
            Path parent = target.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            return true;
        } catch (FileAlreadyExistsException e) {
            if (!e.getFile().equals(target.toString())) {
                throw new UsageException("cannot create " + shown + ": " + e.getFile() + " exists and is not a "
                        + "directory");
            }
            return false;
        } catch (IOException e) {
            throw new UsageException("cannot create " + shown + ": " + describe(e));
        }
    }

    /** An existing .gitignore is left alone; say whether it still needs the line for .wisp/. */
    private static String gitignoreHint(Scaffold.File f, Path target) {
        if (!f.path().equals(".gitignore") || !Files.isRegularFile(target)) {
            return "";
        }
        try {
            boolean ignores = Files.readAllLines(target, StandardCharsets.UTF_8).stream().map(String::strip)
                    .anyMatch(l -> l.matches("/?\\.wisp/?"));
            return ignores ? " (it already ignores .wisp/)" : " (add a line .wisp/ to it: runs are recorded there)";
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private boolean isHere() {
        return dir.normalize().toString().isEmpty() || dir.normalize().equals(Path.of("."));
    }

    private String shown(String path) {
        return isHere() ? path : dir.resolve(path).toString();
    }
}
