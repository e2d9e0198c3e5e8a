package dev.wisp.engine.exec;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.OnFailure;
import dev.wisp.dsl.model.Retry;
import dev.wisp.dsl.parse.Durations;
import dev.wisp.engine.data.BlockState;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.spi.ActionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One action block in the scheduler: approval if its asset asks for one, its executions (one per row) through the
 * scheduler's limits with timeouts and retries, its repeat iterations, then its end. Timers and results arrive as
 * events; nothing here waits or reads a clock.
 */
final class ActionRun {
    final Scheduler s;
    final Block.ActionBlock block;
    private final Scheduler.Resolved target;
    private ActionResult[] results;
    private int remaining;
    private int iteration;
    private Instant started;

    /**
     * One attempt of one execution (or one step of it, for an action that continues in steps).
     *
     * @param id      the scheduler's id for it
     * @param run     its block
     * @param index   its row
     * @param params  its parameters
     * @param attempt its attempt (1 for the first)
     * @param loop    the steps it did before, or null for its first step
     * @param next    whether it is a step after a continuation (its start is on record already)
     */
    record Exec(long id, ActionRun run, int index, Map<String, Object> params, int attempt, Loop loop,
                boolean next) {
        Exec(long id, ActionRun run, int index, Map<String, Object> params, int attempt) {
            this(id, run, index, params, attempt, null, false);
        }
    }

