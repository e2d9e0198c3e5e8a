package dev.wisp.dsl.model;

/** How an action combines parameter values that come from different sources (blocks, inputs, the event). */
public enum Combine {
    /** Row i of each source together; sources of different lengths are an error at run time. */
    ZIP("zip"),
    /** Every combination (SOAR's behaviour; explicit here, a warning when implicit). */
    PRODUCT("product");

    private final String id;

    Combine(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
