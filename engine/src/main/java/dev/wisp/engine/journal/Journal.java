package dev.wisp.engine.journal;

/** Where a run's events go. Implementations are thread-safe and redact secrets before writing. */
public interface Journal extends AutoCloseable {

    void record(JournalEvent event);

    @Override
    default void close() {
    }
}
