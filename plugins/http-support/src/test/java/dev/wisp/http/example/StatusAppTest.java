package dev.wisp.http.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.spi.ActionResult;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.testing.LoopbackServer;
import dev.wisp.spi.testing.LoopbackServer.Answer;
import dev.wisp.spi.testing.TestActionContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The README's example app, tested the way the README says an app is tested. */
class StatusAppTest {
    private static final String TOKEN = "fake-status-token-0123456789";

    @Test
    void readsTheStatusRetryingAPassing503AndNeverShowsTheToken() {
        try (LoopbackServer server = LoopbackServer.start()) {
            server.answer(Answer.json(503, "{}"), Answer.json(200, "{\"status\":\"ok\"}"),
                    Answer.json(401, "{\"error\":\"bad token " + TOKEN + "\"}"));
            AssetConfig asset = new AssetConfig("status", "statuspage", Map.of("base_url", server.url(),
                    "token", TOKEN), Set.of("token"));
            try (AppConnection c = new StatusApp().connect(asset)) {
                TestActionContext ctx = new TestActionContext("get status", Map.of());
                ActionResult r = c.execute(ctx).toCompletableFuture().join();
                assertEquals("status: ok", r.message());
                assertEquals(List.of(Duration.ofSeconds(1)), ctx.delays(), "waited on the run's clock, not slept");
                ActionResult denied = c.execute(new TestActionContext("get status", Map.of())).toCompletableFuture()
                        .join();
                assertEquals("HTTP 401: {\"error\":\"bad token ***\"}", denied.message());
                assertEquals(ActionResult.Failure.PERMANENT, denied.failure());
                assertTrue(server.requests().stream().allMatch(q -> ("Bearer " + TOKEN).equals(q.authorization())));
            }
        }
    }
}
