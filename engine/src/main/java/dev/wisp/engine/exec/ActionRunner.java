package dev.wisp.engine.exec;

import dev.wisp.dsl.model.Asset;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.OnFailure;
import dev.wisp.dsl.model.Retry;
import dev.wisp.engine.data.BlockState;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.ConfigField;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One action block: plans its executions, runs them through the dispatcher with timeouts and retries, repeats
 * the block while its {@code repeat} asks, then reports it finished. Scheduler-thread only, except the plugin call.
 */
final class ActionRunner {
    private final Run run;
    private final Block.ActionBlock block;
    private ActionSpec spec;
    private AssetConfig asset;
    private AppConnection connection;
    private ActionResult[] results;
    private int remaining;
    private int iteration;
    private Instant started;

    ActionRunner(Run run, Block.ActionBlock block) {
        this.run = run;
        this.block = block;
    }

    void start() {
        started = run.now();
        String appId;
        if (block.asset() != null) {
            Asset declared = run.req.playbook().assets().get(block.asset());
            appId = declared == null ? null : declared.app();
        } else {
            appId = block.app();
        }
        App app = appId == null ? null : run.registry.app(appId).orElse(null);
        if (app == null) {
            throw new IllegalArgumentException("no installed app '" + appId + "' (see wisp actions)");
        }
        spec = app.spec().action(block.action()).orElseThrow(() -> new IllegalArgumentException("app '"
                + app.spec().id() + "' has no action '" + block.action() + "'"));
        String assetName = block.asset() != null ? block.asset() : appId;
        asset = run.req.assets().asset(assetName).orElse(null);
        if (asset == null) {
            if (app.spec().configuration().stream().anyMatch(ConfigField::required)) {
                throw new IllegalArgumentException("asset '" + assetName + "' has no configuration: give --assets FILE"
                        + " with an entry for it (see examples/assets.example.yaml)");
            }
            asset = new AssetConfig(assetName, appId, Map.of(), Set.of());
        }
        AssetConfig config = asset;
        connection = run.connection(assetName, () -> app.connect(config));
        dev.wisp.engine.asset.ApprovalPolicy policy = run.req.assets().approval(assetName).orElse(null);
        if (!ApprovalGate.needed(policy, spec)) {
            iterate();
            return;
        }
        List<Map<String, Object>> planned = Fanout.plan(block, spec, asset, run.data, run.eval).rows().stream()
                .map(Fanout.PlannedRow::parameters).toList();
        new ApprovalGate(run).approve(block.name(), spec, assetName, policy, planned).thenAccept(o -> {
            switch (o.decision()) {
                case APPROVED -> iterate();
                case REJECTED -> {
                    results = new ActionResult[1];
                    remaining = 1;
                    recordUnrun(0, ActionResult.failed(Map.of(), o.reason()));
                }
                case UNAVAILABLE -> {
                    run.suspendFor(block.name());
                    run.abandon(block.name());
                }
            }
        });
    }

    private void iterate() {
        Fanout.Plan plan = Fanout.plan(block, spec, asset, run.data, run.eval);
        plan.skipped().forEach((reason, count) ->
                run.journal(new JournalEvent.RowsSkipped(run.now(), block.name(), count, reason)));
        if (!plan.defaults().isEmpty()) {
            run.journal(new JournalEvent.DefaultsUsed(run.now(), block.name(), plan.defaults()));
        }
        results = new ActionResult[plan.rows().size()];
        remaining = results.length;
        if (remaining == 0 && plan.skippedRows() > 0) {
            // rows but no execution: that is not a success
            String why = "no execution: " + plan.skippedRows() + " row" + (plan.skippedRows() == 1 ? " was" : "s were")
                    + " skipped (" + String.join("; ", plan.skipped().keySet()) + ")";
            finishFailed(List.of(), why);
            return;
        }
        if (remaining == 0) {
            done();
            return;
        }
        int limit = block.maxConcurrency() == null ? Integer.MAX_VALUE : block.maxConcurrency();
        for (int i = 0; i < results.length; i++) {
            Fanout.PlannedRow row = plan.rows().get(i);
            if (row.error() != null) {
                recordUnrun(i, ActionResult.failed(row.parameters(), row.error()));
            } else {
                run.dispatcher.submit(new Execution(i, row.parameters(), 1, limit));
            }
        }
    }

    /** A result decided without calling the plugin (bad parameters, approval rejected): journaled like the rest. */
    private void recordUnrun(int index, ActionResult result) {
        run.journal(new JournalEvent.ExecutionFinished(run.now(), block.name(), index, iteration, 0,
                BlockState.asMap(result), 0, true));
        record(index, result);
    }

    private void record(int index, ActionResult result) {
        results[index] = result;
        int done = results.length - --remaining;
        // fan-out progress for the live display: about every tenth of a large block
        if (results.length >= 20 && remaining > 0 && done % Math.max(1, results.length / 10) == 0) {
            run.journal(new JournalEvent.Progress(run.now(), block.name(), done, results.length,
                    done + "/" + results.length + " executions"));
        }
        if (remaining == 0) {
            done();
        }
    }

    /** One attempt of one execution. */
    private final class Execution implements Dispatcher.Job {
        private final int index;
        private final Map<String, Object> params;
        private final int attempt;
        private final int limit;
        private ExecutionContext context;

        Execution(int index, Map<String, Object> params, int attempt, int limit) {
            this.index = index;
            this.params = params;
            this.attempt = attempt;
            this.limit = limit;
        }

        @Override
        public String block() {
            return block.name();
        }

        @Override
        public int limit() {
            return limit;
        }

