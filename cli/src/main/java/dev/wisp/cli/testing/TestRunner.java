package dev.wisp.cli.testing;

import dev.wisp.dsl.model.Asset;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.path.DataPathParser;
import dev.wisp.engine.Engine;
import dev.wisp.engine.data.PathEvaluator;
import dev.wisp.engine.data.RunData;
import dev.wisp.engine.exec.Inputs;
import dev.wisp.engine.exec.Replay;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.report.RunReport;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.engine.run.RunRequest;
import dev.wisp.engine.time.ManualTime;
import dev.wisp.spi.App;
import dev.wisp.spi.AssetConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one test case offline: the real apps' specs with mocked results (the core app runs for real), answers
 * from the test, virtual time, and then every expectation compared with what happened.
 */
public final class TestRunner {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private final PluginRegistry installed;
    private final Runtime runtime;

    public TestRunner(PluginRegistry installed) {
        this(installed, null);
    }

    /** A runner whose runs another runtime carries out (null: the embedded engine, in virtual time). */
    public TestRunner(PluginRegistry installed, Runtime runtime) {
        this.installed = installed;
        this.runtime = runtime;
    }

    /**
     * Carries out a test case's run in a runtime other than the embedded engine (Wisp on Temporal), in that
     * runtime's virtual time: the request is made for its time source (prompts answer in it).
     */
    public interface Runtime {
        /** The run's outcome, its events recorded to the request's journal; null when it did not end in time. */
        RunOutcome run(java.util.function.Function<dev.wisp.engine.time.TimeSource, RunRequest> request,
                       PluginRegistry apps);

        /**
         * A case with {@code resume:}: the run, and when it suspended, {@code after} later the run resumed from its
         * journal so far with the request {@code resumed} makes of it (its prompts answered by the resume's
         * answers). The outcome is the last run's; every event of both is recorded to the first request's journal.
         */
        RunOutcome runAndResume(java.util.function.Function<dev.wisp.engine.time.TimeSource, RunRequest> request,
                                java.time.Duration after,
                                java.util.function.BiFunction<dev.wisp.engine.time.TimeSource, List<JournalEvent>,
                                        RunRequest> resumed, PluginRegistry apps);
    }

    /**
     * The outcome of a test.
     *
     * @param name       the test's name
     * @param failures   what did not match (empty when it passed)
     * @param durationMs how long it took
     */
    public record Result(String name, List<String> failures, long durationMs) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    public Result run(Playbook playbook, TestFile.TestCase test, RunRequest.SubPlaybookSource subs) {
        return run(playbook, test, subs, dev.wisp.engine.code.CodeSettings.off());
    }

    /**
     * Runs a test case whose code blocks run for real with {@code code} (when allowed), except those it mocks by
     * name.
     */
    public Result run(Playbook playbook, TestFile.TestCase test, RunRequest.SubPlaybookSource subs,
                      dev.wisp.engine.code.CodeSettings code) {
        return run(playbook, test, subs, code, dev.wisp.dsl.AppCatalog.empty());
    }

