package dev.wisp.http;

import dev.wisp.spi.ActionContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One asset's HTTP client: a pool of non-blocking connections (no thread waits for an answer), timeouts, TLS, a
 * proxy, redirects, a size limit on answers, and the {@link RetryPolicy}. Every wait between attempts goes through
 * {@link ActionContext#delay}, so it runs on the run's clock and ends when the execution is cancelled; cancelling
 * the execution aborts the request in flight. Every message names the host and masks the asset's secrets.
 * Thread-safe: share one per asset between all executions.
 */
public final class AssetHttpClient implements AutoCloseable {
    private final HttpSettings settings;
    private final CloseableHttpAsyncClient client;

    public AssetHttpClient(HttpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        var pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setTlsStrategy(Tls.strategy(settings))
                .setMaxConnTotal(settings.maxConnections()).setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1)).build())
                .build();
        HttpAsyncClientBuilder b = HttpAsyncClients.custom().setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.readTimeout())).build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                // this class decides about retries and redirects, so that it can apply its own rules to both
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement();
        settings.proxy().ifPresent(p -> b.setProxy(new HttpHost(p.getScheme(), p.getHost(), port(p))));
        this.client = b.build();
        client.start();
    }


    public HttpSettings settings() {
        return settings;
    }

    /**
     * Sends a request, again when the policy allows, following redirects; completes with the final answer, whatever
     * its status, or fails with an {@link HttpFailure} when no usable answer came.
     */
    public CompletionStage<Response> send(ActionContext ctx, Request request) {
        return attempt(ctx, request, 1, 0);
    }

    private CompletionStage<Response> attempt(ActionContext ctx, Request req, int n, int redirects) {
        if (ctx.cancelled()) {
            return CompletableFuture.failedFuture(new HttpFailure(HttpFailure.Kind.CANCELLED, "request cancelled"));
        }
        return exchange(ctx, req).handle((response, error) -> {
            if (error != null) {
                HttpFailure f = error instanceof HttpFailure hf ? hf : classify(req.uri(), error);
                Optional<Duration> wait = ctx.cancelled() ? Optional.empty()
                        : settings.retry().afterFailure(req.safeToRepeat(), f.kind(), n);
                return wait.isPresent() ? retry(ctx, req, n, redirects, wait.get(), f.getMessage())
                        : CompletableFuture.<Response>failedFuture(f);
            }
            if (Redirects.isRedirect(response) && settings.maxRedirects() > 0) {
                Request next = Redirects.follow(ctx, req, response, redirects, settings);
                return attempt(ctx, next, n, redirects + 1);
            }
            Optional<Duration> wait = ctx.cancelled() ? Optional.empty() : settings.retry().afterStatus(
                    req.safeToRepeat(), response.status(), response.header("Retry-After"), n, ctx.clock());
            return wait.isPresent() ? retry(ctx, req, n, redirects, wait.get(), "HTTP " + response.status())
                    : CompletableFuture.completedFuture(response);
        }).thenCompose(x -> x);
    }

    private CompletionStage<Response> retry(ActionContext ctx, Request req, int n, int redirects, Duration wait,
                                            String reason) {
        ctx.log(settings.secrets().mask(req.describe() + " failed (" + reason + "); attempt " + (n + 1) + " of "
                + settings.retry().maxAttempts() + " in " + wait.toMillis() + " ms"));
        return ctx.delay(wait).thenCompose(ignored -> attempt(ctx, req, n + 1, redirects));
    }

    /** One exchange: the request out, the whole answer (within the limits) back. */
    private CompletableFuture<Response> exchange(ActionContext ctx, Request req) {
        SimpleHttpRequest request;
        try {
            SimpleRequestBuilder b = SimpleRequestBuilder.create(req.method()).setUri(req.uri());
            req.headers().forEach((k, v) -> {
                if (req.body() == null || !k.equalsIgnoreCase("Content-Type")) {
                    b.setHeader(k, v);
                }
            });
            if (req.body() != null) {
                b.setBody(req.body(), req.contentType() == null ? ContentType.APPLICATION_OCTET_STREAM
                        : ContentType.parse(req.contentType()));
            }
            request = b.build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new HttpFailure(HttpFailure.Kind.INVALID,
                    settings.secrets().mask("cannot make the request " + req.describe() + ": " + e.getMessage())));
        }
        CompletableFuture<Response> out = new CompletableFuture<>();
        AtomicBoolean late = new AtomicBoolean();
        Future<Response> exchange = client.execute(SimpleRequestProducer.create(request),
                new LimitedConsumer(settings.maxResponseBytes(), req.uri()), null, new FutureCallback<>() {
                    @Override
                    public void completed(Response result) {
                        out.complete(result);
                    }

                    @Override
                    public void failed(Exception ex) {
                        out.completeExceptionally(ex);
                    }

                    @Override
                    public void cancelled() {
                        out.completeExceptionally(new CancellationException());
                    }
                });
        // a timed-out or cancelled execution aborts its request instead of leaving it to finish unseen
        ctx.onCancel(() -> exchange.cancel(true));
        // the read timeout resets with every byte: a server trickling its answer is stopped by this deadline. It waits
        // on the JDK's one timer thread, shared by every client in the process and the engine's waits; the answer's
        // arrival completes it first (false), which takes it off the timer's queue
        CompletableFuture<Boolean> deadline = new CompletableFuture<>();
        deadline.thenAccept(due -> {
            if (due && !out.isDone()) {
                late.set(true);
                exchange.cancel(true);
            }
        });
        out.whenComplete((r, e) -> deadline.complete(false));
        deadline.completeOnTimeout(true, settings.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return out.handle((r, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(r);
            }
            Throwable cause = unwrap(error);
            if (cause instanceof CancellationException) {
                return CompletableFuture.<Response>failedFuture(late.get()
                        ? new HttpFailure(HttpFailure.Kind.TIMEOUT, "no whole answer from " + host(req.uri())
                        + " within " + seconds(settings.answerTimeout()) + " (the server sends too slowly)")
                        : new HttpFailure(HttpFailure.Kind.CANCELLED, "request cancelled"));
            }
            return CompletableFuture.<Response>failedFuture(classify(req.uri(), cause));
        }).thenCompose(x -> x);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A readable failure for what went wrong on the way (never a stack trace, never a secret). */
    HttpFailure classify(URI uri, Throwable error) {
        Throwable cause = unwrap(error);
        String host = host(uri);
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        HttpFailure f;
        if (cause instanceof HttpFailure hf) {
            f = hf;
        } else if (cause instanceof LimitedConsumer.TooLarge) {
            f = new HttpFailure(HttpFailure.Kind.TOO_LARGE, "the answer from " + host + " is larger than "
                    + settings.maxResponseBytes() + " bytes (max_response_bytes): it " + why);
        } else if (cause instanceof UnknownHostException) {
            f = new HttpFailure(HttpFailure.Kind.UNKNOWN_HOST, "cannot resolve host " + uri.getHost()
                    + ": check base_url");
        } else if (cause instanceof SSLException) {
            f = new HttpFailure(HttpFailure.Kind.TLS, "TLS handshake with " + host + " failed: " + why
                    + "; check the server's certificate, or trust its CA with ca_bundle "
                    + "(set verify_server_cert: false only for test setups)");
        } else if (cause instanceof ConnectException) {
            f = new HttpFailure(HttpFailure.Kind.NOT_SENT, "cannot connect to " + host + ": " + why
                    + "; is the server running and base_url right?");
        } else if (cause instanceof ConnectTimeoutException) {
            f = new HttpFailure(HttpFailure.Kind.NOT_SENT, "cannot connect to " + host + " in time (connect_timeout "
                    + seconds(settings.connectTimeout()) + ")");
        } else if (cause instanceof SocketTimeoutException) {
            f = new HttpFailure(HttpFailure.Kind.TIMEOUT, "no answer from " + host + " in time (read_timeout "
                    + seconds(settings.readTimeout()) + ")");
        } else if (cause instanceof IOException || cause instanceof org.apache.hc.core5.http.HttpException) {
            f = new HttpFailure(HttpFailure.Kind.CONNECTION_LOST, "the connection to " + host
                    + " was lost before a whole answer came: " + why);
        } else {
            f = new HttpFailure(HttpFailure.Kind.CONNECTION_LOST, "the request to " + host + " failed: " + why);
        }
        String masked = settings.secrets().mask(f.getMessage());
        return masked.equals(f.getMessage()) ? f : new HttpFailure(f.kind(), masked);
    }

    static String host(URI uri) {
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE); // in-flight requests belong to executions that ended or were cancelled
    }
}