        @Override
        public void start() {
            ActionResult before = run.restored().execution(block.name(), iteration, index);
            if (before != null) {
                run.onLoop(() -> {
                    run.dispatcher.done(this);
                    record(index, before);
                });
                return;
            }
            Instant t0 = run.now();
            run.journal(new JournalEvent.ExecutionStarted(t0, block.name(), index, iteration, attempt, params));
            context = new ExecutionContext(block.name(), block.action(), params, asset, run.req.time(),
                    run.req.journal());
            CompletableFuture<ActionResult> outcome = new CompletableFuture<>();
            CompletableFuture.supplyAsync(() -> connection.execute(context), run.workers)
                    .thenCompose(stage -> stage)
                    .whenComplete((r, error) -> outcome.complete(Results.normalize(r, error, params)));
            if (block.timeout() != null) {
                run.req.time().delay(block.timeout()).thenRun(() -> {
                    if (outcome.complete(ActionResult.failed(params, "timed out after "
                            + dev.wisp.dsl.parse.Durations.format(block.timeout())))) {
                        context.cancel();
                    }
                });
            }
            outcome.thenAccept(r -> run.onLoop(() -> finished(r, t0)));
        }

        @Override
        public void cancel() {
            if (context != null) {
                context.cancel();
            }
        }

        private void finished(ActionResult r, Instant t0) {
            run.dispatcher.done(this);
            Retry retry = block.retry();
            boolean again = !r.succeeded() && retry != null && attempt < retry.attempts() && !run.stopping();
            if (again && !spec.idempotent()) {
                run.journal(new JournalEvent.Log(run.now(), block.name(), "not retried: '" + spec.name()
                        + "' is not safe to repeat (it may have changed something before it failed)"));
                again = false;
            }
            run.journal(new JournalEvent.ExecutionFinished(run.now(), block.name(), index, iteration, attempt,
                    BlockState.asMap(r), Duration.between(t0, run.now()).toMillis(), !again));
            if (!again) {
                record(index, r);
                return;
            }
            Duration wait = backoff(retry, attempt);
            run.journal(new JournalEvent.ExecutionRetrying(run.now(), block.name(), index, attempt, wait.toMillis(),
                    r.message()));
            run.req.time().delay(wait).thenRun(() -> run.onLoop(() ->
                    run.dispatcher.submit(new Execution(index, params, attempt + 1, limit))));
        }
    }

    static Duration backoff(Retry retry, int attempt) {
        double millis = retry.backoff().toMillis() * Math.pow(retry.multiplier(), attempt - 1);
        return Duration.ofMillis((long) Math.min(millis, retry.maxBackoff().toMillis()));
    }

    private void done() {
        List<ActionResult> list = Arrays.asList(results);
        if (block.repeat() != null && !run.stopping()) {
            run.data.publish(block.name(), BlockState.ofResults(list));
            boolean until = Conditions.evaluate(block.repeat().until(), run.req.playbook(), run.data, run.eval)
                    .matched();
            Duration elapsed = Duration.between(started, run.now());
            boolean more = iteration + 1 < block.repeat().maxIterations()
                    && elapsed.plus(block.repeat().interval()).compareTo(block.repeat().maxDuration()) <= 0;
            if (!until && more) {
                iteration++;
                run.journal(new JournalEvent.Progress(run.now(), block.name(), iteration,
                        block.repeat().maxIterations(), "repeat: iteration " + (iteration + 1)));
                run.req.time().delay(block.repeat().interval()).thenRun(() -> run.onLoop(this::iterate));
                return;
            }
            if (!until) {
                finishFailed(list, "repeat ended before its until condition held (" + (iteration + 1)
                        + " iteration" + (iteration == 0 ? "" : "s") + ", " + dev.wisp.dsl.parse.Durations.format(elapsed)
                        + "; max_iterations " + block.repeat().maxIterations() + ", max_duration "
                        + dev.wisp.dsl.parse.Durations.format(block.repeat().maxDuration()) + ")");
                return;
            }
        }
        finish(list);
    }

    /** The block failed as a whole (its executions may have succeeded): routed by failure, else the run fails. */
    private void finishFailed(List<ActionResult> list, String why) {
        run.journal(new JournalEvent.Log(run.now(), block.name(), why));
        run.blockFailed(block.name(), why);
        if (!run.routesFailure(block.name()) && block.onFailure() == OnFailure.STOP) {
            run.stop("the run stopped after block " + block.name() + " failed");
        }
        int failed = (int) list.stream().filter(r -> !r.succeeded()).count();
        BlockState state = BlockState.ofResults(new ArrayList<>(list));
        Map<String, Object> out = Restored.output(state);
        out.put("reason", why);
        run.finish(block.name(), state, "failed", list.size(), failed, new LinkedHashSet<>(List.of("", "failure")),
                out);
    }

    private void finish(List<ActionResult> list) {
        int failed = (int) list.stream().filter(r -> !r.succeeded()).count();
        int ok = list.size() - failed;
        Set<String> ports = new LinkedHashSet<>(List.of(""));
        if (ok > 0 || list.isEmpty()) {
            ports.add("success");
        }
        if (failed > 0) {
            ports.add("failure");
        }
        boolean handled = run.routesFailure(block.name());
        if (failed > 0 && !handled) {
            String first = list.stream().filter(r -> !r.succeeded()).findFirst().map(ActionResult::message).orElse("");
            run.markFailed("block " + block.name() + ": " + failed + " of " + list.size() + " executions failed ("
                    + first + ")");
            if (block.onFailure() == OnFailure.STOP) {
                run.stop("the run stopped after block " + block.name() + " failed");
            }
        }
        String status = failed == 0 ? "success" : ok == 0 ? "failed" : "partial";
        BlockState state = BlockState.ofResults(new ArrayList<>(list));
        run.finish(block.name(), state, status, list.size(), failed, ports, Restored.output(state));
    }
}