    /**
     * The steps an execution that continues ({@link ActionResult#continueAfter}) has done.
     *
     * @param steps   how many steps ended in a continuation (the next step's number, 0-based)
     * @param state   what the last of them handed on
     * @param data    the data items they kept, in order, for the final result
     * @param started when its first step started: the block's timeout counts from it
     */
    record Loop(int steps, Map<String, Object> state, List<Object> data, Instant started) {
        Loop {
            state = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(state));
            data = java.util.Collections.unmodifiableList(new ArrayList<>(data));
        }
    }

    /** How a block's executions are planned: an action fans out (Fanout); a code block runs once (CodeBlocks). */
    interface Planner {
        Fanout.Plan plan();
    }

    private final Planner planner;

    ActionRun(Scheduler s, Block.ActionBlock block) {
        this(s, block, null);
    }

    ActionRun(Scheduler s, Block.ActionBlock block, Planner planner) {
        this.s = s;
        this.block = block;
        this.target = s.resolved.get(block.name());
        this.planner = planner != null ? planner : () -> Fanout.plan(block, target.spec(), target.asset(), s.data,
                s.eval);
    }

    int limit() {
        return block.maxConcurrency() == null ? Integer.MAX_VALUE : block.maxConcurrency();
    }

    void start() {
        Instant first = s.restored.blockStarted(block.name());
        started = first != null ? first : s.now(); // a repeat's max_duration counts from the first start
        if (target == null || target.error() != null) {
            throw new IllegalArgumentException(target == null ? "the action of block " + block.name()
                    + " was not resolved" : target.error());
        }
        if (target.approval() == null || target.spec().readOnly() || !target.approval().requires(target.spec().type())) {
            iterate();
            return;
        }
        List<Map<String, Object>> planned = Fanout.plan(block, target.spec(), target.asset(), s.data, s.eval).rows()
                .stream().map(Fanout.PlannedRow::parameters).toList();
        Questions.approve(s, block.name(), target.spec(), target.assetName(), target.approval(), planned, decision -> {
            switch (decision.kind()) {
                case APPROVED -> iterate();
                case REJECTED -> {
                    results = new ActionResult[1];
                    remaining = 1;
                    recordUnrun(0, ActionResult.failed(Map.of(), decision.reason()));
                }
                case SUSPENDED -> s.suspendFor(block.name());
            }
        });
    }

    /** Whether an execution of this iteration runs in this process (not all of it restored from the journal). */
    private boolean live;
    private boolean iterating;
    private boolean iterateAgain;

    /**
     * One iteration's executions. Restored iterations of a repeat follow each other at once, in a loop rather than
     * by recursion, so a long repeat resumes without a deep stack.
     */
    private void iterate() {
        if (iterating) {
            iterateAgain = true;
            return;
        }
        iterating = true;
        try {
            do {
                iterateAgain = false;
                iterateOnce();
            } while (iterateAgain);
        } finally {
            iterating = false;
        }
    }

    private void iterateOnce() {
        live = false;
        Fanout.Plan plan = planner.plan();
        plan.skipped().forEach((reason, count) ->
                s.journal(new JournalEvent.RowsSkipped(s.now(), block.name(), count, reason)));
        if (!plan.defaults().isEmpty()) {
            s.journal(new JournalEvent.DefaultsUsed(s.now(), block.name(), plan.defaults()));
        }
        results = new ActionResult[plan.rows().size()];
        remaining = results.length;
        if (remaining == 0 && plan.skippedRows() > 0) {
            // rows but no execution: that is not a success
            finishFailed(List.of(), "no execution: " + plan.skippedRows() + " row" + (plan.skippedRows() == 1
                    ? " was" : "s were") + " skipped (" + String.join("; ", plan.skipped().keySet()) + ")");
            return;
        }
        if (remaining == 0) {
            done();
            return;
        }
        for (int i = 0; i < results.length; i++) {
            Fanout.PlannedRow row = plan.rows().get(i);
            ActionResult before = s.restored.execution(block.name(), iteration, i);
            JournalEvent.ExecutionStarted doubt = s.restored.inDoubt(block.name(), iteration, i);
            Restored.PendingRetry retry = s.restored.retry(block.name(), iteration, i);
            Restored.Continued continued = s.restored.continued(block.name(), iteration, i);
            Loop loop = continued == null ? null : continued.loop();
            if (before != null) {
                record(i, before); // finished before a suspension or crash: never run again
            } else if (doubt != null && row.error() == null) {
                inDoubt(i, doubt, loop);
            } else if (row.error() != null) {
                recordUnrun(i, ActionResult.failed(row.parameters(), row.error()));
            } else if (retry != null) {
                // it waited its backoff when the run stopped: the rest of the wait, then the next attempt
                live = true;
                int index = i;
                s.timer(retry.due(), () -> s.enqueue(new Exec(s.newId(), this, index, row.parameters(),
                        retry.nextAttempt(), loop, false)));
            } else if (continued != null) {
                // it waited for its next step when the run stopped: the rest of the wait, then that step
                live = true;
                s.journal(new JournalEvent.Log(s.now(), block.name(), "execution " + i + " continues where the run "
                        + "stopped: step " + (loop.steps() + 1) + " with the state its step " + loop.steps()
                        + " handed on"));
                waitForStep(new Exec(s.newId(), this, i, row.parameters(), continued.attempt(), loop, true),
                        continued.due(), s::enqueue);
            } else {
                live = true;
                s.enqueue(new Exec(s.newId(), this, i, row.parameters(), 1));
            }
            if (results == null) {
                return; // the block already ended (every row was restored)
            }
        }
    }

    /**
     * An execution started before the run stopped and never finished. Safe to repeat: it runs again. Otherwise its
     * app looks for its effect: found, it finishes with what was found; not found, it runs again; unknowable, it
     * fails saying what may have happened and how to decide, unless the user asked to run it again.
     */
    private void inDoubt(int index, JournalEvent.ExecutionStarted started, Loop loop) {
        live = true;
        Map<String, Object> params = started.parameters(); // what was sent the first time
        if (target.spec().idempotent() || s.retryInDoubt.contains(block.name())) {
            s.journal(new JournalEvent.Log(s.now(), block.name(), "execution " + index + " was running when the run "
                    + "stopped; " + (target.spec().idempotent() ? "it is safe to repeat" : "--retry-in-doubt asks")
                    + ", so it runs again"));
            s.enqueue(new Exec(s.newId(), this, index, params, started.attempt() + 1, loop, false));
            return;
        }
        int it = iteration;
        long id = s.await(e -> {
            dev.wisp.spi.Reconciliation r = ((Step.Reconciled) e).reconciliation();
            s.journal(new JournalEvent.ExecutionReconciled(s.now(), block.name(), index, it,
                    r.outcome().name().toLowerCase(java.util.Locale.ROOT), r.detail()));
            switch (r.outcome()) {
                case FOUND -> {
                    s.journal(new JournalEvent.ExecutionFinished(s.now(), block.name(), index, it, started.attempt(),
                            BlockState.asMap(r.result()), Duration.between(started.time(), s.now()).toMillis(), true));
                    record(index, Results.normalize(r.result(), null, params));
                }
                case NOT_FOUND -> s.enqueue(new Exec(s.newId(), this, index, params, started.attempt() + 1));
                case UNKNOWN -> recordUnrun(index, ActionResult.failed(params, "in doubt: the run stopped while '"
                        + target.spec().name() + "' ran (started " + started.time() + ") and whether it took effect "
                        + "cannot be told: " + r.detail() + ". Check it, then resume with --retry-in-doubt "
                        + block.name() + " to run it again, or leave it failed"));
            }
        });
        s.emit(new Step.Reconcile(id, block.name(), target.assetName(), block.action(), params, started.time()));
    }

    /**
     * The scheduler gives an execution its turn: write its start, then run it, with its timeout. A later step of an
     * execution that continues is not a new start; the timeout counts from its first step.
     */
    void launch(Exec exec) {
        Instant t0 = s.now();
        Instant since = exec.loop() != null ? exec.loop().started() : t0;
        long[] timeout = {0};
        s.awaitAs(exec.id(), e -> {
            s.cancelTimer(timeout[0]);
            if (e instanceof Step.ExecutionLost lost) {
                s.released(exec);
                s.journal(new JournalEvent.Log(s.now(), block.name(), "execution " + exec.index() + " was lost ("
                        + lost.reason() + ")"));
                inDoubt(exec.index(), new JournalEvent.ExecutionStarted(t0, block.name(), exec.index(), iteration,
                        exec.attempt(), exec.params()), exec.loop());
                return;
            }
            finished(exec, since, ((Step.ExecutionDone) e).result(), false);
        });
        Secrets.parameters(s, target.spec(), exec.params());
        if (!exec.next()) {
            s.journal(new JournalEvent.ExecutionStarted(t0, block.name(), exec.index(), iteration, exec.attempt(),
                    exec.params()));
        }
        Loop loop = exec.loop();
        s.emit(new Step.Execute(exec.id(), block.name(), target.assetName(), block.action(), exec.index(), iteration,
                exec.attempt(), exec.params(), target.spec().idempotent(), loop == null ? 0 : loop.steps(),
                loop == null ? Map.of() : loop.state()));
        if (block.timeout() != null) {
            timeout[0] = s.timer(since.plus(block.timeout()), () -> {
                s.forget(exec.id());
                s.emit(new Step.CancelExecution(exec.id()));
                finished(exec, since, timedOut(exec), true);
            });
        }
    }

    private ActionResult timedOut(Exec exec) {
        return ActionResult.failed(exec.params(), "timed out after " + Durations.format(block.timeout()),
                ActionResult.Failure.TRANSIENT);
    }

    /**
     * A step answered "not done yet": record where it stands, keep its slot, and run its next step when it is due,
     * unless the block's timeout (which covers every step) passes first.
     */
    private void continueLater(Exec exec, Instant since, ActionResult r) {
        Loop before = exec.loop();
        List<Object> data = new ArrayList<>(before == null ? List.of() : before.data());
        data.addAll(r.data());
        Loop loop = new Loop(before == null ? 1 : before.steps() + 1, r.continuation().state(), data, since);
        Duration after = r.continuation().after();
        s.journal(new JournalEvent.ExecutionContinuing(s.now(), block.name(), exec.index(), iteration,
                exec.attempt(), loop.steps(), after.toMillis(), r.message(), loop.state(), r.data(), since));
        Exec next = new Exec(s.newId(), this, exec.index(), exec.params(), exec.attempt(), loop, true);
        s.handOver(exec, next);
        waitForStep(next, s.now().plus(after), this::launch);
    }

    /** Waits until a step is due, then {@code go}; at the block's deadline first, the execution times out. */
    private void waitForStep(Exec next, Instant due, java.util.function.Consumer<Exec> go) {
        Instant deadline = block.timeout() == null ? null : next.loop().started().plus(block.timeout());
        Instant at = deadline != null && deadline.isBefore(due) ? deadline : due;
        s.timer(at, () -> {
            if (deadline != null && !s.now().isBefore(deadline)) {
                finished(next, next.loop().started(), timedOut(next), true);
            } else {
                go.accept(next);
            }
        });
    }

    /** Every step's kept data items, then the final result's own. */
    private static ActionResult withSteps(Loop loop, ActionResult r) {
        if (loop == null || loop.data().isEmpty()) {
            return r;
        }
        List<Object> all = new ArrayList<>(loop.data());
        all.addAll(r.data());
        return r.withData(all);
    }

    /** An attempt (or its last step) ended; {@code since} is when it began (its first step, for one in steps). */
    private void finished(Exec exec, Instant since, ActionResult result, boolean timedOut) {
        ActionResult r = Results.normalize(result, null, exec.params());
        if (r.continues() && target.spec().continues()) {
            continueLater(exec, since, r);
            return;
        }
        if (r.continues()) {
            r = ActionResult.failed(exec.params(), "'" + target.spec().name() + "' asked to run again later, but its "
                    + "app does not declare that it continues in steps (ActionSpec.continues): it is not run again",
                    ActionResult.Failure.PERMANENT);
        }
        s.released(exec);
        Retry retry = block.retry();
        boolean again = !r.succeeded() && retry != null && exec.attempt() < retry.attempts() && !s.stopping();
        if (again && timedOut && exec.loop() != null) {
            s.journal(new JournalEvent.Log(s.now(), block.name(), "not retried: the timeout covers every step of '"
                    + target.spec().name() + "', and they took all of it"));
            again = false;
        }
        if (again && r.failure() == ActionResult.Failure.PERMANENT) {
            s.journal(new JournalEvent.Log(s.now(), block.name(), "not retried: the failure is permanent (trying "
                    + "again cannot help): " + r.message()));
            again = false;
        }
        if (again && !target.spec().idempotent()) {
            s.journal(new JournalEvent.Log(s.now(), block.name(), "not retried: '" + target.spec().name()
                    + "' is not safe to repeat (it may have changed something before it failed)"));
            again = false;
        }
        if (!again) {
            r = withSteps(exec.loop(), r);
        }
        s.journal(new JournalEvent.ExecutionFinished(s.now(), block.name(), exec.index(), iteration, exec.attempt(),
                BlockState.asMap(r), Duration.between(since, s.now()).toMillis(), !again));
        if (!again) {
            record(exec.index(), r);
            return;
        }
        Duration wait = backoff(retry, exec.attempt());
        s.journal(new JournalEvent.ExecutionRetrying(s.now(), block.name(), exec.index(), exec.attempt(),
                wait.toMillis(), r.message()));
        // a failed step of an execution that continues is tried again with the state it was given
        s.timer(s.now().plus(wait), () -> s.enqueue(new Exec(s.newId(), this, exec.index(), exec.params(),
                exec.attempt() + 1, exec.loop(), false)));
    }

    static Duration backoff(Retry retry, int attempt) {
        double millis = retry.backoff().toMillis() * Math.pow(retry.multiplier(), attempt - 1);
        return Duration.ofMillis((long) Math.min(millis, retry.maxBackoff().toMillis()));
    }

    /** A result decided without calling the plugin (bad parameters, approval rejected): journaled like the rest. */
    private void recordUnrun(int index, ActionResult result) {
        Secrets.parameters(s, target.spec(), result.parameter());
        s.journal(new JournalEvent.ExecutionFinished(s.now(), block.name(), index, iteration, 0,
                BlockState.asMap(result), 0, true));
        record(index, result);
    }

    private void record(int index, ActionResult result) {
        results[index] = result;
        int done = results.length - --remaining;
        // fan-out progress for the live display: about every tenth of a large block
        if (results.length >= 20 && remaining > 0 && done % Math.max(1, results.length / 10) == 0) {
            s.journal(new JournalEvent.Progress(s.now(), block.name(), done, results.length,
                    done + "/" + results.length + " executions"));
        }
        if (remaining == 0) {
            done();
        }
    }

    private void done() {
        List<ActionResult> list = Arrays.asList(results);
        results = null;
        if (block.repeat() != null && !s.stopping()) {
            s.data.publish(block.name(), BlockState.ofResults(list));
            boolean until = Conditions.evaluate(block.repeat().until(), s.playbook, s.data, s.eval).matched();
            // an iteration restored whole from the journal was decided when it ended then, not now
            Instant ended = live ? null : s.restored.iterationEnded(block.name(), iteration);
            Instant decided = ended != null ? ended : s.now();
            Duration elapsed = Duration.between(started, decided);
            boolean more = iteration + 1 < block.repeat().maxIterations()
                    && elapsed.plus(block.repeat().interval()).compareTo(block.repeat().maxDuration()) <= 0;
            if (!until && more) {
                iteration++;
                s.journal(new JournalEvent.Progress(s.now(), block.name(), iteration, block.repeat().maxIterations(),
                        "repeat: iteration " + (iteration + 1)));
                if (!live && s.restored.iterationStarted(block.name(), iteration)) {
                    iterate(); // it had begun before the run stopped: its wait is over
                } else {
                    s.timer(decided.plus(block.repeat().interval()), this::iterate);
                }
                return;
            }
            if (!until) {
                finishFailed(list, "repeat ended before its until condition held (" + (iteration + 1) + " iteration"
                        + (iteration == 0 ? "" : "s") + ", " + Durations.format(elapsed) + "; max_iterations "
                        + block.repeat().maxIterations() + ", max_duration "
                        + Durations.format(block.repeat().maxDuration()) + ")");
                return;
            }
        }
        finish(list);
    }

    /** The block failed as a whole (its executions may have succeeded): routed by failure, else the run fails. */
    private void finishFailed(List<ActionResult> list, String why) {
        results = null;
        s.journal(new JournalEvent.Log(s.now(), block.name(), why));
        s.blockFailed(block.name(), why);
        if (!s.routesFailure(block.name()) && block.onFailure() == OnFailure.STOP) {
            s.stop("the run stopped after block " + block.name() + " failed");
        }
        int failed = (int) list.stream().filter(r -> !r.succeeded()).count();
        BlockState state = BlockState.ofResults(new ArrayList<>(list));
        Map<String, Object> output = Restored.output(state);
        output.put("reason", why);
        s.finish(block.name(), state, "failed", list.size(), failed, new LinkedHashSet<>(List.of("", "failure")),
                output);
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
        if (failed > 0 && !s.routesFailure(block.name())) {
            String first = list.stream().filter(r -> !r.succeeded()).findFirst().map(ActionResult::message).orElse("");
            s.markFailed("block " + block.name() + ": " + failed + " of " + list.size() + " executions failed ("
                    + first + ")");
            if (block.onFailure() == OnFailure.STOP) {
                s.stop("the run stopped after block " + block.name() + " failed");
            }
        }
        String status = failed == 0 ? "success" : ok == 0 ? "failed" : "partial";
        BlockState state = BlockState.ofResults(new ArrayList<>(list));
        s.finish(block.name(), state, status, list.size(), failed, ports, Restored.output(state));
    }
}
