package dev.wisp.temporal;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.parse.LoadResult;
import dev.wisp.dsl.parse.PlaybookLoader;
import dev.wisp.engine.asset.ApprovalPolicy;
import dev.wisp.engine.code.CodeApp;
import dev.wisp.engine.code.CodeSettings;
import dev.wisp.engine.exec.ExecutionContext;
import dev.wisp.engine.exec.Runtimes;
import dev.wisp.engine.journal.Journal;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.run.RunRequest;
import dev.wisp.engine.time.TimeSource;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.Reconciliation;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The activities of a worker: its installed apps, its own assets (read from its assets file and environment, never
 * sent through Temporal), one connection an asset for the worker's life. What goes back into the history is masked
 * with the worker's asset secrets, as the embedded engine masks its journal.
 */
public final class WorkerActivities implements WispActivities, AutoCloseable {
    private final PluginRegistry registry;
    private final RunRequest.AssetProvider assets;
    private final Redactor redactor;
    private final TimeSource time;
    private final Duration heartbeatEvery;
    private final CodeSettings code;
    private final java.util.concurrent.ExecutorService codeThreads = java.util.concurrent.Executors.newCachedThreadPool(
            r -> {
                Thread t = new Thread(r, "wisp-code");
                t.setDaemon(true);
                return t;
            });
    private final Map<String, AppConnection> connections = new ConcurrentHashMap<>();
    private volatile java.util.function.Consumer<String> log = line -> { };

    /**
     * @param registry       the installed apps
     * @param assets         the worker's assets
     * @param secrets        masks the assets' secrets in whatever goes back to the workflow
     * @param time           the clock and timers apps wait with
     * @param heartbeatEvery how often a running execution tells Temporal its worker is alive
     * @param code           whether (and with which interpreter) this worker runs code blocks: off unless its
     *                       operator allowed it ({@code wisp worker --allow-code})
     */
    public WorkerActivities(PluginRegistry registry, RunRequest.AssetProvider assets, Redactor secrets,
                            TimeSource time, Duration heartbeatEvery, CodeSettings code) {
        this.registry = registry;
        this.assets = assets;
        this.redactor = secrets;
        this.time = time;
        this.heartbeatEvery = heartbeatEvery;
        this.code = code;
    }

    @Override
    public Map<String, Wire.AssetInfo> assets(List<String> names) {
        Map<String, Wire.AssetInfo> out = new LinkedHashMap<>();
        for (String name : names) {
            AssetConfig c = assets.asset(name).orElse(null);
            ApprovalPolicy p = assets.approval(name).orElse(null);
            Map<String, Object> values = new LinkedHashMap<>();
            if (c != null) {
                c.values().forEach((k, v) -> {
                    if (!c.secretFields().contains(k)) {
                        values.put(k, v);
                    }
                });
            }
            Wire.Approval approval = p == null ? null : new Wire.Approval(p.primary(), p.secondary(),
                    p.requiredFor().stream().map(ActionType::id).sorted().toList(), p.sla().toMillis());
            @SuppressWarnings("unchecked")
            Map<String, Object> shown = (Map<String, Object>) redactor.value(values);
            out.put(name, new Wire.AssetInfo(name, c != null, shown, approval));
        }
        return out;
    }

    /** Where a line goes for each execution this worker starts (the worker's stderr). */
    public void log(java.util.function.Consumer<String> to) {
        this.log = to;
    }

    /** Writes a line to this worker's log. */
    void logLine(String line) {
        log.accept(line);
    }

    @Override
    public Wire.Executed execute(Wire.Execution x) {
        log.accept("run " + x.runId() + ": " + x.block() + " '" + x.action() + "' execution " + x.index()
                + " attempt " + x.attempt());
        List<Wire.Note> notes = Collections.synchronizedList(new ArrayList<>());
        ActionResult result;
        try {
            ExecutionContext ctx = context(x, notes);
            CompletableFuture<ActionResult> f = connection(x).execute(ctx).toCompletableFuture();
            result = heartbeating(f, ctx);
        } catch (ActivityCompletionException | Stopping e) {
            throw e; // cancelled, timed out, or this worker stops: Temporal decides what comes next
        } catch (RuntimeException e) {
            result = Runtimes.result(null, e, x.parameters());
        }
        return executed(result, x, notes);
    }

