package dev.wisp.engine.exec;

import dev.wisp.dsl.graph.PlaybookGraph;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Edge;
import dev.wisp.dsl.model.Join;
import dev.wisp.dsl.model.Output;
import dev.wisp.dsl.model.Value;
import dev.wisp.engine.data.BlockState;
import dev.wisp.engine.data.PathEvaluator;
import dev.wisp.engine.data.Row;
import dev.wisp.engine.data.RunData;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.engine.run.RunRequest;
import dev.wisp.spi.AppConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One run of a playbook. All of its state lives on one scheduler thread (no locks); actions execute on worker
 * threads and report back to it. Blocks start when their incoming edges are resolved: with {@code join: all} once
 * every incoming edge is taken or can no longer be, with {@code join: any} on the first taken edge. A block none
 * of whose edges was taken is skipped with the reason; nothing halts silently.
 */
public final class Run {
    enum Status { PENDING, RUNNING, DONE, SKIPPED }

    final RunRequest req;
    final PluginRegistry registry;
    final ExecutorService loop;
    final ExecutorService workers;
    final PlaybookGraph graph;
    final RunData data;
    final PathEvaluator eval = new PathEvaluator();
    final Dispatcher dispatcher;
    private final Map<String, Status> status = new LinkedHashMap<>();
    private final Map<Edge, Boolean> taken = new HashMap<>();
    private final Map<String, AppConnection> connections = new HashMap<>();
    private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
    private final Set<String> waitingFor = new LinkedHashSet<>();
    private final Restored restored;
    private final BlockRunners runners;
    private int runningBlocks;
    private boolean holding;
    private boolean checkScheduled;
    private String stopReason;
    private boolean cancelled;
    private boolean failed;
    private String failure;

    /** How deep sub-playbooks may nest: deeper is surely a runaway recursion. */
    static final int MAX_DEPTH = 16;

    /** The playbook files from the top-level run down to this one, to stop a sub-playbook that calls itself. */
    final List<String> chain;
    private final List<Run> children = new ArrayList<>();

    public Run(RunRequest req, PluginRegistry registry, ExecutorService workers) {
        this(req, registry, workers, List.of());
    }

