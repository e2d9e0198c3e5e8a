package dev.wisp.dsl.model;

/** What a failed execution does to the run when the block has no {@code .failure} edge. */
public enum OnFailure {
    /** The run goes on (SOAR's behaviour); downstream blocks see the failed results. */
    CONTINUE("continue"),
    /** The run stops and ends failed. */
    STOP("stop");

    private final String id;

    OnFailure(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
