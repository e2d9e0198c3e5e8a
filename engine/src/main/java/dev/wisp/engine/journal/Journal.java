package dev.wisp.engine.journal;

/** Where a run's events go. Implementations are thread-safe and redact secrets before writing. */
public interface Journal extends AutoCloseable {

    void record(JournalEvent event);

    /**
     * Makes everything recorded so far durable (on disk, not only in the operating system's cache). The runtime
     * calls it after an execution's start is recorded and before an action that is not safe to repeat runs, so a
     * crash can never hide that the action may have happened (write-ahead).
     */
    default void sync() {
    }

    /**
     * A secret the run found (the value of a {@code password} parameter): masked from now on wherever this journal
     * writes or shows, like the asset secrets. The default has nothing to mask.
     */
    default void secret(String value) {
    }

    @Override
    default void close() {
    }
}