    /** As above; the spec-only apps of {@code catalog} (docs/app-specs.md) are mocked like installed ones. */
    public Result run(Playbook playbook, TestFile.TestCase test, RunRequest.SubPlaybookSource subs,
                      dev.wisp.engine.code.CodeSettings code, dev.wisp.dsl.AppCatalog catalog) {
        dev.wisp.engine.code.CodeSettings mockedCode = code.decorated(real -> MockApp.around(real, test.mocks()));
        long t0 = System.nanoTime();
        List<App> apps = new ArrayList<>();
        for (App app : installed.apps()) {
            apps.add(app.spec().id().equals("core") ? app : new MockApp(app.spec(), test.mocks()));
        }
        for (dev.wisp.spi.AppSpec spec : catalog.apps()) {
            if (catalog.specOnly(spec.id()).isPresent() && installed.app(spec.id()).isEmpty()) {
                apps.add(new MockApp(spec, test.mocks()));
            }
        }
        List<JournalEvent> events = Collections.synchronizedList(new ArrayList<>());
        ManualTime time = new ManualTime(Instant.parse("2026-01-01T00:00:00Z"));
        Map<String, Object> inputs;
        Object error = test.expect().get("error");
        try {
            inputs = Inputs.resolve(playbook, test.inputs());
        } catch (IllegalArgumentException e) {
            List<String> failures = error != null && e.getMessage().contains(String.valueOf(error)) ? List.of()
                    : List.of((error == null ? "" : "expected the run to be refused with '" + error + "', but: ")
                    + e.getMessage());
            return new Result(test.name(), failures, 0);
        }
        if (error != null) {
            return new Result(test.name(), List.of("expected the run to be refused with '" + error
                    + "', but it started"), 0);
        }
        RunRequest.AssetProvider assets = new RunRequest.AssetProvider() {
            @Override
            public Optional<AssetConfig> asset(String name) {
                return Optional.of(TestRunner.asset(playbook, name, test.assets().getOrDefault(name, Map.of())));
            }

            @Override
            public Optional<dev.wisp.engine.asset.ApprovalPolicy> approval(String name) {
                return Optional.ofNullable(test.approvals().get(name));
            }
        };
        RunOutcome outcome;
        if (runtime != null) {
            java.util.function.Function<dev.wisp.engine.time.TimeSource, RunRequest> first = t -> new RunRequest(
                    "test", playbook, test.inputs(), test.container(), test.artifacts(), assets,
                    new TestPrompts(test.answers(), t), events::add, t, 8, List.of(), subs, Set.of(), mockedCode);
            outcome = test.resume() == null ? runtime.run(first, PluginRegistry.of(apps))
                    : runtime.runAndResume(first, test.resume().after() == null ? java.time.Duration.ZERO
                    : test.resume().after(), (t, prior) -> new RunRequest("test", playbook, test.inputs(),
                    test.container(), test.artifacts(), assets, new TestPrompts(test.resume().answers(), t),
                    events::add, t, 8, prior, subs, Set.of(), mockedCode), PluginRegistry.of(apps));
            List<String> failures = outcome == null ? List.of("the run did not finish within 30 s of real time")
                    : Expectations.check(test.expect(), outcome, events, values(events, test, inputs));
            return new Result(test.name(), failures, (System.nanoTime() - t0) / 1_000_000);
        }
        try (Engine engine = new Engine(PluginRegistry.of(apps))) {
            RunRequest req = new RunRequest("test", playbook, test.inputs(), test.container(), test.artifacts(),
                    assets, new TestPrompts(test.answers(), time), events::add, time, 8, List.of(), subs, Set.of(),
                    mockedCode);
            outcome = drive(engine.start(req), time);
            if (outcome != null && outcome.status() == RunOutcome.Status.SUSPENDED && test.resume() != null) {
                if (test.resume().after() != null) {
                    time.advance(test.resume().after());
                }
                List<JournalEvent> prior;
                synchronized (events) {
                    prior = List.copyOf(events);
                }
                RunRequest resumed = new RunRequest("test", playbook, test.inputs(), test.container(),
                        test.artifacts(), assets, new TestPrompts(test.resume().answers(), time), events::add, time,
                        8, prior, subs, Set.of(), mockedCode);
                outcome = drive(engine.start(resumed), time);
            }
        }
        List<String> failures = outcome == null ? List.of("the run did not finish within 30 s of real time")
                : Expectations.check(test.expect(), outcome, events, values(events, test, inputs));
        return new Result(test.name(), failures, (System.nanoTime() - t0) / 1_000_000);
    }

    static AssetConfig asset(Playbook playbook, String name, Map<String, Object> config) {
        Asset a = playbook.assets().get(name);
        return new AssetConfig(name, a == null ? name : a.app(), config, Set.of());
    }

    /**
     * Advances virtual time only when the run is idle (nothing queued, no plugin call returning), so timers never
     * race work.
     */
    private static RunOutcome drive(Engine.Handle handle, ManualTime time) {
        CompletableFuture<RunOutcome> f = handle.outcome().toCompletableFuture();
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!f.isDone()) {
            if (System.nanoTime() > deadline) {
                return null;
            }
            if (time.pending() > 0 && handle.idle()) {
                time.fireNext();
            }
            try {
                f.get(1, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // still running: look again
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the run failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return f.join();
    }

    private static java.util.function.Function<String, Object> values(List<JournalEvent> events,
                                                                      TestFile.TestCase test,
                                                                      Map<String, Object> inputs) {
        return path -> {
            DataPathParser.Result parsed = DataPathParser.parse(path);
            if (!parsed.ok()) {
                return new Expectations.Problem("'" + path + "' is not a data path: " + parsed.error());
            }
            RunData data = Replay.data(events, test.container(), test.artifacts(), inputs);
            return new PathEvaluator().values(parsed.path(), data);
        };
    }

    /** Numbers compare by value (7 equals 7.0). */
    static boolean same(Object expected, Object actual) {
        if (expected instanceof Number a && actual instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        if (expected instanceof List<?> a && actual instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof Map<?, ?> a && actual instanceof Map<?, ?> b) {
            return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> same(a.get(k), b.get(k)));
        }
        return java.util.Objects.equals(expected, actual)
                || (expected != null && actual != null && !(actual instanceof Map) && !(actual instanceof List)
                && expected.toString().equals(actual.toString()));
    }

    static Comparator<JournalEvent.ExecutionFinished> byIndex() {
        return Comparator.comparingInt(JournalEvent.ExecutionFinished::iteration)
                .thenComparingInt(JournalEvent.ExecutionFinished::index);
    }

    static Map<String, Object> report(List<JournalEvent> events) {
        synchronized (events) {
            return RunReport.build(List.copyOf(events));
        }
    }
}
