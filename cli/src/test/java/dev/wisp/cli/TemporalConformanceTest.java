package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.cli.testing.TestFile;
import dev.wisp.cli.testing.TestRunner;
import dev.wisp.cli.validate.Validator;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.model.PromptResponse;
import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.engine.journal.JournalEvent;
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
    /** Real time a case may take: more than the embedded runner's (the test service waits in real time for work). */
    private static final long REAL_TIME_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** How far test time moves between looks at the run's questions. */
    private static final Duration STEP = Duration.ofSeconds(30);

    /**
     * Cases whose expectations hold on a virtual clock only, each with what it expects and what Temporal's test
     * service gives. The embedded {@code wisp test} moves its clock only at timers, when the run is idle, so work
     * takes no time. The test service skips time only while nothing is in flight: while the test sets it up, while a
     * workflow task or an activity (even a mock's) runs, its clock moves in real time, and the workflow's time
     * (which stamps every event) moves with it. Measured on a loaded 2-core machine: a run asks its first prompt 0.1
     * to 14 s after 00:00:00, and three iterations of a repeat take 2m plus 0.5 s. These cases compare that time
     * exactly (a deadline to the second, a duration to the millisecond), so they cannot hold there; the rest of each
     * behaviour (the escalation, the repeat's failure, the timeout) is run by other cases.
     * {@code -Dwisp.conformance.clock=true} runs them anyway, to see.
     */
    static final Map<String, String> CLOCK = Map.of(
            "approvals.test.yaml > past the SLA it escalates to the secondary owners",
            "expects the approval's deadline at exactly 01:00:00Z and the escalated one at 02:00:00Z",
            "approvals.test.yaml > a suspended approval resumed after its SLA has escalated",
            "expects the approval's deadline at exactly 01:00:00Z",
            "prompts.test.yaml > resumed with the answer, it goes on without repeating anything",
            "expects the prompt's deadline at exactly 00:30:00Z",
            "repeat.test.yaml > a repeat that runs out of iterations is a failure of the block",
            "expects the repeat's elapsed time to be exactly 2m (the workers' work takes real milliseconds)",
            "timeouts.test.yaml > an action past its timeout fails, and the run goes on",
            "the action sleeps 10 min of test time in a running activity, during which the test service does not "
                    + "skip time: its 10 s block timeout and the next block's 5 s take real time, near the 30 s limit");

    /** The last run's journal (shown with a failure in a narrow run). */
    private static final List<String> JOURNAL = new ArrayList<>();
    private static final boolean PYTHON = dev.wisp.engine.code.Python.find(
            dev.wisp.engine.code.CodeSettings.DEFAULT_PYTHON, System.getenv()).isPresent();

    /** Why a case is not run on Temporal, or null when it is. */
    static String leftOut(Path file, TestFile.TestCase c) {
        String clock = CLOCK.get(file.getFileName() + " > " + c.name());
        if (clock != null && !Boolean.getBoolean("wisp.conformance.clock")) {
            return "exact virtual time: " + clock;
        }
        if (file.getParent().getFileName().toString().equals("code") && !PYTHON) {
            return "python3 is not on the PATH: code blocks cannot run";
        }
        return null;
    }

    @Test
    void theSuitePassesOnTemporal() throws IOException {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader(), Optional.empty());
        Validator validator = new Validator(registry.catalog());
        TestRunner runner = new TestRunner(registry, TEMPORAL);
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

    /** Wisp on Temporal as the test runner's runtime. */
    static final TestRunner.Runtime TEMPORAL = new TestRunner.Runtime() {
        @Override
        public RunOutcome run(java.util.function.Function<TimeSource, RunRequest> request, PluginRegistry apps) {
            return TemporalConformanceTest.run(request, null, null, apps);
        }

        @Override
        public RunOutcome runAndResume(java.util.function.Function<TimeSource, RunRequest> request, Duration after,
                                       java.util.function.BiFunction<TimeSource, List<JournalEvent>, RunRequest>
                                               resumed, PluginRegistry apps) {
            return TemporalConformanceTest.run(request, after, resumed, apps);
        }
    };

    /**
     * Runs a case's run as a workflow; when it suspends and the case resumes it, {@code after} later (skipped by the
     * test service) a new workflow of the same id goes on from its journal, as {@code wisp resume} does.
     */
    static RunOutcome run(java.util.function.Function<TimeSource, RunRequest> make, Duration after,
                          java.util.function.BiFunction<TimeSource, List<JournalEvent>, RunRequest> resumed,
                          PluginRegistry apps) {
        long deadline = System.nanoTime() + REAL_TIME_NANOS;
        Wire.RunInput[] input = new Wire.RunInput[1];
        RunRequest[] first = new RunRequest[1];
        Wire.RunEnd end = onService(Instant.parse("2026-01-01T00:00:00Z"), apps, make, (env, time, req) -> {
            first[0] = req;
            // the playbook as named from here (../playbooks/x.yaml): no path of this machine in the histories
            Path named = Path.of(req.playbook().file());
            String file = (named.isAbsolute() ? Path.of("").toAbsolutePath().relativize(named) : named).toString();
            input[0] = RunInputs.of("test", file, read(file), TemporalConformanceTest::read, req.inputs(),
                    new dev.wisp.engine.run.Events.Event(req.container(), req.artifacts()), req.maxConcurrency(),
                    "test");
            return drive(env, time, req, input[0], deadline);
        });
        if (end != null && "suspended".equals(end.status()) && resumed != null) {
            // resumed {@code after} later, from its journal, on a service of its own (a sleep of the test service
            // with no workflow running skips on to its internal timers, years away)
            List<String> journal = List.copyOf(end.journal());
            List<JournalEvent> prior = journal.stream().map(JournalCodec::decode).toList();
            Instant at = prior.get(prior.size() - 1).time().plus(after);
            end = onService(at, apps, t -> resumed.apply(t, prior), (env, time, req) -> drive(env, time, req,
                    input[0].resumed("test", journal), deadline));
        }
        return end == null ? null : WispRun.outcome(end);
    }

    /** What {@code work} does with a test service whose time starts at {@code start}, and a worker on it. */
    private static Wire.RunEnd onService(Instant start, PluginRegistry apps,
                                         java.util.function.Function<TimeSource, RunRequest> make,
                                         OnService work) {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setInitialTime(start).build());
        try {
            ServiceTime time = new ServiceTime(env);
            RunRequest req = make.apply(time);
            WispWorker.register(env.newWorker("conformance"), apps, req.assets(), Redactor.none(), time,
                    Duration.ofSeconds(1), req.code());
            env.start();
            return work.run(env, time, req);
        } finally {
            env.close();
        }
    }

    private interface OnService {
        Wire.RunEnd run(TestWorkflowEnvironment env, ServiceTime time, RunRequest req);
    }

    /** Starts the run's workflow, answers its questions, moves time, until it ends (its end) or the deadline (null). */
    private static Wire.RunEnd drive(TestWorkflowEnvironment env, ServiceTime time, RunRequest req,
                                     Wire.RunInput input, long deadline) {
        WorkflowStub run = env.getWorkflowClient().newUntypedWorkflowStub(WispWorkflow.TYPE,
                WorkflowOptions.newBuilder().setWorkflowId("test").setTaskQueue("conformance").build());
        run.start(input);
        Set<String> asked = new HashSet<>();
        while (System.nanoTime() < deadline) {
            Wire.RunEnd end = ended(env, run);
            if (end != null) {
                ended.accept(env);
                JOURNAL.clear();
                JOURNAL.addAll(end.journal());
                end.journal().forEach(line -> req.journal().record(JournalCodec.decode(line)));
                return end;
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
            Wire.Question[] waiting;
            try {
                waiting = stub.query("questions", Wire.Question[].class);
            } catch (io.temporal.client.WorkflowQueryException notStarted) {
                continue; // a resumed run whose start is still delayed: nothing asked yet
            }
            for (Wire.Question q : waiting) {
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
