package dev.wisp.engine.runs;

import dev.wisp.engine.journal.JournalEvent;

/** Who watches a run as it goes (a progress display): every event, after the journal has it, and notices. */
public interface RunWatcher {
    /** Watches nothing. */
    RunWatcher NONE = new RunWatcher() {
    };

    /** An event the run recorded (already redacted where it is shown: see {@link Runs}). */
    default void event(JournalEvent event) {
    }

    /**
     * A secret the run found (the value of a {@code password} parameter or input): mask it in whatever is shown
     * from now on, like the asset secrets.
     */
    default void secret(String value) {
    }

    /** Something the user should know about the run's record (a journal's torn last line was dropped). */
    default void notice(String message) {
    }

    /** The run ended; nothing more comes. */
    default void closed() {
    }
}
