package dev.wisp.engine.code;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds the Python interpreter code blocks run with, before anything runs. */
public final class Python {
    private Python() {
    }

    /** The interpreter: {@code command} if it is a path to an executable, else the first on {@code PATH}. */
    public static Optional<Path> find(String command, Map<String, String> environment) {
        if (command.contains("/") || command.contains(File.separator)) {
            Path p = Path.of(command);
            return Files.isExecutable(p) && !Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String name : new String[] {command, command + ".exe"}) {
                Path p = Path.of(dir).resolve(name);
                if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Why code blocks cannot run with these settings, or empty when they can. */
    public static Optional<String> problem(CodeSettings settings) {
        if (!settings.allowed()) {
            return Optional.of("code blocks are off: running Python from a playbook needs --allow-code, or "
                    + "'code: {allow: true}' in a wisp-project.yaml beside the playbook");
        }
        return Optional.ofNullable(interpreter(settings).problem());
    }

    /**
     * The interpreter found, or why there is none.
     *
     * @param path    the interpreter's own executable (behind a launcher such as a pyenv shim), or null
     * @param problem why there is none, or null
     */
    public record Interpreter(Path path, String problem) {
    }

    /** The interpreter itself: found on the PATH (or as given), run once to check it is Python 3.8 or newer. */
    public static Interpreter interpreter(CodeSettings settings) {
        String hint = "; install it, or name the interpreter with WISP_PYTHON or 'code: {python: PATH}' in "
                + "wisp-project.yaml";
        Optional<Path> found = find(settings.python(), settings.environment());
        if (found.isEmpty()) {
            return new Interpreter(null, "code blocks need Python 3, but '" + settings.python() + "' was not found"
                    + (settings.python().equals(CodeSettings.DEFAULT_PYTHON) ? " on the PATH" : "") + hint);
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(found.get().toString(), "-I", "-c",
                    "import sys; print(sys.executable if sys.version_info >= (3, 8) else '')");
            pb.environment().keySet().retainAll(java.util.Set.of("PATH", "HOME", "SYSTEMROOT"));
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .strip();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()
                    || out.contains("\n")) {
                p.destroyForcibly();
                return new Interpreter(null, "code blocks need Python 3.8 or newer, but '" + found.get() + "' is not"
                        + (out.isEmpty() ? "" : " (" + out.lines().findFirst().orElse("") + ")") + hint);
            }
            return new Interpreter(Path.of(out), null);
        } catch (java.io.IOException e) {
            return new Interpreter(null, "code blocks need Python 3, but '" + found.get() + "' cannot be run ("
                    + e.getMessage() + ")" + hint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Interpreter(null, "interrupted while looking for Python");
        }
    }
}
