package dev.wisp.plugins.core;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.AssetConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A hand-written ActionContext: delays are recorded and completed by the test, logs are captured. */
final class FakeContext implements ActionContext {
    final String action;
    final Map<String, Object> parameters;
    final List<String> logs = new ArrayList<>();
    final List<Duration> delays = new ArrayList<>();
    final List<CompletableFuture<Void>> pendingDelays = new ArrayList<>();

    FakeContext(String action, Map<String, Object> parameters) {
        this.action = action;
        this.parameters = parameters;
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
        return new AssetConfig("core", "core", Map.of(), Set.of());
    }

    @Override
    public Clock clock() {
        return Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    }

    @Override
    public CompletionStage<Void> delay(Duration duration) {
        delays.add(duration);
        CompletableFuture<Void> f = new CompletableFuture<>();
        pendingDelays.add(f);
        return f;
    }

    @Override
    public void progress(long done, long total, String detail) {
    }

    @Override
    public void log(String message) {
        logs.add(message);
    }

    @Override
    public boolean cancelled() {
        return false;
    }
}
