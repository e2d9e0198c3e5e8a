package dev.wisp.dsl.diag;

import java.util.Objects;

/**
 * One problem found in a playbook, printed like a compiler does: {@code file:line:col: error[WSP020]: message}.
 *
 * @param severity error or warning
 * @param code     the stable rule code
 * @param message  what is wrong and how to fix it
 * @param location where
 */
public record Diagnostic(Severity severity, Code code, String message, Location location)
        implements Comparable<Diagnostic> {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    /** A diagnostic with the code's default severity. */
    public static Diagnostic of(Code code, Location location, String message) {
        return new Diagnostic(code.defaultSeverity(), code, message, location);
    }

    @Override
    public int compareTo(Diagnostic o) {
        int c = location.compareTo(o.location);
        return c != 0 ? c : code.compareTo(o.code);
    }

    /** The compiler-style line: {@code file:line:col: error[CODE]: message}. */
    @Override
    public String toString() {
        return location + ": " + severity.id() + "[" + code.name() + "]: " + message;
    }
}
