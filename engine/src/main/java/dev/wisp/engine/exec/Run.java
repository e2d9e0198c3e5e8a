package dev.wisp.engine.exec;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.asset.ApprovalPolicy;
import dev.wisp.engine.data.RunData;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.prompt.PromptOutcome;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.engine.run.RunRequest;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.ConfigField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * The embedded runtime of one run: it drives the run's {@link Scheduler} on one thread of its own (all of the run's
 * state is touched only there), carries out its commands (journal writes, plugin calls on worker threads, timers
 * from the run's time source, questions to the prompt handler, sub-playbooks as child runs) and feeds what happens
 * back to it as events, stamped with the run's clock.
 */
public final class Run {
    /** How deep sub-playbooks may nest: deeper is surely a runaway recursion. */
    static final int MAX_DEPTH = 16;

    private final RunRequest req;
    private final PluginRegistry registry;
    private final ExecutorService workers;
    private final ExecutorService loop;
    private final List<String> chain;
    private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
    private final Map<String, AppConnection> connections = new HashMap<>();
    private final Map<String, App> apps = new HashMap<>();
    private final Map<Long, ExecutionContext> executions = new HashMap<>();
    private final Map<Long, CompletableFuture<PromptOutcome>> questions = new HashMap<>();
    /** The run's timers by id, each with the delay it waits on (cancelled when the timer or the run ends). */
    private final Map<Long, CompletableFuture<Void>> timers = new HashMap<>();
    private final Map<Long, Run> children = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger activity = new java.util.concurrent.atomic.AtomicInteger();
    private final Scheduler scheduler;
    /** Events fed on the run's own thread (answers that were there at once): taken after the current batch. */
    private final java.util.ArrayDeque<java.util.function.Supplier<Step.Event>> local = new java.util.ArrayDeque<>();
    private volatile Thread loopThread;
    private App codeApp;
    /** Whether events were recorded since the journal was last written (run thread only). */
    private boolean unwritten;

    public Run(RunRequest req, PluginRegistry registry, ExecutorService workers) {
        this(req, registry, workers, List.of());
    }

    private Run(RunRequest req, PluginRegistry registry, ExecutorService workers, List<String> parents) {
        List<String> c = new ArrayList<>(parents);
        c.add(req.playbook().file());
        this.chain = List.copyOf(c);
        this.req = req;
        this.registry = registry;
        this.workers = workers;
        this.loop = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wisp-run-" + req.runId());
            t.setDaemon(true);
            loopThread = t;
            return t;
        });
        RunData data = new RunData(req.container(), req.artifacts(), Inputs.resolve(req.playbook(), req.inputs()));
        this.scheduler = new Scheduler(req.runId(), req.playbook(), data, resolve(req.playbook()),
                req.maxConcurrency(), req.prior(), req.retryInDoubt());
    }

    /** Starts the run; the stage completes when it ends (success, failed, cancelled or suspended). */
    public CompletionStage<RunOutcome> start() {
        feed(() -> new Step.Start(now()));
        return outcome;
    }

    /** Ctrl-C: the run ends at once; running executions are cancelled and recorded as such. */
    public void cancel() {
        feed(() -> new Step.Cancel(now()));
    }

    private Instant now() {
        return req.time().clock().instant();
    }

    /**
     * Whether the run waits only for time or for people: nothing queued on its thread, no plugin call still
     * returning, and the same for its sub-playbooks. Virtual-time drivers (tests) advance the clock only then.
     */
    public boolean idle() {
        if (activity.get() > 0) {
            return false;
        }
        try {
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> List.copyOf(children.values()), loop)
                    .get(5, java.util.concurrent.TimeUnit.SECONDS).stream().allMatch(Run::idle)
                    && activity.get() == 0;
        } catch (RejectedExecutionException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            return outcome.isDone();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Hands an event to the scheduler on the run's thread (a null event is nothing to hand over); after the end,
     * nothing is left to hand it to. An event fed on the run's thread itself is queued locally and taken right after
     * the batch being carried out, with no trip through the executor.
     */
    private void feed(java.util.function.Supplier<Step.Event> event) {
        if (Thread.currentThread() == loopThread) {
            local.add(event);
            return;
        }
        activity.incrementAndGet();
        try {
            loop.execute(() -> {
                try {
                    take(event);
                    java.util.function.Supplier<Step.Event> next;
                    while ((next = local.poll()) != null) {
                        take(next);
                    }
                    writeOut();
                } catch (RuntimeException | Error e) {
                    local.clear();
                    internalError(e);
                } finally {
                    activity.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException ended) {
            activity.decrementAndGet(); // a plugin or timer answered after the run ended
        }
    }

    private void take(java.util.function.Supplier<Step.Event> event) {
        if (outcome.isDone()) {
            return;
        }
        Step.Event e = event.get();
        if (e != null) {
            apply(scheduler.on(e));
        }
    }

    private void internalError(Throwable e) {
        String message = "internal error: " + e;
        req.journal().record(new dev.wisp.engine.journal.JournalEvent.RunFinished(now(), "failed", message,
                Map.of()));
        req.journal().flush();
        end(new RunOutcome(RunOutcome.Status.FAILED, message, Map.of(), List.of()));
    }

    /**
     * Carries a batch of commands out in order. Events are written to the journal file in as few writes as can be:
     * before a command that acts on the world in a way a resume could not simply do again (an execution that is not
     * safe to repeat, a reconcile, a question, a sub-playbook), so that each is on record before anything that
     * depends on it, and otherwise once the run's thread has nothing more to do ({@link #writeOut}). An execution that
     * is safe to repeat may start before its start is on disk: a crash then loses it, and a resume runs it again.
     */
    private void apply(List<Step.Command> commands) {
        for (Step.Command c : commands) {
            if (c instanceof Step.Record r) {
                req.journal().record(r.event());
                unwritten = true;
                continue;
            }
            if (c instanceof Step.Mask m) {
                req.journal().secret(m.value()); // before any event that carries it is written
                continue;
            }
            if (unwritten && mustBeOnRecord(c)) {
                writeOut();
            }
            if (c instanceof Step.Execute x) {
                execute(x);
            } else if (c instanceof Step.Reconcile x) {
                reconcile(x);
            } else if (c instanceof Step.CancelExecution x) {
                ExecutionContext ctx = executions.remove(x.id());
                if (ctx != null) {
                    ctx.cancel();
                }
            } else if (c instanceof Step.Ask a) {
                ask(a);
            } else if (c instanceof Step.Withdraw w) {
                CompletableFuture<PromptOutcome> f = questions.remove(w.id());
                if (f != null) {
                    f.cancel(true); // a terminal stops reading for it
                }
            } else if (c instanceof Step.SetTimer t) {
                CompletableFuture<Void> delay = req.time().delay(Step.until(now(), t.at())).toCompletableFuture();
                timers.put(t.id(), delay);
                delay.thenRun(() -> feedTimer(t.id()));
            } else if (c instanceof Step.CancelTimer t) {
                CompletableFuture<Void> delay = timers.remove(t.id());
                if (delay != null) {
                    delay.cancel(false);
                }
            } else if (c instanceof Step.StartChild s) {
                child(s);
            } else if (c instanceof Step.CancelChild s) {
                Run child = children.remove(s.id());
                if (child != null) {
                    child.cancel();
                }
            } else if (c instanceof Step.Finish f) {
                end(f.outcome());
            }
        }
    }

    /** Whether the events before {@code c} must be written before it is carried out. */
    private static boolean mustBeOnRecord(Step.Command c) {
        return c instanceof Step.Execute x ? !x.safeToRepeat()
                : c instanceof Step.Reconcile || c instanceof Step.Ask || c instanceof Step.StartChild
                || c instanceof Step.Finish;
    }

    /** Writes the events recorded since the last write (one write for all of them). */
    private void writeOut() {
        if (unwritten) {
            unwritten = false;
            req.journal().flush();
        }
    }

    private void feedTimer(long id) {
        feed(() -> timers.remove(id) != null ? new Step.TimerFired(now(), id) : null);
    }

    private void execute(Step.Execute x) {
        Scheduler.Resolved target = scheduler.resolved.get(x.block());
        ExecutionContext ctx = new ExecutionContext(x.block(), x.action(), x.parameters(), target.asset(), req.time(),
                req.journal(), req.container(), x.state());
        executions.put(x.id(), ctx);
        if (!x.safeToRepeat()) {
            req.journal().sync(); // write-ahead: its start is on disk before it may change anything
        }
        callApp(x.block(), x.asset(), c -> c.execute(ctx), (r, error) -> {
            // exceptions become failed results here; the scheduler makes every result well-formed
            ActionResult result = error != null || r == null ? Results.normalize(r, error, x.parameters()) : r;
            return () -> {
                executions.remove(x.id());
                return new Step.ExecutionDone(now(), x.id(), result);
            };
        });
    }

    private void reconcile(Step.Reconcile x) {
        Scheduler.Resolved target = scheduler.resolved.get(x.block());
        ExecutionContext ctx = new ExecutionContext(x.block(), x.action(), x.parameters(), target.asset(), req.time(),
                req.journal(), req.container());
        callApp(x.block(), x.asset(), c -> c.reconcile(ctx, x.startedAt()), (r, error) -> {
            dev.wisp.spi.Reconciliation result = error != null || r == null
                    ? dev.wisp.spi.Reconciliation.unknown("looking for its effect failed: " + (error == null
                    ? "the app gave no answer" : Results.normalize(null, error, x.parameters()).message()))
                    : r;
            return () -> new Step.Reconciled(now(), x.id(), result);
        });
    }

    /**
     * Calls the app of {@code block} on a worker thread (on this thread when its connection does not block) and feeds
     * what {@code done} makes of its answer. The connection is opened here, on the run's thread; the run counts as busy until the call has returned and fed
     * its answer (when it had one at once), so virtual-time drivers never move time under it.
     */
    private <T> void callApp(String block, String asset, java.util.function.Function<AppConnection,
            CompletionStage<T>> apply, java.util.function.BiFunction<T, Throwable,
            java.util.function.Supplier<Step.Event>> done) {
        AppConnection connection;
        try {
            connection = connections.computeIfAbsent(asset, k -> apps.get(block).connect(
                    scheduler.resolved.get(block).asset()));
        } catch (RuntimeException e) {
            feed(done.apply(null, e));
            return;
        }
        Runnable call = () -> {
            CompletableFuture<T> f;
            try {
                f = apply.apply(connection).toCompletableFuture();
            } catch (RuntimeException | Error e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((r, error) -> feed(done.apply(r, error)));
        };
        if (connection.nonBlocking()) {
            call.run(); // an answer that is there at once is taken after this batch, on this thread
            return;
        }
        activity.incrementAndGet();
        try {
            workers.execute(() -> {
                try {
                    call.run();
                } finally {
                    activity.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            activity.decrementAndGet();
            throw e;
        }
    }

    private void ask(Step.Ask a) {
        CompletableFuture<PromptOutcome> f;
        try {
            f = req.prompts().ask(a.request()).toCompletableFuture();
        } catch (RuntimeException e) {
            feed(() -> new Step.AskFailed(now(), a.id(), String.valueOf(e.getMessage())));
            return;
        }
        questions.put(a.id(), f);
        f.whenComplete((o, error) -> feed(() -> {
            questions.remove(a.id());
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                return new Step.AskFailed(now(), a.id(), String.valueOf(cause.getMessage()));
            }
            if (o instanceof PromptOutcome.Answered ans) {
                return new Step.Answered(now(), a.id(), ans.responses(), ans.respondent(), ans.source());
            }
            if (o instanceof PromptOutcome.TimedOut) {
                return null; // the handler's own view of the deadline; the scheduler's timer at that instant decides
            }
            return new Step.Unanswerable(now(), a.id(), "nobody can answer here");
        }));
    }

    private void child(Step.StartChild s) {
        RunRequest.SubPlaybookSource source = req.subPlaybooks();
        Playbook child;
        try {
            if (source == null) {
                throw new IllegalArgumentException("sub-playbooks cannot be loaded in this run");
            }
            child = source.load(req.playbook(), s.playbook());
            if (chain.contains(child.file())) {
                throw new IllegalArgumentException("calls itself: " + String.join(" -> ", chain) + " -> "
                        + child.file());
            }
            if (chain.size() >= MAX_DEPTH) {
                throw new IllegalArgumentException("sub-playbooks nest deeper than " + MAX_DEPTH + " levels: "
                        + String.join(" -> ", chain) + " -> " + child.file());
            }
            RunRequest request = new RunRequest(req.runId() + "/" + s.block(), child, s.inputs(), req.container(),
                    req.artifacts(), req.assets(), req.prompts(),
                    new dev.wisp.engine.journal.Journal() {
                        @Override
                        public void record(dev.wisp.engine.journal.JournalEvent e) {
                            req.journal().record(Prefixed.event(s.block(), e));
                        }

                        @Override
                        public void flush() {
                            req.journal().flush();
                        }

                        @Override
                        public void sync() {
                            req.journal().sync();
                        }

                        @Override
                        public void secret(String value) {
                            req.journal().secret(value);
                        }
                    }, req.time(), req.maxConcurrency(), Prefixed.childEvents(s.block(), req.prior()), source,
                    childBlocks(s.block(), req.retryInDoubt()), req.code());
            Run run = new Run(request, registry, workers, chain);
            children.put(s.id(), run);
            run.start().whenComplete((o, error) -> feed(() -> {
                children.remove(s.id());
                return new Step.ChildDone(now(), s.id(), error == null ? o : new RunOutcome(RunOutcome.Status.FAILED,
                        String.valueOf(error.getMessage()), Map.of(), List.of()));
            }));
        } catch (IllegalArgumentException e) {
            RunOutcome failed = new RunOutcome(RunOutcome.Status.FAILED, "cannot start: " + e.getMessage(), Map.of(),
                    List.of());
            feed(() -> new Step.ChildDone(now(), s.id(), failed));
        }
    }

    /** The child's blocks among {@code blocks} ({@code Parent/child}), by their names in the child. */
    private static java.util.Set<String> childBlocks(String parent, java.util.Set<String> blocks) {
        java.util.Set<String> out = new java.util.HashSet<>();
        blocks.stream().filter(b -> b.startsWith(parent + "/")).forEach(b -> out.add(b.substring(parent.length() + 1)));
        return out;
    }

    private void end(RunOutcome result) {
        timers.values().forEach(delay -> delay.cancel(false));
        timers.clear();
        executions.values().forEach(ExecutionContext::cancel);
        questions.values().forEach(f -> f.cancel(true));
        children.values().forEach(Run::cancel);
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

    /** What each action block runs on: the installed app's spec, the asset's configuration and approval policy. */
    private Map<String, Scheduler.Resolved> resolve(Playbook playbook) {
        Map<String, Scheduler.Resolved> out = new LinkedHashMap<>();
        for (Block b : playbook.blocks().values()) {
            if (b instanceof Block.ActionBlock a) {
                out.put(a.name(), resolve(playbook, a));
            } else if (b instanceof Block.CodeBlock c) {
                out.put(c.name(), code(playbook, c));
            }
        }
        return out;
    }

    /** A code block runs on the run's own code app (when code may not run, its execution fails saying why). */
    private Scheduler.Resolved code(Playbook playbook, Block.CodeBlock block) {
        if (codeApp == null) {
            codeApp = req.code().decorator().apply(new dev.wisp.engine.code.CodeApp(playbook, req.code(),
                    req.container(), req.prior()));
        }
        apps.put(block.name(), codeApp);
        return new Scheduler.Resolved(dev.wisp.engine.code.CodeApp.spec(block), dev.wisp.engine.code.CodeApp.ASSET,
                dev.wisp.engine.code.CodeApp.asset(), null, null);
    }

    private Scheduler.Resolved resolve(Playbook playbook, Block.ActionBlock block) {
        String appId = playbook.appOf(block);
        String assetName = block.asset() != null ? block.asset() : appId;
        App app = appId == null ? null : registry.app(appId).orElse(null);
        if (app == null) {
            return new Scheduler.Resolved(null, assetName, null, null, "no installed app '" + appId
                    + "' (see wisp actions)");
        }
        ActionSpec spec = app.spec().action(block.action()).orElse(null);
        if (spec == null) {
            return new Scheduler.Resolved(null, assetName, null, null, "app '" + app.spec().id()
                    + "' has no action '" + block.action() + "'");
        }
        apps.put(block.name(), app);
        AssetConfig asset = req.assets().asset(assetName).orElse(null);
        if (asset == null) {
            if (app.spec().configuration().stream().anyMatch(ConfigField::required)) {
                return new Scheduler.Resolved(spec, assetName, null, null, "asset '" + assetName + "' has no "
                        + "configuration: give --assets FILE with an entry for it (see examples/assets.example.yaml)");
            }
            asset = new AssetConfig(assetName, appId, Map.of(), Set.of());
        }
        ApprovalPolicy policy = req.assets().approval(assetName).orElse(null);
        return new Scheduler.Resolved(spec, assetName, asset, policy, null);
    }
}
