package dev.wisp.dsl.model;

/**
 * How a block with several incoming edges waits. Joins never halt silently: a branch not taken counts as done,
 * and a block none of whose incoming edges was taken is reported as skipped.
 */
public enum Join {
    /** Wait until every incoming edge is either taken or can no longer be taken; run if any was taken. */
    ALL("all"),
    /** Run as soon as the first incoming edge is taken; later arrivals do not run it again. */
    ANY("any");

    private final String id;

    Join(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
