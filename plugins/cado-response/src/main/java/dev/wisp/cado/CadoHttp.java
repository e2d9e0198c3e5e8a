package dev.wisp.cado;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisp.spi.ActionContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP to the Cado Response v2 API on one pooled, non-blocking client per asset. GETs are retried with backoff on
 * 429 (honouring Retry-After), 502/503/504 and connection failures; a POST is retried only when it certainly did not
 * reach the server (connection refused). Every wait goes through {@link ActionContext#delay}.
 */
final class CadoHttp implements AutoCloseable {
    static final int GET_ATTEMPTS = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CadoSettings settings;
    private final CloseableHttpAsyncClient client;

    CadoHttp(CadoSettings settings) {
        this.settings = settings;
        var tls = ClientTlsStrategyBuilder.create();
        if (!settings.verifyServerCert()) {
            tls.setSslContext(trustAll()).setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        } else {
            tls.useSystemProperties();
        }
        PoolingAsyncClientConnectionManager pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setTlsStrategy(tls.build())
                .setMaxConnTotal(settings.maxConnections()).setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout())).build())
                .build();
        this.client = HttpAsyncClients.custom().setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.readTimeout())).build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
                .build();
        client.start();
    }

    private static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return ctx;
        } catch (NoSuchAlgorithmException | KeyManagementException e) {
            throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
        }
    }

    /** {@code /projects/7/imports/ec2} from segments, each percent-encoded. */
    static String path(Object... segments) {
        StringBuilder out = new StringBuilder();
        for (Object s : segments) {
            out.append('/').append(URLEncoder.encode(Ids.text(s), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    URI uri(String path, Map<String, Object> query) {
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> {
            if (v != null) {
                q.append(q.length() == 0 ? "?" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(Ids.text(v), StandardCharsets.UTF_8));
            }
        });
        return URI.create(settings.baseUrl() + path + q);
    }

    CompletionStage<ApiResponse> get(ActionContext ctx, String path, Map<String, Object> query) {
        return attempt(ctx, "GET", uri(path, query), null, 1);
    }

    CompletionStage<ApiResponse> post(ActionContext ctx, String path, Map<String, Object> body) {
        try {
            return attempt(ctx, "POST", uri(path, Map.of()), JSON.writeValueAsString(body), 1);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(new CadoException(0, "cannot encode the request: " + e.getMessage()));
        }
    }

    private CompletionStage<ApiResponse> attempt(ActionContext ctx, String method, URI uri, String body, int n) {
        SimpleRequestBuilder b = method.equals("GET") ? SimpleRequestBuilder.get(uri) : SimpleRequestBuilder.post(uri);
        b.setHeader("Authorization", "Bearer " + settings.token()).setHeader("Accept", "application/json");
        if (body != null) {
            b.setBody(body, ContentType.APPLICATION_JSON);
        } else {
            b.setHeader("Content-Type", "application/json");
        }
        SimpleHttpRequest request = b.build();
        CompletableFuture<SimpleHttpResponse> sent = new CompletableFuture<>();
        java.util.concurrent.Future<SimpleHttpResponse> exchange = client.execute(request, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse result) {
                sent.complete(result);
            }

            @Override
            public void failed(Exception ex) {
                sent.completeExceptionally(ex);
            }

            @Override
            public void cancelled() {
                sent.completeExceptionally(new CadoException(0, "request cancelled"));
            }
        });
        // a timed-out or cancelled execution aborts its request instead of leaving it to finish unseen
        ctx.onCancel(() -> exchange.cancel(true));
        boolean get = method.equals("GET");
        return sent.handle((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                boolean notSent = cause instanceof ConnectException || cause instanceof UnknownHostException
                        || cause instanceof org.apache.hc.client5.http.ConnectTimeoutException;
                CadoException failure = connectionFailure(uri, cause);
                if (n < GET_ATTEMPTS && (get || notSent) && !(cause instanceof SSLException)
                        && !(cause instanceof UnknownHostException) && !ctx.cancelled()) {
                    return retry(ctx, method, uri, body, n, backoff(n), failure.getMessage());
                }
                return CompletableFuture.<ApiResponse>failedFuture(failure);
            }
            int status = response.getCode();
            if (get && n < GET_ATTEMPTS && (status == 429 || status == 502 || status == 503 || status == 504)
                    && !ctx.cancelled()) {
                Duration wait = status == 429 ? retryAfter(response, ctx.clock()).orElse(backoff(n)) : backoff(n);
                return retry(ctx, method, uri, body, n, wait, "HTTP " + status);
            }
            return CompletableFuture.completedFuture(toApiResponse(response));
        }).thenCompose(x -> x);
    }

    private CompletionStage<ApiResponse> retry(ActionContext ctx, String method, URI uri, String body, int n,
                                               Duration wait, String reason) {
        ctx.log(method + " " + uri.getPath() + " failed (" + reason + "); attempt " + (n + 1) + " of "
                + GET_ATTEMPTS + " in " + wait.toMillis() + " ms");
        return ctx.delay(wait).thenCompose(ignored -> attempt(ctx, method, uri, body, n + 1));
    }

    static Duration backoff(int attempt) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /** Retry-After in seconds or as an HTTP date (measured on the run's clock, so virtual time holds), capped. */
    static java.util.Optional<Duration> retryAfter(SimpleHttpResponse response, java.time.Clock clock) {
        Header h = response.getFirstHeader("Retry-After");
        if (h == null) {
            return java.util.Optional.empty();
        }
        String v = h.getValue().strip();
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException e) {
            try {
                d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (java.time.format.DateTimeParseException e2) {
                return java.util.Optional.empty();
            }
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return java.util.Optional.of(d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
    }

    private CadoException connectionFailure(URI uri, Throwable cause) {
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        if (cause instanceof UnknownHostException) {
            return new CadoException(0, "cannot resolve host " + uri.getHost() + ": check base_url");
        }
        if (cause instanceof SSLException) {
            return new CadoException(0, "TLS handshake with " + host + " failed: " + cause.getMessage()
                    + "; check the server's certificate (set verify_server_cert: false only for test setups)");
        }
        if (cause instanceof ConnectException) {
            return new CadoException(0, "cannot connect to " + host + ": " + cause.getMessage()
                    + "; is the server running and base_url right?");
        }
        if (cause instanceof org.apache.hc.client5.http.ConnectTimeoutException
                || cause instanceof java.net.SocketTimeoutException) {
            return new CadoException(0, "no answer from " + host + " in time (" + cause.getMessage() + ")");
        }
        String what = cause instanceof IOException ? "the connection to " + host + " failed"
                : "the request to " + host + " failed";
        return new CadoException(0, what + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage()));
    }

    private static ApiResponse toApiResponse(SimpleHttpResponse r) {
        String text = r.getBodyText() == null ? "" : r.getBodyText();
        Header ct = r.getFirstHeader("Content-Type");
        String contentType = ct == null ? "" : ct.getValue();
        Object json = null;
        if (!text.isBlank() && contentType.contains("json")) {
            try {
                json = JSON.readValue(text, Object.class);
            } catch (JsonProcessingException e) {
                return new ApiResponse(r.getCode(), new Malformed(e.getOriginalMessage()), contentType, text);
            }
        }
        return new ApiResponse(r.getCode(), json, contentType, text);
    }

    /** Marks a body that claimed to be JSON but was not. */
    record Malformed(String problem) {
    }

    Map<String, Object> body(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE); // in-flight requests belong to executions that ended or were cancelled
    }
}
