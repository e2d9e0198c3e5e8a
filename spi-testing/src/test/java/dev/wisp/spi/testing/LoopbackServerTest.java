package dev.wisp.spi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wisp.spi.testing.LoopbackServer.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class LoopbackServerTest {
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> post(LoopbackServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", "Bearer t")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void recordsRequestsExactlyAndAnswersInOrder() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            server.answer(Answer.json(201, "{\"id\":1}").withHeader("X-Id", "1"));
            HttpResponse<String> r = post(server, "/a%20b?x=1");
            assertEquals(201, r.statusCode());
            assertEquals("{\"id\":1}", r.body());
            assertEquals("1", r.headers().firstValue("X-Id").orElseThrow());
            LoopbackServer.Request req = server.requests().get(0);
            assertEquals("POST", req.method());
            assertEquals("/a%20b", req.path());
            assertEquals("x=1", req.query());
            assertEquals("Bearer t", req.authorization());
            assertEquals("{\"a\":1}", req.body());
            assertEquals(500, post(server, "/").statusCode(), "no answer left");
        }
    }

    @Test
    void aHandlerAnswersOnceTheQueueIsEmpty() throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            server.handler(req -> Answer.text(200, req.path(), "text/plain"));
            assertEquals("/p", post(server, "/p").body());
        }
    }

    @Test
    void aDroppedAnswerClosesTheConnection() {
        try (LoopbackServer server = LoopbackServer.start()) {
            server.answer(Answer.drop());
            assertThrows(IOException.class, () -> post(server, "/"));
            assertEquals(1, server.requests().size());
        }
    }
}
