package dev.wisp.dsl.diag;

/**
 * How bad a diagnostic is: errors make a playbook invalid; warnings do so only with {@code --strict}; infos never
 * (only {@code wisp import} gives them: what it translated, not lost).
 */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    INFO("info");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
