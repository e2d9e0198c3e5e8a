package dev.wisp.cado;

import dev.wisp.http.Failures;
import dev.wisp.http.HttpFailure;
import dev.wisp.http.InDoubt;
import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.Reconciliation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One asset's connection: dispatches actions and turns every failure into a readable failed result. The three
 * actions that change something (create project, capture instance, capture bucket) go through {@link InDoubt} when
 * their POST fails leaving its effect unknown: the reconciler looks for the project or pipeline, and the POST is
 * sent again only when it is provably absent.
 */
final class CadoConnection implements AppConnection {
    /** POSTs of one execution in all, when the in-doubt check keeps finding nothing. */
    static final int POST_ATTEMPTS = 3;
    /** How long to let a request whose answer was lost settle before looking for its effect. */
    static final Duration SETTLE = Duration.ofSeconds(2);
    private final CadoSettings settings;
    private final CadoHttp http;
    private final CadoActions actions;
    private final Reconciler reconciler;
    private final InDoubt inDoubt;

    CadoConnection(CadoSettings settings) {
        this.settings = settings;
        this.http = new CadoHttp(settings);
        this.actions = new CadoActions(http, settings);
        this.reconciler = new Reconciler(http, actions, settings);
        this.inDoubt = new InDoubt(POST_ATTEMPTS, SETTLE, CadoConnection::effectUnknown, reconciler::reconcile);
    }

    /** A lost answer, a timeout, or a 5xx/408 to a POST: the server may have acted on it. */
    static boolean effectUnknown(Throwable error) {
        return InDoubt.lostAnswer(error) || error instanceof CadoException c && InDoubt.unknownStatus(c.status());
    }

    /** Requests go out on the shared asynchronous client; retries and polls wait through the context. */
    @Override
    public boolean nonBlocking() {
        return true;
    }

    @Override
    public CompletionStage<ActionResult> execute(ActionContext ctx) {
        Map<String, Object> params = ctx.parameters();
        CompletionStage<ActionResult> run;
        try {
            run = switch (ctx.actionName()) {
                case "test connectivity" -> actions.testConnectivity(ctx);
                case "list projects" -> actions.listProjects(ctx);
                case "create project" -> inDoubt.run(ctx, () -> actions.createProject(ctx));
                case "list instances" -> actions.listInstances(ctx);
                case "list buckets" -> actions.listBuckets(ctx);
                case "list pipelines" -> actions.listPipelines(ctx);
                case "get pipeline" -> actions.getPipeline(ctx);
                case "loop pipeline" -> new PipelineLoop(actions, settings, ctx).start();
                case "capture instance" -> inDoubt.run(ctx, () -> actions.captureInstance(ctx));
                case "capture bucket" -> inDoubt.run(ctx, () -> actions.captureBucket(ctx));
                default -> CompletableFuture.completedFuture(ActionResult.failed(params,
                        "the cado_response app has no action '" + ctx.actionName() + "'"));
            };
        } catch (IllegalArgumentException | CadoException e) {
            return CompletableFuture.completedFuture(ActionResult.failed(params, redact(e.getMessage()), failure(e)));
        }
        return run.handle((result, error) -> {
            if (error == null) {
                return new ActionResult(result.status(), redact(result.message()), result.parameter(), result.data(),
                        result.summary(), result.failure(), result.continuation());
            }
            Throwable cause = error;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            String message = cause instanceof CadoException || cause instanceof IllegalArgumentException
                    || cause instanceof HttpFailure ? cause.getMessage() : ctx.actionName() + " failed: " + cause;
            return ActionResult.failed(params, redact(message), failure(cause));
        });
    }

    /** Whether trying again can help: by status for Cado's answers, by kind for network failures. */
    static ActionResult.Failure failure(Throwable cause) {
        if (cause instanceof CadoException c) {
            return c.status() == 0 ? ActionResult.Failure.UNSPECIFIED : c.status() < 300
                    ? ActionResult.Failure.PERMANENT : Failures.ofStatus(c.status());
        }
        return Failures.of(cause);
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
