package dev.wisp.cado;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * loop pipeline: gets the pipeline every interval until it has terminated or max_wait has passed, keeping every
 * snapshot. Each poll is one step of the execution: a poll that finds the pipeline still running answers
 * {@link ActionResult#continueAfter} with what the next poll needs (when the loop began, how many polls it made,
 * how many failed in a row), so between polls nothing of it runs or waits. The engine brings the next poll (a timer
 * of the run; a workflow timer on Temporal), and a run that stopped goes on from its last poll. Each poll's data item
 * is the pipeline as it was then; the engine keeps them all for the final result. (The Phantom app's loop polled
 * once and reported success; this one does what its documentation says.)
 */
final class PipelineLoop {
    /** Polls in a row that may fail by default before the loop gives up. */
    static final int MAX_POLL_FAILURES = 5;
    /** The state a poll hands on: when the first poll began (epoch millis), polls that answered, failures in a row. */
    static final String STARTED = "started_at";
    static final String POLLS = "polls";
    static final String FAILURES = "failures_in_a_row";
    private final CadoActions actions;
    private final ActionContext ctx;
    private final long pipeline;
    private final Duration interval;
    private final Duration maxWait;
    private final long maxPollFailures;
    private final Instant started;
    private final long polls;
    private final long failuresInARow;

    PipelineLoop(CadoActions actions, CadoSettings settings, ActionContext ctx) {
        this.actions = actions;
        this.ctx = ctx;
        this.pipeline = Ids.id("pipeline_id", ctx.parameters().get("pipeline_id"));
        this.interval = seconds("interval", settings.pollInterval());
        this.maxWait = seconds("max_wait", settings.maxWait());
        this.maxPollFailures = settings.maxPollFailures();
        Map<String, Object> state = ctx.state();
        this.started = state.get(STARTED) instanceof Number n ? Instant.ofEpochMilli(n.longValue())
                : ctx.clock().instant();
        this.polls = count(state, POLLS);
        this.failuresInARow = count(state, FAILURES);
    }

    private static long count(Map<String, Object> state, String key) {
        return state.get(key) instanceof Number n ? n.longValue() : 0;
    }

    private Duration seconds(String name, Duration fallback) {
        Object v = ctx.parameters().get(name);
        if (v == null || v.toString().isBlank()) {
            return fallback;
        }
        double s;
        try {
            s = Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of seconds, not '" + v + "'");
        }
        if (s <= 0) {
            throw new IllegalArgumentException(name + " must be more than 0 seconds, not " + v);
        }
        return Duration.ofMillis((long) (s * 1000));
    }

    /** One poll: the final result, or a continuation to the next poll. */
    CompletionStage<ActionResult> start() {
        return actions.fetchPipeline(ctx, pipeline).handle((p, error) -> error != null ? tolerate(error) : seen(p));
    }

    private ActionResult seen(Map<String, Object> p) {
        long made = polls + 1;
        PipelineState s = PipelineState.of(p);
        ctx.progress(s.done, s.total, "pipeline " + pipeline + ": " + s.done + "/" + s.total + " subtasks");
        Duration waited = Duration.between(started, ctx.clock().instant());
        List<Object> snapshot = List.of(p);
        if (s.terminated) {
            return finish(s, waited, made, snapshot);
        } else if (ctx.cancelled()) {
            return ActionResult.failed(parameters(), "stopped waiting for pipeline " + pipeline
                    + ": the run was cancelled");
        } else if (waited.plus(interval).compareTo(maxWait) > 0) {
            return new ActionResult(ActionResult.Status.FAILED, "pipeline " + pipeline + " is still running after "
                    + human(waited) + " (max_wait " + human(maxWait) + "): " + s.describe(), parameters(), snapshot,
                    summary(s, made));
        }
        return ActionResult.continueAfter(interval, state(made, 0), "pipeline " + pipeline + ": " + s.describe()
                + "; next poll in " + human(interval)).withData(snapshot);
    }

    /**
     * A poll failed after its own retries. A passing fault (5xx, 429, a timeout, a lost connection) does not stop
     * the pipeline on the server, so the loop polls again at the next interval, up to max_poll_failures in a row.
     */
    private ActionResult tolerate(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        boolean passing = cause instanceof dev.wisp.http.HttpFailure f && f.kind().transientFailure()
                || cause instanceof CadoException c && (c.status() >= 500 || c.status() == 429 || c.status() == 408);
        long failures = failuresInARow + 1;
        if (!passing || ctx.cancelled() || failures > maxPollFailures) {
            throw new CompletionException(failures > 1 && passing ? new CadoException(0, failures
                    + " polls in a row of pipeline " + pipeline + " failed (max_poll_failures " + maxPollFailures
                    + "); the last: " + cause.getMessage()) : cause);
        }
        String why = "poll " + failures + " in a row of pipeline " + pipeline + " failed (" + cause.getMessage()
                + "); polling again in " + human(interval) + " (" + (maxPollFailures - failures + 1)
                + " more failures tolerated)";
        ctx.log(why);
        return ActionResult.continueAfter(interval, state(polls, failures), why);
    }

    private Map<String, Object> state(long made, long failures) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(STARTED, started.toEpochMilli());
        m.put(POLLS, made);
        m.put(FAILURES, failures);
        return m;
    }

    private ActionResult finish(PipelineState s, Duration waited, long made, List<Object> snapshot) {
        String message = "pipeline " + pipeline + " " + s.name + " after " + human(waited) + " (" + s.done + "/"
                + s.total + " subtasks)" + (s.failure == null ? "" : ": " + s.failure);
        return new ActionResult(s.name.equals("succeeded") ? ActionResult.Status.SUCCESS : ActionResult.Status.FAILED,
                message, parameters(), snapshot, summary(s, made));
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>(ctx.parameters());
        p.put("pipeline_id", pipeline);
        return p;
    }

    private Map<String, Object> summary(PipelineState s, long made) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pipeline_id", pipeline);
        m.put("terminated", s.terminated);
        m.put("state", s.name);
        m.put("polls", made);
        m.put("subtasks_done", s.done);
        m.put("subtasks_total", s.total);
        return m;
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + "s" : s < 7200 ? (s / 60) + "m" : (s / 3600) + "h" + (s % 3600 / 60 > 0 ? (s % 3600 / 60) + "m" : "");
    }
}