    Run(RunRequest req, PluginRegistry registry, ExecutorService workers, List<String> parents) {
        List<String> c = new ArrayList<>(parents);
        c.add(req.playbook().file());
        this.chain = List.copyOf(c);
        this.req = req;
        this.registry = registry;
        this.workers = workers;
        this.loop = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wisp-run-" + req.runId());
            t.setDaemon(true);
            return t;
        });
        this.graph = new PlaybookGraph(req.playbook());
        this.data = new RunData(req.container(), req.artifacts(), Inputs.resolve(req.playbook(), req.inputs()));
        this.dispatcher = new Dispatcher(req.maxConcurrency());
        this.restored = Restored.from(req.prior());
        this.runners = new BlockRunners(this);
        req.playbook().blocks().keySet().forEach(b -> status.put(b, Status.PENDING));
    }

    /** Starts the run; the stage completes when it ends (success, failed, cancelled or suspended). */
    public CompletionStage<RunOutcome> start() {
        loop.execute(() -> guard(() -> {
            if (req.prior().isEmpty()) {
                journal(new JournalEvent.RunStarted(now(), req.runId(), req.playbook().name(), req.playbook().file(),
                        new LinkedHashMap<>(data.inputs()), null));
            } else {
                journal(new JournalEvent.RunResumed(now(), req.runId()));
            }
            // record every restored edge first, then start what is ready: a block finished later in the old
            // journal must not be started again because an earlier one made it look ready
            holding = true;
            restore();
            resolve(Edge.START, Set.of(""));
            holding = false;
            List.copyOf(status.keySet()).forEach(this::consider);
            checkDone();
        }));
        return outcome;
    }

    /**
     * Ctrl-C: running executions are cancelled, nothing new starts, the rest is skipped, and the run ends at once:
     * blocks still running (an action that has not answered yet, a prompt nobody answered) are recorded as
     * cancelled rather than waited for.
     */
    public void cancel() {
        onLoop(() -> {
            if (!outcome.isDone()) {
                cancelled = true;
                stop("the run was cancelled");
                dispatcher.cancelAll();
                children.forEach(Run::cancel);
                for (Map.Entry<String, Status> e : status.entrySet()) {
                    if (e.getValue() == Status.RUNNING) {
                        e.setValue(Status.DONE);
                        journal(new JournalEvent.BlockFinished(now(), e.getKey(), "cancelled", 0, 0, List.of(),
                                Map.of("reason", "the run was cancelled while it ran")));
                    }
                }
                runningBlocks = 0;
                waitingFor.clear();
                finishRun();
            }
        });
    }

    Instant now() {
        return req.time().clock().instant();
    }

    void journal(JournalEvent e) {
        if (!outcome.isDone()) { // after the run's end nothing more is recorded (a plugin answering late)
            req.journal().record(e);
        }
    }

    /** Runs on the scheduler thread; late completions after the run ended are dropped. */
    void onLoop(Runnable r) {
        try {
            loop.execute(() -> guard(r));
        } catch (java.util.concurrent.RejectedExecutionException ended) {
            // the run is over: a plugin answered after cancellation, nothing is left to update
        }
    }

    private void guard(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | Error e) {
            failed = true;
            failure = "internal error: " + e;
            stop(failure);
            if (!outcome.isDone()) {
                finishRun();
            }
        }
    }

    /** Starts a sub-playbook's run as a child of this one (cancelled with it). */
    CompletionStage<RunOutcome> startChild(RunRequest childRequest) {
        Run child = new Run(childRequest, registry, workers, chain);
        children.add(child);
        return child.start();
    }

    AppConnection connection(String key, java.util.function.Supplier<AppConnection> open) {
        return connections.computeIfAbsent(key, k -> open.get());
    }

    Restored restored() {
        return restored;
    }

    boolean stopping() {
        return stopReason != null;
    }

    void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    /** Whether a block's failures are routed by a {@code failure} edge. */
    boolean routesFailure(String block) {
        return graph.outgoing(block).stream().anyMatch(e -> "failure".equals(e.port()));
    }

    /** A block failed as a whole: unless a failure edge routes it, the run is failed (and goes on, as in SOAR). */
    void blockFailed(String block, String why) {
        if (!routesFailure(block)) {
            markFailed("block " + block + " failed: " + why);
        }
    }

    void markFailed(String why) {
        failed = true;
        if (failure == null) {
            failure = why;
        }
    }

    void suspendFor(String block) {
        waitingFor.add(block);
        stop("waiting for an answer to " + block);
    }

    /** Replays an earlier journal: finished blocks are not run again. */
    private void restore() {
        for (JournalEvent e : req.prior()) {
            if (e instanceof JournalEvent.BlockFinished f && status.get(f.block()) == Status.PENDING) {
                data.publish(f.block(), Restored.state(f.output()));
                status.put(f.block(), Status.DONE);
                resolve(f.block(), new LinkedHashSet<>(f.ports()));
            } else if (e instanceof JournalEvent.BlockSkipped s && status.get(s.block()) == Status.PENDING) {
                status.put(s.block(), Status.SKIPPED);
                resolve(s.block(), Set.of());
            }
        }
    }

    /** Resolves the edges leaving {@code node}: taken if their port fired. */
    void resolve(String node, Set<String> ports) {
        boolean hasFailureEdge = graph.outgoing(node).stream().anyMatch(e -> "failure".equals(e.port()));
        for (Edge e : graph.outgoing(node)) {
            String port = e.port() == null ? (hasFailureEdge ? "success" : "") : e.port();
            taken.put(e, ports.contains(port));
        }
        if (!holding) {
            for (Edge e : graph.outgoing(node)) {
                consider(e.to());
            }
        }
    }

    private void consider(String block) {
        if (block.equals(Edge.END) || status.get(block) != Status.PENDING) {
            return;
        }
        List<Edge> in = graph.incoming(block);
        boolean anyTaken = in.stream().anyMatch(e -> Boolean.TRUE.equals(taken.get(e)));
        boolean allResolved = in.stream().allMatch(taken::containsKey);
        Block b = req.playbook().blocks().get(block);
        boolean ready = b.info().join() == Join.ANY ? anyTaken : allResolved && anyTaken;
        if (ready && !stopping()) {
            startBlock(b);
        } else if (allResolved && !anyTaken) {
            skip(block, "none of its incoming edges was taken (" + String.join(", ", in.stream()
                    .map(e -> e.from() + (e.port() == null ? "" : "." + e.port())).toList()) + ")");
        }
    }

    private void skip(String block, String reason) {
        status.put(block, Status.SKIPPED);
        journal(new JournalEvent.BlockSkipped(now(), block, reason));
        resolve(block, Set.of());
    }

    private void startBlock(Block b) {
        status.put(b.name(), Status.RUNNING);
        runningBlocks++;
        journal(new JournalEvent.BlockStarted(now(), b.name(), b.kind()));
        runners.run(b);
    }

    /** A block ended: publish its data, journal it, follow its edges. */
    void finish(String block, BlockState state, String blockStatus, int executions, int failedExecutions,
                Set<String> ports, Map<String, Object> output) {
        if (outcome.isDone() || status.get(block) != Status.RUNNING) {
            return; // the run ended (cancelled) while this block was running
        }
        data.publish(block, state);
        status.put(block, Status.DONE);
        runningBlocks--;
        journal(new JournalEvent.BlockFinished(now(), block, blockStatus, executions, failedExecutions,
                List.copyOf(ports), output));
        resolve(block, ports);
        checkDone();
    }

    /** A block that started but will not finish in this process (suspended, or stopped while waiting). */
    void abandon(String block) {
        if (outcome.isDone() || status.get(block) != Status.RUNNING) {
            return;
        }
        runningBlocks--;
        checkDone();
    }

    /**
     * Ends the run once nothing runs or waits. Deferred to the next turn of the scheduler thread: a block that
     * finishes while another block's edges are still being followed must not end the run under it.
     */
    void checkDone() {
        if (outcome.isDone() || checkScheduled) {
            return;
        }
        checkScheduled = true;
        onLoop(() -> {
            checkScheduled = false;
            if (!outcome.isDone() && runningBlocks == 0 && !dispatcher.busy()) {
                finishRun();
            }
        });
    }

    private void finishRun() {
        boolean suspended = !waitingFor.isEmpty() && !cancelled;
        for (Map.Entry<String, Status> e : status.entrySet()) {
            // a suspended run's pending blocks may still run when it resumes: they are not skipped
            if (e.getValue() == Status.PENDING && !suspended) {
                e.setValue(Status.SKIPPED);
                journal(new JournalEvent.BlockSkipped(now(), e.getKey(), stopReason != null ? stopReason
                        : "it was never reached"));
            }
        }
        Map<String, Object> outputs = outputs();
        RunOutcome result;
        if (suspended) {
            journal(new JournalEvent.RunSuspended(now(), List.copyOf(waitingFor)));
            result = new RunOutcome(RunOutcome.Status.SUSPENDED, "waiting for " + String.join(", ", waitingFor),
                    outputs, List.copyOf(waitingFor));
        } else {
            RunOutcome.Status s = cancelled ? RunOutcome.Status.CANCELLED
                    : failed ? RunOutcome.Status.FAILED : RunOutcome.Status.SUCCESS;
            String message = cancelled ? "cancelled" : failed ? failure : "finished";
            journal(new JournalEvent.RunFinished(now(), s.id(), message, outputs));
            result = new RunOutcome(s, message, outputs, List.of());
        }
        connections.values().forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException e) {
                // closing a connection must not change how the run ended
            }
        });
        loop.shutdown();
        outcome.complete(result);
    }

    private Map<String, Object> outputs() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Output o : req.playbook().outputs().values()) {
            out.put(o.name(), single(o.value()));
        }
        return out;
    }

    /** A value as one object: a literal, the only value of a path, or all of its values as a list. */
    Object single(Value v) {
        if (v instanceof Value.Literal lit) {
            return lit.value();
        }
        List<Object> values = new ArrayList<>();
        for (Row r : eval.rows(((Value.PathRef) v).path(), data)) {
            values.add(r.value());
        }
        return values.size() == 1 ? values.get(0) : values;
    }
}
