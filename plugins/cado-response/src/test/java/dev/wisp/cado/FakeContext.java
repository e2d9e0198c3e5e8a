package dev.wisp.cado;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.AssetConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An ActionContext whose time is virtual: delays complete at once and move the clock. Captures every line. */
class FakeContext implements ActionContext {
    final String action;
    final Map<String, Object> parameters;
    final AssetConfig asset;
    final List<Duration> delays = Collections.synchronizedList(new ArrayList<>());
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private volatile Instant now = Instant.parse("2026-11-22T10:00:00Z");

    FakeContext(String action, Map<String, Object> parameters, AssetConfig asset) {
        this.action = action;
        this.parameters = parameters;
        this.asset = asset;
    }

    @Override
    public String actionName() {
        return action;
    }

    @Override
    public Map<String, Object> parameters() {
        return parameters;
    }

    @Override
    public AssetConfig asset() {
        return asset;
    }

    @Override
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    @Override
    public CompletionStage<Void> delay(Duration duration) {
        delays.add(duration);
        now = now.plus(duration);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void progress(long done, long total, String detail) {
        lines.add("progress " + done + "/" + total + " " + detail);
    }

    @Override
    public void log(String message) {
        lines.add("log " + message);
    }

    private final CompletableFuture<Void> cancel = new CompletableFuture<>();

    @Override
    public boolean cancelled() {
        return cancel.isDone();
    }

    @Override
    public void onCancel(Runnable action) {
        cancel.thenRun(action);
    }

    /** What the engine does past an execution's timeout, or on Ctrl-C. */
    void cancel() {
        cancel.complete(null);
    }
}