    /** What goes back to the workflow: the result and the notes, masked with the worker's secrets. */
    private Wire.Executed executed(ActionResult result, Wire.Execution x, List<Wire.Note> notes) {
        ActionResult r = Runtimes.result(result, null, x.parameters());
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) redactor.value(Runtimes.toMap(r));
        List<Wire.Note> masked = notes.stream().map(n -> new Wire.Note(n.epochMillis(), redactor.text(n.message()),
                n.done(), n.total())).toList();
        return new Wire.Executed(shown, masked);
    }

    @Override
    public Wire.Executed code(Wire.CodeRun run) {
        Wire.Execution x = run.execution();
        log.accept("run " + x.runId() + ": code block " + x.block() + " execution " + x.index() + " attempt "
                + x.attempt());
        List<Wire.Note> notes = Collections.synchronizedList(new ArrayList<>());
        if (!code.allowed()) {
            return executed(ActionResult.failed(x.parameters(), "this worker does not run code blocks: start it with "
                    + "wisp worker --allow-code (docs/code-blocks.md)"), x, notes);
        }
        LoadResult loaded = new PlaybookLoader(List.of()).loadString(run.playbookText(), run.playbookFile(),
                run.codeFiles() == null ? Map.of() : run.codeFiles());
        Playbook pb = loaded.playbook().orElse(null);
        if (pb == null || !(pb.blocks().get(x.block()) instanceof Block.CodeBlock)) {
            return executed(ActionResult.failed(x.parameters(), "the code of block " + x.block()
                    + " cannot be read on this worker"), x, notes);
        }
        App app = code.decorator().apply(new CodeApp(pb, code, run.container() == null ? Map.of() : run.container(),
                run.runData() == null ? Map.of() : run.runData(), run.formats() == null ? Map.of() : run.formats()));
        ActionResult result;
        try (AppConnection connection = app.connect(CodeApp.asset())) {
            ExecutionContext ctx = context(x, notes);
            // the interpreter answers on the thread that asks it: ask on another, heartbeating meanwhile
            CompletableFuture<ActionResult> f = CompletableFuture.supplyAsync(
                    () -> connection.execute(ctx).toCompletableFuture().join(), codeThreads);
            result = heartbeating(f, ctx);
        } catch (ActivityCompletionException | Stopping e) {
            throw e;
        } catch (RuntimeException e) {
            result = Runtimes.result(null, e, x.parameters());
        }
        return executed(result, x, notes);
    }

    @Override
    public Wire.Found reconcile(Wire.Reconciling r) {
        Wire.Execution x = r.execution();
        Reconciliation found;
        try {
            ExecutionContext ctx = context(x, Collections.synchronizedList(new ArrayList<>()));
            found = heartbeating(connection(x).reconcile(ctx, Instant.ofEpochMilli(r.startedAtMillis()))
                    .toCompletableFuture(), ctx);
        } catch (ActivityCompletionException | Stopping e) {
            throw e;
        } catch (RuntimeException e) {
            found = Reconciliation.unknown("looking for its effect failed: " + Runtimes.result(null, e,
                    x.parameters()).message());
        }
        if (found == null) {
            found = Reconciliation.unknown("the app gave no answer");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = found.result() == null ? null
                : (Map<String, Object>) redactor.value(Runtimes.toMap(found.result()));
        return new Wire.Found(found.outcome().name().toLowerCase(java.util.Locale.ROOT),
                redactor.text(found.detail()), result);
    }

    private ExecutionContext context(Wire.Execution x, List<Wire.Note> notes) {
        Journal journal = e -> {
            if (e instanceof JournalEvent.Log l) {
                notes.add(new Wire.Note(l.time().toEpochMilli(), l.message(), -1, 0));
            } else if (e instanceof JournalEvent.Progress p) {
                notes.add(new Wire.Note(p.time().toEpochMilli(), p.detail(), p.done(), p.total()));
            }
        };
        return new ExecutionContext(x.block(), x.action(), x.parameters(), config(x), time, journal, Map.of(),
                x.state());
    }

    private AssetConfig config(Wire.Execution x) {
        return assets.asset(x.asset()).orElseGet(() -> new AssetConfig(x.asset(), x.appId() == null ? x.asset()
                : x.appId(), Map.of(), Set.of()));
    }

    private AppConnection connection(Wire.Execution x) {
        App app = x.appId() == null ? null : registry.app(x.appId()).orElse(null);
        if (app == null) {
            throw new IllegalStateException("no installed app '" + x.appId() + "' on this worker");
        }
        return connections.computeIfAbsent(x.asset(), k -> app.connect(config(x)));
    }

    /** Waits for the app's answer, telling Temporal the worker is alive meanwhile; a cancel reaches the app. */
    private <T> T heartbeating(CompletableFuture<T> f, ExecutionContext ctx) {
        ActivityExecutionContext activity = Activity.getExecutionContext();
        while (true) {
            try {
                return f.get(heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                try {
                    activity.heartbeat(null);
                } catch (ActivityCompletionException cancelled) {
                    Runtimes.cancel(ctx);
                    f.cancel(true);
                    throw cancelled;
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re
                        : new IllegalStateException(String.valueOf(e.getCause().getMessage()), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Runtimes.cancel(ctx);
                throw new Stopping();
            }
        }
    }

    /** The worker stops while an execution runs: its attempt is lost, not failed (another worker takes over). */
    static final class Stopping extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopping() {
            super("the worker stopped while the execution ran");
        }
    }

    @Override
    public void close() {
        connections.values().forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException e) {
                // a connection that fails to close must not keep the worker from stopping
            }
        });
        connections.clear();
        codeThreads.shutdownNow();
    }
}
