package dev.wisp.engine.code;

import dev.wisp.spi.App;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Whether and how a run may run code blocks. Code is off unless the user or the playbook's project allows it
 * ({@code --allow-code}, {@code wisp-project.yaml}), since a playbook from elsewhere must not run Python unasked.
 *
 * @param allowed     whether code blocks may run at all
 * @param python      the Python 3 interpreter: a command looked up on the PATH ({@code python3}) or a path
 * @param workDir     the folder code runs in (a scratch folder in the run directory), or null for a temporary one
 * @param environment the environment code blocks may take variables from (the ones each block lists, no others)
 * @param decorator   wraps the run's code app ({@code wisp test} answers mocked blocks with it); identity otherwise
 */
public record CodeSettings(boolean allowed, String python, Path workDir, Map<String, String> environment,
                           UnaryOperator<App> decorator) {
    /** The interpreter looked for when none is configured. */
    public static final String DEFAULT_PYTHON = "python3";
    /** The timeout of a code block that sets none. */
    public static final java.time.Duration DEFAULT_TIMEOUT = java.time.Duration.ofSeconds(60);

    public CodeSettings {
        python = python == null || python.isBlank() ? DEFAULT_PYTHON : python;
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        decorator = decorator == null ? UnaryOperator.identity() : decorator;
    }

    /** Code blocks may not run (the default). */
    public static CodeSettings off() {
        return new CodeSettings(false, null, null, Map.of(), null);
    }

    /** Code blocks may run with this interpreter (null for {@code python3}) and this process's environment. */
    public static CodeSettings allowed(String python) {
        return new CodeSettings(true, python, null, System.getenv(), null);
    }

    /** The same settings, running code in {@code dir}. */
    public CodeSettings in(Path dir) {
        return new CodeSettings(allowed, python, dir, environment, decorator);
    }

    /** The same settings, with the run's code app wrapped by {@code wrap}. */
    public CodeSettings decorated(UnaryOperator<App> wrap) {
        return new CodeSettings(allowed, python, workDir, environment, wrap);
    }
}
