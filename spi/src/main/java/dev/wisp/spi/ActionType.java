package dev.wisp.spi;

/** What an action does to its target, as in SOAR app metadata; approvals may be required per type. */
public enum ActionType {
    INVESTIGATE("investigate"),
    CONTAIN("contain"),
    CORRECT("correct"),
    GENERIC("generic"),
    TEST("test");

    private final String id;

    ActionType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Parses the YAML name; returns {@code null} for an unknown name. */
    public static ActionType fromId(String id) {
        for (ActionType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return null;
    }
}
