package dev.wisp.spi;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * What one execution of an action may see and use. The engine implements it; plugins only read it.
 * Everything time-related goes through {@link #clock()} and {@link #delay(Duration)} so tests can inject time.
 */
public interface ActionContext {

    /** The action's name, e.g. {@code create project}. */
    String actionName();

    /** The name of the playbook block running the action, for logs and test doubles; empty when unknown. */
    default String blockName() {
        return "";
    }

    /** The parameters of this execution: playbook values, then parameter defaults, then asset defaults. */
    Map<String, Object> parameters();

    /**
     * What the previous step of this execution handed on with {@link ActionResult#continueAfter}; empty for its
     * first step (and for every execution of an action that runs in one step). After a crash or a lost worker it is
     * the state of the last step the journal recorded.
     */
    default Map<String, Object> state() {
        return Map.of();
    }

    /** The asset this execution runs on. */
    AssetConfig asset();

    /** The run's clock. */
    Clock clock();

    /**
     * Completes after {@code duration} without holding a thread while it waits, so that a hundred polling
     * executions do not need a hundred threads. Completes exceptionally with
     * {@link java.util.concurrent.CancellationException} when the execution is cancelled.
     */
    CompletionStage<Void> delay(Duration duration);

    /** Reports progress to the run's progress display and journal (e.g. subtasks done of total). */
    void progress(long done, long total, String detail);

    /** Writes a line to the run's journal. The engine redacts secrets before writing. */
    void log(String message);

    /**
     * The container of the event the run was started with ({@code --event}): the fields data paths read as
     * {@code container:<field>}, such as {@code id}, {@code name} and {@code label}. Empty when the run has no event
     * (and in contexts that know none).
     */
    default Map<String, Object> container() {
        return Map.of();
    }

    /** Whether the run or this execution was cancelled (Ctrl-C, timeout); long work should stop soon after. */
    boolean cancelled();

    /**
     * Runs {@code action} when the execution is cancelled (Ctrl-C, or past its {@code timeout}), at once if it
     * already is: an app aborts its in-flight requests here, so nobody waits for an answer that no longer counts.
     * Contexts that cannot be cancelled ignore it.
     */
    default void onCancel(Runnable action) {
    }
}
