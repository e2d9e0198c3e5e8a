package dev.wisp.engine.exec;

import dev.wisp.engine.journal.Journal;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.time.TimeSource;
import dev.wisp.spi.ActionContext;
import dev.wisp.spi.AssetConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The engine's side of one execution: parameters, asset, run time, journal, and cancellation. Public so that tools
 * running a single action outside a playbook (such as {@code wisp asset test}) give it the same context.
 */
public final class ExecutionContext implements ActionContext {
    private final String block;
    private final String action;
    private final Map<String, Object> parameters;
    private final AssetConfig asset;
    private final TimeSource time;
    private final Journal journal;
    private final Map<String, Object> container;
    private final Map<String, Object> state;
    private final CompletableFuture<Void> cancelled = new CompletableFuture<>();

    public ExecutionContext(String block, String action, Map<String, Object> parameters, AssetConfig asset,
                            TimeSource time, Journal journal) {
        this(block, action, parameters, asset, time, journal, Map.of());
    }

    /** An execution in a run whose event has this container. */
    public ExecutionContext(String block, String action, Map<String, Object> parameters, AssetConfig asset,
                            TimeSource time, Journal journal, Map<String, Object> container) {
        this(block, action, parameters, asset, time, journal, container, Map.of());
    }

    /** A later step of an execution, with the state its previous step handed on. */
    public ExecutionContext(String block, String action, Map<String, Object> parameters, AssetConfig asset,
                            TimeSource time, Journal journal, Map<String, Object> container,
                            Map<String, Object> state) {
        this.state = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(state));
        this.container = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(container));
        this.block = block;
        this.action = action;
        this.parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        this.asset = asset;
        this.time = time;
        this.journal = journal;
    }

    @Override
    public String actionName() {
        return action;
    }

    @Override
    public String blockName() {
        return block;
    }

    @Override
    public Map<String, Object> parameters() {
        return parameters;
    }

    @Override
    public Map<String, Object> state() {
        return state;
    }

    @Override
    public AssetConfig asset() {
        return asset;
    }

    @Override
    public Map<String, Object> container() {
        return container;
    }

    @Override
    public Clock clock() {
        return time.clock();
    }

    @Override
    public CompletionStage<Void> delay(Duration duration) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        time.delay(duration).thenRun(() -> done.complete(null));
        cancelled.thenRun(() -> done.completeExceptionally(new CancellationException("cancelled")));
        return done;
    }

    @Override
    public void progress(long done, long total, String detail) {
        journal.record(new JournalEvent.Progress(time.clock().instant(), block, done, total, detail));
        journal.flush(); // from the app, between the run's batches: written now, not with the next batch
    }

    @Override
    public void log(String message) {
        journal.record(new JournalEvent.Log(time.clock().instant(), block, message));
        journal.flush();
    }

    @Override
    public boolean cancelled() {
        return cancelled.isDone();
    }

    @Override
    public void onCancel(Runnable action) {
        cancelled.thenRun(action);
    }

    void cancel() {
        cancelled.complete(null);
    }
}
