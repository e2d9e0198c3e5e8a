package dev.wisp.engine.journal;

/** Where a run's events go. Implementations are thread-safe and redact secrets before writing. */
public interface Journal extends AutoCloseable {

    /** Records an event; it may be held in a buffer until {@link #flush} (or {@link #sync}). */
    void record(JournalEvent event);

    /**
     * Hands everything recorded so far to the operating system, so that it survives the process (not the machine).
     * The runtime calls it once per batch of commands, before anything of the batch acts on the world (an action,
     * a question, a sub-playbook, the end), so a batch of events costs one write, and an event is never behind
     * something that depends on it.
     */
    default void flush() {
    }

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
