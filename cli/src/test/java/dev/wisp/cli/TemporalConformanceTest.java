package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.cli.testing.TestFile;
import dev.wisp.cli.testing.TestRunner;
import dev.wisp.cli.validate.Validator;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.model.PromptResponse;
import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.prompt.PromptOutcome;
import dev.wisp.engine.prompt.PromptRequest;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.engine.run.RunRequest;
import dev.wisp.engine.time.TimeSource;
import dev.wisp.temporal.RunInputs;
import dev.wisp.temporal.Wire;
import dev.wisp.temporal.WispRun;
import dev.wisp.temporal.WispWorker;
import dev.wisp.temporal.WispWorkflow;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite through Wisp on Temporal: every case's run is a workflow in Temporal's in-process test
 * service, its actions activities on a worker with the test's mocks, its prompts answered by signal, time moved by
 * the test service; the expectations are the embedded engine's, unchanged. Cases the Temporal runtime cannot run
 * by design are left out, each kind with its reason (see {@link #leftOut}).
 */
class TemporalConformanceTest {
    private static final Path SUITE = Path.of("../conformance");
    private static final long REAL_TIME_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** How far test time moves between looks at the run's questions. */
    private static final Duration STEP = Duration.ofSeconds(30);

    /**
     * Cases whose expectations hold on the embedded engine's virtual clock only: the test service's clock moves in
     * real time while work is done (between time skips), so durations and deadlines there are a few milliseconds
     * later than the exact values these cases expect; and an action waiting past its block timeout keeps a running
     * activity, during which the test service does not skip time.
     */
    static final Map<String, String> CLOCK = Map.of(
            "approvals.test.yaml > past the SLA it escalates to the secondary owners",
            "expects the escalated deadline at exactly 02:00:00Z",
            "repeat.test.yaml > a repeat that runs out of iterations is a failure of the block",
            "expects the elapsed time to be exactly 2m",
            "timeouts.test.yaml > an action past its timeout fails, and the run goes on",
            "the action sleeps for an hour of test time in a running activity");

    /** The last run's journal (shown with a failure in a narrow run). */
    private static final List<String> JOURNAL = new ArrayList<>();
    private static final boolean PYTHON = dev.wisp.engine.code.Python.find(
            dev.wisp.engine.code.CodeSettings.DEFAULT_PYTHON, System.getenv()).isPresent();

    /** Why a case is not run on Temporal, or null when it is. */
    static String leftOut(Path file, TestFile.TestCase c) {
        String clock = CLOCK.get(file.getFileName() + " > " + c.name());
        if (clock != null) {
            return "exact virtual time: " + clock;
        }
        if (file.getParent().getFileName().toString().equals("code") && !PYTHON) {
            return "python3 is not on the PATH: code blocks cannot run";
        }
        if (c.resume() != null) {
            return "a resume from a journal is the embedded engine's; on Temporal the run waits instead";
        }
        return null;
    }

    @Test
    void theSuitePassesOnTemporal() throws IOException {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader(), Optional.empty());
        Validator validator = new Validator(registry.catalog());
        TestRunner runner = new TestRunner(registry, TemporalConformanceTest::run);
        List<String> failures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int passed = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SUITE)) {
            // -Dwisp.conformance.only=PART runs only the files whose path has PART (for a narrow run by hand)
            String only = System.getProperty("wisp.conformance.only", "");
            files = walk.filter(p -> p.toString().endsWith(".test.yaml") && p.toString().contains(only)).sorted()
                    .toList();
        }
        for (Path f : files) {
            TestFile tf = TestFile.read(f, f.toString());
            Playbook pb = validator.validate(tf.playbook()).playbook().orElseThrow();
            for (TestFile.TestCase c : tf.cases()) {
                String why = leftOut(f, c);
                if (!c.name().contains(System.getProperty("wisp.conformance.case", ""))) {
                    continue;
                }
                if (why != null) {
                    skipped.add(f.getFileName() + " > " + c.name() + ": " + why);
                    continue;
                }
                // the code cases run their Python on the worker, as wisp worker --allow-code does
                TestRunner.Result r = runner.run(pb, c, RunCommand.subPlaybooks(validator),
                        f.getParent().getFileName().toString().equals("code")
                                ? dev.wisp.engine.code.CodeSettings.allowed(null)
                                : dev.wisp.engine.code.CodeSettings.off());
                if (r.passed()) {
                    passed++;
                } else {
                    failures.add(f.getFileName() + " > " + c.name() + ": " + r.failures() + (System.getProperty("wisp.conformance.only") == null ? ""
                            : " journal: " + String.join("\n", JOURNAL)));
                }
            }
        }
        System.out.println("conformance on Temporal: " + passed + " passed, " + failures.size() + " failed, "
                + skipped.size() + " left out:\n  " + String.join("\n  ", skipped));
        assertEquals(List.of(), failures, "every case run on Temporal passes as on the embedded engine");
        if (System.getProperty("wisp.conformance.only") == null) {
            assertTrue(passed >= 70, "most of the suite runs on Temporal: " + passed);
        }
    }

    /** Test time, as the test service keeps it: an app's waits end when the service's time reaches them. */
    static final class ServiceTime implements TimeSource {
        private final TestWorkflowEnvironment env;
        private final PriorityQueue<Object[]> waits = new PriorityQueue<>((a, b) -> ((Instant) a[0])
                .compareTo((Instant) b[0]));

        ServiceTime(TestWorkflowEnvironment env) {
            this.env = env;
        }

        Instant now() {
            return Instant.ofEpochMilli(env.currentTimeMillis());
        }

        @Override
        public Clock clock() {
            return new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now();
                }
            };
        }

        @Override
        public synchronized CompletionStage<Void> delay(Duration d) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            waits.add(new Object[] {now().plus(d), f});
            return f;
        }

        /** Ends the waits that are due; returns when the next one is, or null. */
        @SuppressWarnings("unchecked")
        Instant fire() {
            List<CompletableFuture<Void>> due = new ArrayList<>();
            Instant next;
            synchronized (this) {
                Instant now = now();
                while (!waits.isEmpty() && !((Instant) waits.peek()[0]).isAfter(now)) {
                    due.add((CompletableFuture<Void>) waits.poll()[1]);
                }
                next = waits.isEmpty() ? null : (Instant) waits.peek()[0];
            }
            due.forEach(f -> f.complete(null));
            return next;
        }
    }

    /** Told of each run's end while its test service is still up (ExampleHistoriesTest reads the histories). */
    static java.util.function.Consumer<TestWorkflowEnvironment> ended = env -> { };

    static RunOutcome run(java.util.function.Function<TimeSource, RunRequest> make, PluginRegistry apps) {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setInitialTime(Instant.parse("2026-01-01T00:00:00Z")).build());
        try {
            ServiceTime time = new ServiceTime(env);
            RunRequest req = make.apply(time);
            WispWorker.register(env.newWorker("conformance"), apps, req.assets(), Redactor.none(), time,
                    Duration.ofSeconds(1), req.code());
            env.start();
            // the playbook as named from here (../playbooks/x.yaml): no path of this machine in the histories
            Path named = Path.of(req.playbook().file());
            String file = (named.isAbsolute() ? Path.of("").toAbsolutePath().relativize(named) : named).toString();
            Wire.RunInput input = RunInputs.of("test", file, read(file), TemporalConformanceTest::read, req.inputs(),
                    new dev.wisp.engine.run.Events.Event(req.container(), req.artifacts()), req.maxConcurrency(),
                    "test");
            WorkflowStub run = env.getWorkflowClient().newUntypedWorkflowStub(WispWorkflow.TYPE,
                    WorkflowOptions.newBuilder().setWorkflowId("test").setTaskQueue("conformance").build());
            run.start(input);
            Set<String> asked = new HashSet<>();
            long deadline = System.nanoTime() + REAL_TIME_NANOS;
            while (System.nanoTime() < deadline) {
                Wire.RunEnd end = ended(env, run);
                if (end != null) {
                    ended.accept(env);
                    JOURNAL.clear();
                    JOURNAL.addAll(end.journal());
                    end.journal().forEach(line -> req.journal().record(JournalCodec.decode(line)));
                    return WispRun.outcome(end);
                }
                answer(env, req, asked);
                Instant next = time.fire();
                Duration step = next == null ? STEP : Duration.between(time.now(), next);
                env.sleep(step.isNegative() || step.isZero() ? Duration.ofMillis(1)
                        : step.compareTo(STEP) > 0 ? STEP : step);
            }
            JOURNAL.clear();
            @SuppressWarnings("unchecked")
            List<String> sofar = run.query("journal", List.class, 0);
            JOURNAL.addAll(sofar);
            return null;
        } finally {
            env.close();
        }
    }

    /** The run's end once its workflow has closed (looked up without waiting), else null. */
    private static Wire.RunEnd ended(TestWorkflowEnvironment env, WorkflowStub run) {
        var status = env.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
                io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace(env.getNamespace()).setExecution(run.getExecution()).build())
                .getWorkflowExecutionInfo().getStatus();
        return status == io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING ? null
                : run.getResult(Wire.RunEnd.class);
    }

    /** Asks the test's prompt handler each new question of the run and its sub-playbooks; its answers by signal. */
    private static void answer(TestWorkflowEnvironment env, RunRequest req, Set<String> asked) {
        var open = env.getWorkflowServiceStubs().blockingStub().listOpenWorkflowExecutions(
                ListOpenWorkflowExecutionsRequest.newBuilder().setNamespace(env.getNamespace())
                        .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(WispWorkflow.TYPE)).build());
        for (var execution : open.getExecutionsList()) {
            String id = execution.getExecution().getWorkflowId();
            WorkflowStub stub = env.getWorkflowClient().newUntypedWorkflowStub(id, Optional.empty(),
                    Optional.of(WispWorkflow.TYPE));
            for (Wire.Question q : stub.query("questions", Wire.Question[].class)) {
                if (!asked.add(id + "#" + q.id())) {
                    continue;
                }
                List<PromptResponse> questions = q.questions().stream().map(a -> new PromptResponse(a.prompt(),
                        java.util.Arrays.stream(PromptResponse.Type.values()).filter(t -> t.id().equals(a.type()))
                                .findFirst().orElseThrow(), a.options(),
                        dev.wisp.dsl.diag.Location.ofFile("test"))).toList();
                PromptRequest r = new PromptRequest("test", q.block(), q.message(), questions, q.recipients(),
                        Instant.parse(q.deadline()), q.approval());
                req.prompts().ask(r).thenAccept(o -> {
                    if (o instanceof PromptOutcome.Answered a) {
                        stub.signal("answer", Wire.Answer.of(q.id(), a.responses(), a.respondent()));
                    } else if (!(o instanceof PromptOutcome.TimedOut)) {
                        stub.signal("answer", new Wire.Answer(q.id(), List.of(), null, true)); // it suspends
                    }
                });
            }
        }
    }

    static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
