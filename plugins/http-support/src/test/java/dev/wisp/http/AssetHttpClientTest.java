package dev.wisp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.spi.testing.LoopbackServer;
import dev.wisp.spi.testing.LoopbackServer.Answer;
import dev.wisp.spi.testing.TestActionContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a loopback server: the retry rule, limits, redirects, TLS, cancellation, secrets. */
class AssetHttpClientTest {
    private static final String TOKEN = "fake-token-for-tests-0123456789";
    private final LoopbackServer server = LoopbackServer.start();
    private final TestActionContext ctx = new TestActionContext("get data", Map.of());
    private HttpSettings settings = HttpSettings.defaults().withSecrets(new Secrets(List.of(TOKEN)));
    private AssetHttpClient client;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
        ctx.lines().forEach(l -> assertFalse(l.contains(TOKEN), l));
    }

    private AssetHttpClient client() {
        if (client == null) {
            client = new AssetHttpClient(settings);
        }
        return client;
    }

    private Response send(Request r) {
        return client().send(ctx, r).toCompletableFuture().join();
    }

    private HttpFailure failure(Request r) {
        CompletionException e = assertThrows(CompletionException.class, () -> send(r));
        Throwable cause = e;
        while (cause instanceof CompletionException) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof HttpFailure, String.valueOf(cause));
        assertFalse(cause.getMessage().contains(TOKEN), cause.getMessage());
        return (HttpFailure) cause;
    }

    private Request get(String path) {
        return Request.get(URI.create(server.url(path))).withCredentialHeader("Authorization", "Bearer " + TOKEN);
    }

    private Request post(String path) {
        return Request.post(URI.create(server.url(path)), "{\"a\":1}", "application/json")
                .withCredentialHeader("Authorization", "Bearer " + TOKEN);
    }

    @Test
    void aSafeRequestIsSentAgainAfterA500() {
        server.answer(Answer.json(500, "{}"), Answer.json(200, "{\"ok\":true}"));
        Response r = send(get("/x"));
        assertEquals(200, r.status());
        assertEquals(Map.of("ok", true), r.json());
        assertEquals(2, server.requests().size());
        assertEquals(List.of(Duration.ofSeconds(1)), ctx.delays());
        assertEquals("GET /x failed (HTTP 500); attempt 2 of 4 in 1000 ms", ctx.logs().get(0));
    }

    @Test
    void anUnsafeRequestIsNotSentAgainAfterA500ButIsAfterA429() {
        server.answer(Answer.json(500, "{}"));
        assertEquals(500, send(post("/p")).status());
        assertEquals(1, server.requests().size());
        server.clearRequests();
        server.answer(Answer.json(429, "{}").withHeader("Retry-After", "3"), Answer.json(201, "{}"));
        assertEquals(201, send(post("/p")).status());
        assertEquals(2, server.requests().size());
        assertEquals(List.of(Duration.ofSeconds(3)), ctx.delays(), "Retry-After on the run's clock");
    }

    @Test
    void aDroppedConnectionRepeatsOnlyWhatIsSafe() {
        server.answer(Answer.drop(), Answer.json(200, "{}"));
        assertEquals(200, send(get("/x")).status());
        server.clearRequests();
        server.answer(Answer.drop(), Answer.json(201, "{}"));
        HttpFailure f = failure(post("/p"));
        assertEquals(HttpFailure.Kind.CONNECTION_LOST, f.kind());
        assertTrue(f.effectUnknown());
        assertEquals(1, server.requests().size(), "a POST that may have been applied is not repeated");
    }

    @Test
    void aRefusedConnectionIsRetriedEvenForAPost() {
        int port = server.port();
        server.close();
        HttpFailure f = failure(Request.post(URI.create("http://127.0.0.1:" + port + "/p"), "{}", "application/json"));
        assertEquals(HttpFailure.Kind.NOT_SENT, f.kind());
        assertTrue(f.getMessage().startsWith("cannot connect to 127.0.0.1:" + port + ": "), f.getMessage());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), ctx.delays());
    }

    @Test
    void anAnswerOverTheLimitFails() {
        byte[] big = new byte[(int) HttpSettings.DEFAULT_MAX_RESPONSE_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        server.answer(new Answer(200, big, Map.of("Content-Type", "text/plain"), false, 0, 0));
        HttpFailure f = failure(get("/big"));
        assertEquals(HttpFailure.Kind.TOO_LARGE, f.kind());
        assertEquals("the answer from 127.0.0.1:" + server.port() + " is larger than 10485760 bytes "
                + "(max_response_bytes): it announces 10485761 bytes", f.getMessage());
        assertEquals(1, server.requests().size(), "not repeated: it will be as large again");
    }

    @Test
    void aServerThatTricklesItsAnswerIsStoppedByTheAnswerDeadline() {
        settings = settings.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(300))
                .withRetry(RetryPolicy.never());
        server.answer(Answer.text(200, "x".repeat(100), "text/plain").trickled(50));
        HttpFailure f = failure(get("/slow"));
        assertEquals(HttpFailure.Kind.TIMEOUT, f.kind());
        assertEquals("no whole answer from 127.0.0.1:" + server.port() + " within 300 ms (the server sends too slowly)",
                f.getMessage());
    }

    /**
     * Every client's deadlines share one thread, the JDK's timer (which the engine's waits use too): a run with many
     * assets does not get a thread per asset for them.
     */
    @Test
    void clientsShareOneDeadlineThreadAndAClosedClientsDeadlinesStillFireForOthers() {
        settings = settings.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(300))
                .withRetry(RetryPolicy.never());
        server.answer(Answer.json(200, "{}"), Answer.json(200, "{}"));
        try (AssetHttpClient first = new AssetHttpClient(settings);
             AssetHttpClient second = new AssetHttpClient(settings)) {
            assertEquals(200, first.send(ctx, get("/a")).toCompletableFuture().join().status());
            assertEquals(200, second.send(ctx, get("/b")).toCompletableFuture().join().status());
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("CompletableFutureDelayScheduler")).count() <= 1);
            first.close();
            server.answer(Answer.text(200, "x".repeat(100), "text/plain").trickled(50));
            CompletionException e = assertThrows(CompletionException.class,
                    () -> second.send(ctx, get("/slow")).toCompletableFuture().join());
            assertTrue(e.getCause() instanceof HttpFailure f && f.kind() == HttpFailure.Kind.TIMEOUT,
                    String.valueOf(e.getCause()));
        }
    }

    @Test
    void aRedirectToTheSameHostKeepsTheCredentialsAnotherHostGetsNone() {
        try (LoopbackServer other = LoopbackServer.start()) {
            other.answer(Answer.json(200, "{\"there\":true}"));
            server.answer(Answer.json(302, "").withHeader("Location", "/moved"),
                    Answer.json(307, "").withHeader("Location", other.url("/elsewhere?k=1")));
            Response r = send(get("/start?api_key=" + TOKEN).withCredentialQuery("api_key"));
            assertEquals(Map.of("there", true), r.json());
            assertEquals("Bearer " + TOKEN, server.requests().get(1).authorization());
            LoopbackServer.Request away = other.requests().get(0);
            assertNull(away.authorization(), "no token to another host");
            assertEquals("k=1", away.query());
            assertTrue(ctx.logs().get(0).endsWith("followed without the credentials"), ctx.logs().toString());
        }
    }

    @Test
    void endlessRedirectsFail() {
        server.handler(req -> Answer.json(302, "").withHeader("Location", "/again"));
        HttpFailure f = failure(get("/loop"));
        assertEquals(HttpFailure.Kind.REDIRECT, f.kind());
        assertEquals("GET /again was redirected more than 5 times; last to 127.0.0.1:" + server.port(),
                f.getMessage());
    }

    @Test
    void anUnknownCaIsATlsFailureAndACaBundleTrustsIt() {
        try (LoopbackServer https = LoopbackServer.startHttps(dir)) {
            https.handler(req -> Answer.json(200, "{}"));
            Request r = Request.get(URI.create(https.url("/x")));
            HttpFailure f = failure(r);
            assertEquals(HttpFailure.Kind.TLS, f.kind());
            assertTrue(f.getMessage().startsWith("TLS handshake with 127.0.0.1:" + https.port() + " failed: "),
                    f.getMessage());
            assertEquals(0, https.requests().size());
            client.close();
            client = null;
            settings = settings.withTls(true, Optional.of(https.caBundle()));
            assertEquals(200, send(r).status());
            client.close();
            client = null;
            settings = settings.withTls(false, Optional.empty());
            assertEquals(200, send(r).status());
        }
    }

    @Test
    void aCancelledExecutionAbortsItsRequest() throws Exception {
        server.answer(Answer.json(200, "{}").delayed(30_000));
        CompletableFuture<Response> f = client().send(ctx, get("/silent")).toCompletableFuture();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.requests().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        ctx.cancel();
        ExecutionExceptionCheck.failsWith(f, "request cancelled");
        assertEquals(List.of(), ctx.delays(), "a cancelled request is not retried");
    }

    @Test
    void requestsGoThroughTheProxy() {
        try (LoopbackServer proxy = LoopbackServer.start()) {
            proxy.answer(Answer.json(200, "{\"via\":\"proxy\"}"));
            settings = settings.withProxy(Optional.of(URI.create(proxy.url())));
            Response r = send(Request.get(URI.create("http://target.invalid:8080/thing")));
            assertEquals(Map.of("via", "proxy"), r.json());
            assertEquals("/thing", proxy.requests().get(0).path());
            assertEquals("target.invalid:8080", proxy.requests().get(0).header("Host"));
            assertEquals(0, server.requests().size());
        }
    }

    @Test
    void secretsAreMaskedEvenPercentEncoded() {
        Secrets s = new Secrets(List.of("a b+c/d=e", TOKEN));
        assertEquals("key=*** and ***", s.mask("key=a+b%2Bc%2Fd%3De and " + TOKEN));
    }

    /** Waits for a future that must fail with an HttpFailure of this message. */
    private static final class ExecutionExceptionCheck {
        static void failsWith(CompletableFuture<?> f, String message) throws Exception {
            try {
                f.get(10, TimeUnit.SECONDS);
                throw new AssertionError("expected a failure");
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                while (cause instanceof CompletionException) {
                    cause = cause.getCause();
                }
                assertEquals(message, cause.getMessage());
            }
        }
    }
}
