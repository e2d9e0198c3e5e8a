package dev.wisp.cado;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.Reconciliation;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** One asset's connection: dispatches actions and turns every failure into a readable failed result. */
final class CadoConnection implements AppConnection {
    private final CadoSettings settings;
    private final CadoHttp http;
    private final CadoActions actions;
    private final Reconciler reconciler;

    CadoConnection(CadoSettings settings) {
        this.settings = settings;
        this.http = new CadoHttp(settings);
        this.actions = new CadoActions(http, settings);
        this.reconciler = new Reconciler(http, actions, settings);
    }

    @Override
    public CompletionStage<ActionResult> execute(ActionContext ctx) {
        Map<String, Object> params = ctx.parameters();
        CompletionStage<ActionResult> run;
        try {
            run = switch (ctx.actionName()) {
                case "test connectivity" -> actions.testConnectivity(ctx);
                case "list projects" -> actions.listProjects(ctx);
                case "create project" -> actions.createProject(ctx);
                case "list instances" -> actions.listInstances(ctx);
                case "list buckets" -> actions.listBuckets(ctx);
                case "list pipelines" -> actions.listPipelines(ctx);
                case "get pipeline" -> actions.getPipeline(ctx);
                case "loop pipeline" -> new PipelineLoop(actions, settings, ctx).start();
                case "capture instance" -> actions.captureInstance(ctx);
                case "capture bucket" -> actions.captureBucket(ctx);
                default -> CompletableFuture.completedFuture(ActionResult.failed(params,
                        "the cado_response app has no action '" + ctx.actionName() + "'"));
            };
        } catch (IllegalArgumentException | CadoException e) {
            return CompletableFuture.completedFuture(ActionResult.failed(params, redact(e.getMessage())));
        }
        return run.handle((result, error) -> {
            if (error == null) {
                return result;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            String message = cause instanceof CadoException || cause instanceof IllegalArgumentException
                    ? cause.getMessage() : ctx.actionName() + " failed: " + cause;
            return ActionResult.failed(params, redact(message));
        });
    }

    /**
     * Looks for the effect of create project, capture instance or capture bucket with GETs (retried like every GET);
     * other actions, and every failure to look, answer UNKNOWN. Details are redacted like messages.
     */
    @Override
    public CompletionStage<Reconciliation> reconcile(ActionContext ctx, Instant startedAt) {
        return reconciler.reconcile(ctx, startedAt).thenApply(this::redact);
    }

    private Reconciliation redact(Reconciliation r) {
        return switch (r.outcome()) {
            case FOUND -> Reconciliation.found(new ActionResult(r.result().status(), redact(r.result().message()),
                    r.result().parameter(), r.result().data(), r.result().summary()));
            case NOT_FOUND -> Reconciliation.notFound(redact(r.detail()));
            case UNKNOWN -> Reconciliation.unknown(redact(r.detail()));
        };
    }

    /** Defence in depth: no message leaves the plugin with the token in it, whatever the server echoed. */
    private String redact(String message) {
        return message == null ? "" : message.replace(settings.token(), "***");
    }

    @Override
    public void close() {
        http.close();
    }
}
