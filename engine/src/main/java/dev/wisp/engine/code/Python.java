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
        if (find(settings.python(), settings.environment()).isEmpty()) {
            return Optional.of("code blocks need Python 3, but '" + settings.python() + "' was not found"
                    + (settings.python().equals(CodeSettings.DEFAULT_PYTHON) ? " on the PATH" : "")
                    + "; install it, or name the interpreter with WISP_PYTHON or 'code: {python: PATH}' in "
                    + "wisp-project.yaml");
        }
        return Optional.empty();
    }
}
