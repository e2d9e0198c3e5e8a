package dev.wisp.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.parse.LoadResult;
import dev.wisp.dsl.parse.PlaybookLoader;
import dev.wisp.engine.Engine;
import dev.wisp.engine.journal.Journal;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.prompt.PromptHandler;
import dev.wisp.engine.prompt.PromptOutcome;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.engine.run.RunRequest;
import dev.wisp.engine.time.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Runs a YAML playbook against {@link TestApp} in virtual time and keeps the journal. */
final class Harness {
    final TestApp app = new TestApp();
    final Engine engine = new Engine(PluginRegistry.of(List.of(app)));
    final ManualTime time = new ManualTime(Instant.parse("2026-11-22T10:00:00Z"));
    final List<JournalEvent> events = Collections.synchronizedList(new ArrayList<>());
    PromptHandler prompts = request -> CompletableFuture.completedFuture(new PromptOutcome.Unavailable());
    Map<String, Object> container = Map.of();
    List<Object> artifacts = List.of();
    int maxConcurrency = 8;
    Map<String, dev.wisp.engine.asset.ApprovalPolicy> approvals = Map.of();
    RunRequest.SubPlaybookSource subs;
    java.util.Set<String> retryInDoubt = java.util.Set.of();
    dev.wisp.engine.code.CodeSettings code = dev.wisp.engine.code.CodeSettings.off();
    /** A journal that also gets every event and secret (for example a file journal), or {@code null}. */
    Journal also;

    static Playbook playbook(String yaml) {
        return playbook("test.yaml", yaml);
    }

    static Playbook playbook(String file, String yaml) {
        LoadResult r = new PlaybookLoader(List.of()).loadString(yaml, file);
        assertEquals(List.of(), r.diagnostics());
        return r.playbook().orElseThrow();
    }

    Engine.Handle start(String yaml, Map<String, Object> inputs, List<JournalEvent> prior) {
        Journal journal = new Journal() {
            @Override
            public void record(JournalEvent e) {
                events.add(e);
                if (also != null) {
                    also.record(e);
                }
            }

            @Override
            public void secret(String value) {
                if (also != null) {
                    also.secret(value);
                }
            }
        };
        RunRequest.AssetProvider assets = new RunRequest.AssetProvider() {
            @Override
            public Optional<dev.wisp.spi.AssetConfig> asset(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<dev.wisp.engine.asset.ApprovalPolicy> approval(String name) {
                return Optional.ofNullable(approvals.get(name));
            }
        };
        RunRequest req = new RunRequest("run-1", playbook(yaml), inputs, container, artifacts, assets, prompts,
                journal, time, maxConcurrency, prior, subs, retryInDoubt, code);
        return engine.start(req);
    }

    /** Runs to the end, advancing virtual time whenever the run waits on a timer. */
    RunOutcome run(String yaml) {
        return finish(start(yaml, Map.of(), List.of()));
    }

    /** Drives virtual time: the next timer fires only when the run is idle, so timers never race the work. */
    RunOutcome finish(Engine.Handle handle) {
        CompletableFuture<RunOutcome> f = handle.outcome().toCompletableFuture();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!f.isDone()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run did not finish; journal: " + events);
            }
            if (!(handle.idle() && time.fireNext())) {
                try {
                    f.get(1, TimeUnit.MILLISECONDS); // wait for the run's threads without spinning a core
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException
                         | InterruptedException e) {
                    // not done yet (or done exceptionally: join below reports it)
                }
            }
        }
        return f.join();
    }

    <T extends JournalEvent> List<T> events(Class<T> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    JournalEvent.BlockFinished finished(String block) {
        return events(JournalEvent.BlockFinished.class).stream().filter(e -> e.block().equals(block)).findFirst()
                .orElseThrow(() -> new AssertionError(block + " did not finish: " + events));
    }

    String skipped(String block) {
        return events(JournalEvent.BlockSkipped.class).stream().filter(e -> e.block().equals(block))
                .map(JournalEvent.BlockSkipped::reason).findFirst().orElse(null);
    }

    void advance(Duration d) {
        time.advance(d);
    }
}
