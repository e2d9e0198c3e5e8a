package dev.wisp.spi.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * An in-process HTTP(S) server on 127.0.0.1 and an ephemeral port, for apps' tests: it records every request
 * exactly and answers from a queue of canned {@link Answer}s, or from a handler. Answers can be delayed, dropped
 * (the connection closed without an answer) or trickled byte by byte (a slow-loris server). Every request is
 * handled on a thread of its own, so a slow answer does not hold up the others.
 */
public final class LoopbackServer implements AutoCloseable {

    /**
     * A recorded request.
     *
     * @param method  the method
     * @param path    the raw path
     * @param query   the raw query, or {@code null}
     * @param headers the headers, names in lower case
     * @param body    the body as UTF-8 text
     */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        /** The first value of a header, or {@code null}. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String authorization() {
            return header("Authorization");
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    /**
     * A canned answer.
     *
     * @param status       the status code
     * @param body         the body
     * @param headers      response headers
     * @param dropConnection close the connection without answering (after reading the request)
     * @param delayMillis  wait this long before answering
     * @param trickleMillis send the body one byte at a time with this pause between bytes (0: all at once)
     */
    public record Answer(int status, byte[] body, Map<String, String> headers, boolean dropConnection, long delayMillis,
                         long trickleMillis) {
        public Answer {
            Objects.requireNonNull(body, "body");
            headers = Map.copyOf(headers);
        }

        public static Answer json(int status, String body) {
            return text(status, body, "application/json");
        }

        public static Answer html(int status, String body) {
            return text(status, body, "text/html");
        }

        public static Answer text(int status, String body, String contentType) {
            return new Answer(status, body.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", contentType),
                    false, 0, 0);
        }

        /** The connection closed without an answer. */
        public static Answer drop() {
            return new Answer(0, new byte[0], Map.of(), true, 0, 0);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Answer(status, body, h, dropConnection, delayMillis, trickleMillis);
        }

        public Answer delayed(long millis) {
            return new Answer(status, body, headers, dropConnection, millis, trickleMillis);
        }

        public Answer trickled(long millisPerByte) {
            return new Answer(status, body, headers, dropConnection, delayMillis, millisPerByte);
        }
    }

    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final HttpServer server;
    private final ExecutorService executor;
    private final String scheme;
    private final Path caBundle;
    private volatile Function<Request, Answer> handler;

    private LoopbackServer(HttpServer server, String scheme, Path caBundle) {
        this.server = server;
        this.scheme = scheme;
        this.caBundle = caBundle;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A plain HTTP server. */
    public static LoopbackServer start() {
        try {
            return new LoopbackServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64), "http", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An HTTPS server with a self-signed certificate for 127.0.0.1, made in {@code dir}; {@link #caBundle()} is its
     * certificate as PEM, to trust it.
     */
    public static LoopbackServer startHttps(Path dir) {
        SelfSigned cert = SelfSigned.make(dir);
        try {
            HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            SSLContext ssl = cert.sslContext();
            https.setHttpsConfigurator(new HttpsConfigurator(ssl));
            return new LoopbackServer(https, "https", cert.pem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Queues answers, given in order to the next requests; with none left, a request gets a 500. */
    public LoopbackServer answer(Answer... next) {
        synchronized (answers) {
            answers.addAll(List.of(next));
        }
        return this;
    }

    /** Answers every request with {@code h} once the queue is empty. */
    public LoopbackServer handler(Function<Request, Answer> h) {
        this.handler = h;
        return this;
    }

    /** Every request so far, in order of arrival. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Forgets the requests so far. */
    public void clearRequests() {
        requests.clear();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} (or https), without a trailing slash. */
    public String url() {
        return scheme + "://127.0.0.1:" + port();
    }

    /** The URL of a path on this server. */
    public String url(String path) {
        return url() + path;
    }

    /** The PEM file of an HTTPS server's certificate; {@code null} for plain HTTP. */
    public Path caBundle() {
        return caBundle;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            Request request = new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    ex.getRequestURI().getRawQuery(), Map.copyOf(headers), new String(body, StandardCharsets.UTF_8));
            requests.add(request);
            Answer a;
            synchronized (answers) {
                a = answers.poll();
            }
            if (a == null) {
                Function<Request, Answer> h = handler;
                a = h != null ? h.apply(request) : Answer.json(500, "{\"msg\":\"no canned answer\"}");
            }
            send(ex, a);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange ex, Answer a) throws IOException, InterruptedException {
        if (a.delayMillis() > 0) {
            Thread.sleep(a.delayMillis());
        }
        if (a.dropConnection()) {
            return; // closing the exchange unanswered closes the connection
        }
        a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        boolean empty = a.body().length == 0 || ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(a.status(), empty ? -1 : a.body().length);
        if (empty) {
            return;
        }
        OutputStream out = ex.getResponseBody();
        if (a.trickleMillis() <= 0) {
            out.write(a.body());
            return;
        }
        for (byte b : a.body()) {
            out.write(b);
            out.flush();
            Thread.sleep(a.trickleMillis());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
