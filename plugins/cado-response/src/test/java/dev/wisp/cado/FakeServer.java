package dev.wisp.cado;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** An in-process HTTP server that records exact requests and answers from a queue of canned responses. */
final class FakeServer implements AutoCloseable {
    /** A recorded request. */
    record Request(String method, String path, String query, String authorization, String contentType, String body) {
    }

    /** A canned answer; {@code drop} closes the connection without answering. */
    record Answer(int status, String body, Map<String, String> headers, boolean drop) {
        static Answer json(int status, String body) {
            return new Answer(status, body, Map.of("Content-Type", "application/json"), false);
        }

        static Answer html(int status, String body) {
            return new Answer(status, body, Map.of("Content-Type", "text/html"), false);
        }
    }

    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final HttpServer server;

    FakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    ex.getRequestURI().getRawQuery(), ex.getRequestHeaders().getFirst("Authorization"),
                    ex.getRequestHeaders().getFirst("Content-Type"), body));
            Answer a;
            synchronized (answers) {
                a = answers.isEmpty() ? Answer.json(500, "{\"msg\":\"no canned answer\"}") : answers.poll();
            }
            if (a.drop()) {
                ex.close();
                return;
            }
            a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                ex.getResponseBody().write(bytes);
            }
            ex.close();
        });
        server.start();
    }

    FakeServer answer(Answer... as) {
        synchronized (answers) {
            answers.addAll(List.of(as));
        }
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
