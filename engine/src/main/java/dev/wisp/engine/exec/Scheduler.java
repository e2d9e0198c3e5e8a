package dev.wisp.engine.exec;

import dev.wisp.dsl.graph.PlaybookGraph;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Edge;
import dev.wisp.dsl.model.Join;
import dev.wisp.dsl.model.Output;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.model.Value;
import dev.wisp.engine.asset.ApprovalPolicy;
import dev.wisp.engine.data.BlockState;
import dev.wisp.engine.data.PathEvaluator;
import dev.wisp.engine.data.Row;
import dev.wisp.engine.data.RunData;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.AssetConfig;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The decisions of one run, as a state machine: {@link #on(Step.Event)} takes what happened and returns what to do
 * next. Which blocks are ready (joins), which are skipped and why, which ports fire, the executions of each action
 * (fan-out, concurrency limits, timeouts, retries, repeats), prompts and approvals with their deadlines, and when
 * the run ends. No threads, no clock, no I/O: time comes in with each event, so the same events always give the
 * same commands, and any runtime (threads here, a workflow engine elsewhere) can drive it.
 */
public final class Scheduler {
    enum Status { PENDING, RUNNING, DONE, SKIPPED }

    /**
     * What an action block runs on, resolved by the runtime before the run (the installed app's spec, the asset's
     * configuration and approval policy), or why it cannot run.
     *
     * @param spec      the action's spec, or null when {@code error} says why there is none
     * @param assetName the asset (or app id) it runs on
     * @param asset     the asset's configuration (its defaults fill parameters)
     * @param approval  who must approve it, or null
     * @param error     why the block cannot run, or null
     */
    public record Resolved(ActionSpec spec, String assetName, AssetConfig asset, ApprovalPolicy approval,
                           String error) {
    }

    final String runId;
    final Playbook playbook;
    final PlaybookGraph graph;
    final RunData data;
    final PathEvaluator eval = new PathEvaluator();
    final Map<String, Resolved> resolved;
    final Restored restored;
    private final List<JournalEvent> prior;
    private final int maxConcurrency;
    private final Map<String, Status> status = new LinkedHashMap<>();
    /**
     * Whether each resolved edge was taken. Keyed by identity, since the edges are the graph's own objects: a record's
     * hash reads every component (the location too), and a process's first one costs a bootstrap of about 10 ms.
     */
    private final Map<Edge, Boolean> taken = new IdentityHashMap<>();
    private final Set<String> waitingFor = new LinkedHashSet<>();
    private final Map<Long, Consumer<Step.Event>> waits = new HashMap<>();
    private final Map<Long, ActionRun.Exec> running = new LinkedHashMap<>();
    private final Deque<ActionRun.Exec> queue = new ArrayDeque<>();
    private final Map<String, Integer> runningPerBlock = new HashMap<>();
    private final Map<Long, String> children = new HashMap<>();
    private final Set<Long> asks = new java.util.HashSet<>();
    private List<Step.Command> out = new ArrayList<>();
    private Instant now;
    private long nextId;
    private int runningBlocks;
    private String stopReason;
    private boolean cancelled;
    private boolean failed;
    private String failure;
    private boolean ended;

    final Set<String> retryInDoubt;

    public Scheduler(String runId, Playbook playbook, RunData data, Map<String, Resolved> resolved,
                     int maxConcurrency, List<JournalEvent> prior) {
        this(runId, playbook, data, resolved, maxConcurrency, prior, Set.of());
    }

    /** As above; {@code retryInDoubt} names blocks whose in-doubt executions run again without looking. */
    public Scheduler(String runId, Playbook playbook, RunData data, Map<String, Resolved> resolved,
                     int maxConcurrency, List<JournalEvent> prior, Set<String> retryInDoubt) {
        this.retryInDoubt = Set.copyOf(retryInDoubt);
        this.runId = runId;
        this.playbook = playbook;
        this.graph = new PlaybookGraph(playbook);
        this.data = data;
        this.resolved = Map.copyOf(resolved);
        this.maxConcurrency = maxConcurrency;
        this.prior = List.copyOf(prior);
        this.restored = Restored.from(prior);
        playbook.blocks().keySet().forEach(b -> status.put(b, Status.PENDING));
    }

    /** Takes one event and returns the commands it leads to, in the order they must be carried out. */
    public List<Step.Command> on(Step.Event event) {
        out = new ArrayList<>();
        if (ended) {
            return out; // a late answer or result after the end: nothing is left to decide
        }
        now = event.now();
        if (event instanceof Step.Start) {
            start();
        } else if (event instanceof Step.Cancel) {
            cancel();
        } else {
            Consumer<Step.Event> waiting = waits.remove(((Step.Reply) event).id());
            if (waiting != null) {
                waiting.accept(event);
            }
        }
        pump();
        checkDone();
        return out;
    }

    // ---- for the block runners

    Instant now() {
        return now;
    }

    void emit(Step.Command c) {
        out.add(c);
    }

    void journal(JournalEvent e) {
        out.add(new Step.Record(e));
    }

    /** A fresh id for something the runtime will answer about. */
    long newId() {
        return ++nextId;
    }

    /** A fresh id, and what to do when the event carrying it arrives. */
    long await(Consumer<Step.Event> then) {
        long id = newId();
        waits.put(id, then);
        return id;
    }

    /** What to do when the event carrying {@code id} arrives. */
    void awaitAs(long id, Consumer<Step.Event> then) {
        waits.put(id, then);
    }

    /** A question: its id, and what to do with its answer; withdrawn if the run ends first. */
    long ask(dev.wisp.engine.prompt.PromptRequest request, Consumer<Step.Event> then) {
        long id = await(then);
        asks.add(id);
        emit(new Step.Ask(id, request));
        return id;
    }

    /** Stop asking a question that is no longer needed (it timed out). */
    void withdraw(long id) {
        if (waits.remove(id) != null) {
            emit(new Step.Withdraw(id));
        }
    }

    /** Forget a wait (its timer was cancelled, its question withdrawn). */
    void forget(long id) {
        waits.remove(id);
    }

    long timer(Instant at, Runnable then) {
        long id = await(e -> then.run());
        emit(new Step.SetTimer(id, at));
        return id;
    }

    void cancelTimer(long id) {
        if (waits.remove(id) != null) {
            emit(new Step.CancelTimer(id));
        }
    }

    boolean stopping() {
        return stopReason != null;
    }

    void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    boolean routesFailure(String block) {
        return graph.routesFailure(block);
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

    /** The block waits for an answer nobody can give in this process: the run will suspend. */
    void suspendFor(String block) {
        waitingFor.add(block);
        stop("waiting for an answer to " + block);
        runningBlocks--;
    }

    void enqueue(ActionRun.Exec exec) {
        queue.add(exec);
    }

    /** An execution ended (or timed out): it no longer counts against the limits. */
    void released(ActionRun.Exec exec) {
        if (running.remove(exec.id()) != null) {
            runningPerBlock.merge(exec.run().block.name(), -1, Integer::sum);
        }
    }

    /** An execution goes on as its next step: the step keeps its place against the limits. */
    void handOver(ActionRun.Exec from, ActionRun.Exec to) {
        if (running.remove(from.id()) != null) {
            running.put(to.id(), to);
        }
    }

    long startChild(String block, String path, Map<String, Object> inputs, Consumer<RunOutcome> then) {
        long id = await(e -> then.accept(((Step.ChildDone) e).outcome()));
        children.put(id, block);
        emit(new Step.StartChild(id, block, path, inputs));
        return id;
    }

    // ---- the graph

    private void start() {
        playbook.inputs().values().forEach(in -> {
            if (in.type() == dev.wisp.spi.DataType.PASSWORD) {
                Secrets.mask(this, data.inputs().get(in.name()));
            }
        });
        resolved.forEach((block, r) -> {
            if (r.spec() != null && playbook.blocks().get(block) instanceof Block.ActionBlock a) {
                Secrets.literals(this, a, r.spec());
            }
        });
        if (prior.isEmpty()) {
            journal(new JournalEvent.RunStarted(now, runId, playbook.name(), playbook.file(),
                    new LinkedHashMap<>(data.inputs()), null));
        } else {
            journal(new JournalEvent.RunResumed(now, runId));
        }
        // record every restored edge first, then start what is ready: a block finished later in the old journal
        // must not be started again because an earlier one made it look ready
        for (JournalEvent e : prior) {
            if (e instanceof JournalEvent.BlockFinished f && status.get(f.block()) == Status.PENDING) {
                data.publish(f.block(), Restored.state(f.output()));
                status.put(f.block(), Status.DONE);
                resolve(f.block(), new LinkedHashSet<>(f.ports()), false);
            } else if (e instanceof JournalEvent.BlockSkipped s && status.get(s.block()) == Status.PENDING) {
                status.put(s.block(), Status.SKIPPED);
                resolve(s.block(), Set.of(), false);
            }
        }
        resolve(Edge.START, Set.of(""), false);
        List.copyOf(status.keySet()).forEach(this::consider);
    }

    private void resolve(String node, Set<String> ports, boolean follow) {
        for (Edge e : graph.outgoing(node)) {
            taken.put(e, ports.contains(graph.port(e)));
        }
        if (follow) {
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
        Block b = playbook.blocks().get(block);
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
        journal(new JournalEvent.BlockSkipped(now, block, reason));
        resolve(block, Set.of(), true);
    }

    private void startBlock(Block b) {
        status.put(b.name(), Status.RUNNING);
        runningBlocks++;
        journal(new JournalEvent.BlockStarted(now, b.name(), b.kind()));
        try {
            switch (b.type()) {
                case ACTION -> new ActionRun(this, (Block.ActionBlock) b).start();
                case PROMPT -> Questions.prompt(this, (Block.PromptBlock) b);
                case FILTER -> Decisions.filter(this, (Block.FilterBlock) b);
                case DECISION -> Decisions.decision(this, (Block.DecisionBlock) b);
                case FORMAT -> Decisions.format(this, (Block.FormatBlock) b);
                case PLAYBOOK -> ChildRuns.start(this, (Block.PlaybookBlock) b);
                case CODE -> CodeBlocks.start(this, (Block.CodeBlock) b);
            }
        } catch (Operators.ConditionException | Fanout.FanoutException | IllegalArgumentException e) {
            failBlock(b.name(), e.getMessage());
        }
    }

    /** Ends a block with one failed result saying why, so downstream blocks and the report can see it. */
    void failBlock(String block, String message) {
        dev.wisp.spi.ActionResult r = dev.wisp.spi.ActionResult.failed(Map.of(), message);
        BlockState state = BlockState.ofResults(List.of(r));
        blockFailed(block, message);
        Map<String, Object> output = Restored.output(state);
        output.put("reason", message);
        finish(block, state, "failed", 0, 1, Set.of("", "failure"), output);
    }

    /** A block ended: publish its data, journal it, follow its edges. */
    void finish(String block, BlockState state, String blockStatus, int executions, int failedExecutions,
                Set<String> ports, Map<String, Object> output) {
        if (ended || status.get(block) != Status.RUNNING) {
            return;
        }
        data.publish(block, state);
        status.put(block, Status.DONE);
        runningBlocks--;
        journal(new JournalEvent.BlockFinished(now, block, blockStatus, executions, failedExecutions,
                List.copyOf(ports), output));
        resolve(block, ports, true);
    }

    // ---- executions

    private void pump() {
        int scanned = queue.size();
        while (running.size() < maxConcurrency && scanned-- > 0) {
            ActionRun.Exec exec = queue.poll();
            String block = exec.run().block.name();
            if (runningPerBlock.getOrDefault(block, 0) >= exec.run().limit()) {
                queue.add(exec); // this block is at its limit; others may go first
                continue;
            }
            running.put(exec.id(), exec);
            runningPerBlock.merge(block, 1, Integer::sum);
            exec.run().launch(exec);
        }
    }

    // ---- the end

    private void cancel() {
        cancelled = true;
        stop("the run was cancelled");
        running.keySet().forEach(id -> emit(new Step.CancelExecution(id)));
        running.clear();
        queue.clear();
        children.keySet().forEach(id -> emit(new Step.CancelChild(id)));
        for (Map.Entry<String, Status> e : status.entrySet()) {
            if (e.getValue() == Status.RUNNING) {
                e.setValue(Status.DONE);
                journal(new JournalEvent.BlockFinished(now, e.getKey(), "cancelled", 0, 0, List.of(),
                        Map.of("reason", "the run was cancelled while it ran")));
            }
        }
        runningBlocks = 0;
        waitingFor.clear();
        finishRun();
    }

    private void checkDone() {
        if (!ended && runningBlocks <= 0 && running.isEmpty() && queue.isEmpty()) {
            finishRun();
        }
    }

    private void finishRun() {
        ended = true;
        for (long id : List.copyOf(waits.keySet())) {
            emit(children.containsKey(id) ? new Step.CancelChild(id) : asks.contains(id) ? new Step.Withdraw(id)
                    : running.containsKey(id) ? new Step.CancelExecution(id) : new Step.CancelTimer(id));
        }
        waits.clear();
        boolean suspended = !waitingFor.isEmpty() && !cancelled;
        for (Map.Entry<String, Status> e : status.entrySet()) {
            // a suspended run's pending blocks may still run when it resumes: they are not skipped
            if (e.getValue() == Status.PENDING && !suspended) {
                e.setValue(Status.SKIPPED);
                journal(new JournalEvent.BlockSkipped(now, e.getKey(), stopReason != null ? stopReason
                        : "it was never reached"));
            }
        }
        Map<String, Object> outputs = outputs();
        RunOutcome result;
        if (suspended) {
            journal(new JournalEvent.RunSuspended(now, List.copyOf(waitingFor)));
            result = new RunOutcome(RunOutcome.Status.SUSPENDED, "waiting for " + String.join(", ", waitingFor),
                    outputs, List.copyOf(waitingFor));
        } else {
            RunOutcome.Status s = cancelled ? RunOutcome.Status.CANCELLED
                    : failed ? RunOutcome.Status.FAILED : RunOutcome.Status.SUCCESS;
            String message = cancelled ? "cancelled" : failed ? failure : "finished";
            journal(new JournalEvent.RunFinished(now, s.id(), message, outputs));
            result = new RunOutcome(s, message, outputs, List.of());
        }
        emit(new Step.Finish(result));
    }

    private Map<String, Object> outputs() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Output o : playbook.outputs().values()) {
            m.put(o.name(), single(o.value()));
        }
        return m;
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

    /** The values of a list of template parameters, each as a list. */
    List<List<Object>> values(List<Value> params) {
        List<List<Object>> values = new ArrayList<>();
        for (Value v : params) {
            if (v instanceof Value.Literal lit) {
                values.add(new ArrayList<>(java.util.Collections.singletonList(lit.value())));
            } else {
                values.add(new ArrayList<>(eval.rows(((Value.PathRef) v).path(), data).stream()
                        .map(Row::value).toList()));
            }
        }
        return values;
    }
}
