package dev.wisp.cado;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * loop pipeline: gets the pipeline every interval until it has terminated or max_wait has passed, keeping every
 * snapshot. Between polls it holds no thread: it waits on {@link ActionContext#delay}. (The Phantom app's loop
 * polled once and reported success; this one does what its documentation says.)
 */
final class PipelineLoop {
    /** Polls in a row that may fail by default before the loop gives up. */
    static final int MAX_POLL_FAILURES = 5;
    private final CadoActions actions;
    private final ActionContext ctx;
    private final long pipeline;
    private final Duration interval;
    private final Duration maxWait;
    private final long maxPollFailures;
    private int failuresInARow;
    private final List<Object> snapshots = new ArrayList<>();
    private final CompletableFuture<ActionResult> result = new CompletableFuture<>();
    private Instant started;

    PipelineLoop(CadoActions actions, CadoSettings settings, ActionContext ctx) {
        this.actions = actions;
        this.ctx = ctx;
        this.pipeline = Ids.id("pipeline_id", ctx.parameters().get("pipeline_id"));
        this.interval = seconds("interval", settings.pollInterval());
        this.maxWait = seconds("max_wait", settings.maxWait());
        this.maxPollFailures = settings.maxPollFailures();
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

    CompletionStage<ActionResult> start() {
        started = ctx.clock().instant();
        poll();
        return result;
    }

    private void poll() {
        actions.fetchPipeline(ctx, pipeline).whenComplete((p, error) -> {
            if (error != null) {
                tolerate(error);
                return;
            }
            failuresInARow = 0;
            snapshots.add(p);
            PipelineState s = PipelineState.of(p);
            ctx.progress(s.done, s.total, "pipeline " + pipeline + ": " + s.done + "/" + s.total + " subtasks");
            Duration waited = Duration.between(started, ctx.clock().instant());
            if (s.terminated) {
                result.complete(finish(s, waited));
            } else if (ctx.cancelled()) {
                result.complete(ActionResult.failed(parameters(), "stopped waiting for pipeline " + pipeline
                        + ": the run was cancelled"));
            } else if (waited.plus(interval).compareTo(maxWait) > 0) {
                result.complete(new ActionResult(ActionResult.Status.FAILED, "pipeline " + pipeline
                        + " is still running after " + human(waited) + " (max_wait " + human(maxWait) + "): "
                        + s.describe(), parameters(), snapshots, summary(s)));
            } else {
                pollLater();
            }
        });
    }

    private void pollLater() {
        ctx.delay(interval).whenComplete((ignored, cancelled) -> {
            if (cancelled != null) {
                result.complete(ActionResult.failed(parameters(), "stopped waiting for pipeline " + pipeline
                        + ": " + (cancelled.getMessage() == null ? "cancelled" : cancelled.getMessage())));
            } else {
                poll();
            }
        });
    }

    /**
     * A poll failed after its own retries. A passing fault (5xx, 429, a timeout, a lost connection) does not stop
     * the pipeline on the server, so the loop polls again at the next interval, up to max_poll_failures in a row.
     */
    private void tolerate(Throwable error) {
        Throwable cause = error;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        boolean passing = cause instanceof dev.wisp.http.HttpFailure f && f.kind().transientFailure()
                || cause instanceof CadoException c && (c.status() >= 500 || c.status() == 429 || c.status() == 408);
        failuresInARow++;
        if (!passing || ctx.cancelled() || failuresInARow > maxPollFailures) {
            result.completeExceptionally(failuresInARow > 1 && passing ? new CadoException(0, failuresInARow
                    + " polls in a row of pipeline " + pipeline + " failed (max_poll_failures " + maxPollFailures
                    + "); the last: " + cause.getMessage()) : cause);
            return;
        }
        ctx.log("poll " + failuresInARow + " in a row of pipeline " + pipeline + " failed (" + cause.getMessage()
                + "); polling again in " + human(interval) + " (" + (maxPollFailures - failuresInARow + 1)
                + " more failures tolerated)");
        pollLater();
    }

    private ActionResult finish(PipelineState s, Duration waited) {
        String message = "pipeline " + pipeline + " " + s.name + " after " + human(waited) + " (" + s.done + "/"
                + s.total + " subtasks)" + (s.failure == null ? "" : ": " + s.failure);
        return new ActionResult(s.name.equals("succeeded") ? ActionResult.Status.SUCCESS : ActionResult.Status.FAILED,
                message, parameters(), snapshots, summary(s));
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>(ctx.parameters());
        p.put("pipeline_id", pipeline);
        return p;
    }

    private Map<String, Object> summary(PipelineState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pipeline_id", pipeline);
        m.put("terminated", s.terminated);
        m.put("state", s.name);
        m.put("polls", (long) snapshots.size());
        m.put("subtasks_done", s.done);
        m.put("subtasks_total", s.total);
        return m;
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + "s" : s < 7200 ? (s / 60) + "m" : (s / 3600) + "h" + (s % 3600 / 60 > 0 ? (s % 3600 / 60) + "m" : "");
    }
}
