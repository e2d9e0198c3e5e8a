package dev.wisp.spi.testing;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AssetConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The one {@link ActionContext} test double for apps: virtual time on a {@link ManualClock}, every delay, log line
 * and progress report recorded, and cancellation as the engine does it.
 *
 * <p>By default a delay completes at once and moves the clock by its duration, so retries and polling loops run
 * through hours of the run's time without sleeping. {@link #holdDelays()} instead leaves each delay pending until
 * the test completes it ({@link #releaseDelays()}), to check what an action does while it waits.
 *
 * <p>An action that continues in steps ({@link ActionResult#continueAfter}) is run to its end with
 * {@link #runSteps}, as the engine runs it: each wait between steps is a {@link #delay} (so it is recorded and
 * moves the clock) and each step sees the state the one before handed on. {@link #withState} gives one step a
 * state, to test a step on its own.
 */
public final class TestActionContext implements ActionContext {
    /** Where every test clock starts unless told otherwise. */
    public static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    /** One progress report. */
    public record Progress(long done, long total, String detail) {
    }

    private final String action;
    private final String block;
    private final Map<String, Object> parameters;
    private final AssetConfig asset;
    private final ManualClock clock;
    private final Map<String, Object> container;
    private final List<Duration> delays = Collections.synchronizedList(new ArrayList<>());
    private final List<CompletableFuture<Void>> pending = Collections.synchronizedList(new ArrayList<>());
    private final List<String> logs = Collections.synchronizedList(new ArrayList<>());
    private final List<Progress> progress = Collections.synchronizedList(new ArrayList<>());
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> cancel = new CompletableFuture<>();
    private volatile boolean hold;
    private volatile Map<String, Object> state;
    private volatile int steps;

    /** An execution of {@code action} with these parameters on an asset without configuration. */
    public TestActionContext(String action, Map<String, Object> parameters) {
        this(action, parameters, new AssetConfig("test", "test", Map.of(), Set.of()), new ManualClock(START),
                Map.of(), Map.of());
    }

    private TestActionContext(String action, Map<String, Object> parameters, AssetConfig asset, ManualClock clock,
                              Map<String, Object> container, Map<String, Object> state) {
        this.state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
        this.action = action;
        this.block = action.replace(' ', '_') + "_1";
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.asset = asset;
        this.clock = clock;
        this.container = Collections.unmodifiableMap(new LinkedHashMap<>(container));
    }

    /** The same execution on another asset. */
    public TestActionContext withAsset(AssetConfig other) {
        return new TestActionContext(action, parameters, other, clock, container, state);
    }

    /** The same execution on another clock (for example one shared with a simulated server). */
    public TestActionContext withClock(ManualClock other) {
        return new TestActionContext(action, parameters, asset, other, container, state);
    }

    /** The same execution in a run started with an event of this container ({@code container:id} and so on). */
    public TestActionContext withContainer(Map<String, Object> fields) {
        return new TestActionContext(action, parameters, asset, clock, fields, state);
    }

    /** The same execution at a later step: {@link #state()} is what the step before handed on. */
    public TestActionContext withState(Map<String, Object> handedOn) {
        return new TestActionContext(action, parameters, asset, clock, container, handedOn);
    }

    /**
     * Runs the execution on {@code connection} to its end, as the engine does: while a step answers
     * {@link ActionResult#continueAfter}, waits its delay through {@link #delay} and runs the next step with the
     * state it handed on. Returns the final result, with every step's data items, in order, before its own. Delays
     * must not be held ({@link #holdDelays()}): each step is waited for here.
     */
    public ActionResult runSteps(AppConnection connection) {
        List<Object> kept = new ArrayList<>();
        while (true) {
            ActionResult r = connection.execute(this).toCompletableFuture().join();
            steps++;
            if (r == null || !r.continues()) {
                if (r == null || kept.isEmpty()) {
                    return r;
                }
                kept.addAll(r.data());
                return r.withData(kept);
            }
            kept.addAll(r.data());
            delay(r.continuation().after()).toCompletableFuture().join();
            state = r.continuation().state();
        }
    }

    /** How many steps {@link #runSteps} ran. */
    public int steps() {
        return steps;
    }

    /** From now on, delays stay pending until {@link #releaseDelays()}; returns this context. */
    public TestActionContext holdDelays() {
        hold = true;
        return this;
    }

    /** Completes every pending delay, moving the clock by each. */
    public void releaseDelays() {
        List<CompletableFuture<Void>> now;
        synchronized (pending) {
            now = List.copyOf(pending);
            pending.clear();
        }
        now.forEach(f -> f.complete(null));
    }

    /** What the engine does past an execution's timeout, or on Ctrl-C. */
    public void cancel() {
        cancel.complete(null);
    }

    /** The run's clock, to move or read in assertions. */
    public ManualClock manualClock() {
        return clock;
    }

    /** Every delay asked for, in order. */
    public List<Duration> delays() {
        return snapshot(delays);
    }

    /** Delays asked for and not completed yet (only while delays are held). */
    public List<CompletableFuture<Void>> pendingDelays() {
        return snapshot(pending);
    }

    /** Every journal line, in order. */
    public List<String> logs() {
        return snapshot(logs);
    }

    /** Every progress report, in order. */
    public List<Progress> progressReports() {
        return snapshot(progress);
    }

    /** Logs and progress as one transcript: {@code log <message>} and {@code progress <done>/<total> <detail>}. */
    public List<String> lines() {
        return snapshot(lines);
    }

    private static <T> List<T> snapshot(List<T> list) {
        synchronized (list) {
            return List.copyOf(list);
        }
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
        return clock;
    }

    @Override
    public CompletionStage<Void> delay(Duration duration) {
        delays.add(duration);
        CompletableFuture<Void> done = new CompletableFuture<>();
        cancel.thenRun(() -> done.completeExceptionally(new CancellationException("cancelled")));
        if (!hold) {
            clock.advance(duration);
            done.complete(null);
            return done;
        }
        CompletableFuture<Void> timer = new CompletableFuture<>();
        pending.add(timer);
        timer.thenRun(() -> {
            clock.advance(duration);
            done.complete(null);
        });
        return done;
    }

    @Override
    public void progress(long done, long total, String detail) {
        progress.add(new Progress(done, total, detail));
        lines.add("progress " + done + "/" + total + " " + detail);
    }

    @Override
    public void log(String message) {
        logs.add(message);
        lines.add("log " + message);
    }

    @Override
    public boolean cancelled() {
        return cancel.isDone();
    }

    @Override
    public void onCancel(Runnable action) {
        cancel.thenRun(action);
    }
}
