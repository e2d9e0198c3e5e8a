package dev.wisp.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.asset.Assets;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.testing.LoopbackServer;
import io.temporal.api.enums.v1.EventType;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The network between a worker (and a client following a run) and the Temporal service is cut for a few seconds,
 * while an action runs, then restored: the worker reconnects, the action's result reaches the service, the run goes
 * on, and the client that followed it sees its end. A real port-bound test server behind a TCP proxy.
 */
class ServiceOutageTest {
    static final String QUEUE = "wisp-outage";
    static final String PLAYBOOK = """
            playbook: outage
            assets:
              api: { app: http }
            blocks:
              fetch: { action: get data, asset: api, parameters: { location: /slow } }
              ask:
                prompt: "Go on?"
                responses: [{ prompt: "Go on?", type: yes/no }]
                timeout: 1h
              last: { action: set value, app: core, parameters: { value: "fetch:action_result.data.*.response_body" } }
            edges: [start -> fetch, fetch -> ask, ask -> last, last -> end]
            """;

    TestServer.PortBoundTestServer server;
    int serverPort;
    TcpProxy proxy;
    LoopbackServer api;

    @BeforeEach
    void start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        server = TestServer.createPortBoundServer(port);
        serverPort = port;
        proxy = new TcpProxy(port);
        api = LoopbackServer.start();
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        server.close();
        api.close();
    }

    private static Cluster connect(int port) {
        return Cluster.connect(new Cluster.Options("127.0.0.1:" + port, null, QUEUE, null, null, null),
                Duration.ofSeconds(5));
    }

    private static long completed(Cluster c) {
        return c.client().fetchHistory("outage-1").getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED).count();
    }

    @Test
    void workersAndClientsGoOnAfterTheServiceWasUnreachable() throws Exception {
        AssetConfig config = new AssetConfig("api", "http", Map.of("base_url", api.url()), Set.of());
        api.answer(LoopbackServer.Answer.json(200, "{\"ok\": true}").delayed(3000));
        PluginRegistry registry = TestWorkers.builtIns();
        try (Cluster direct = connect(serverPort);
             Cluster viaProxy = connect(proxy.port());
             WispWorker worker = WispWorker.start(viaProxy.client(), QUEUE, registry,
                     new Assets(Map.of("api", config), Map.of()), Redactor.none(), 0, "test")) {
            direct.start(new Wire.RunInput("outage-1", "outage.yaml", PLAYBOOK, Map.of(), Map.of(), Map.of(),
                    List.of(), 8, List.of(), "test", Map.of(), List.of()));
            CompletableFuture<Wire.RunEnd> followed = CompletableFuture.supplyAsync(() -> {
                try {
                    return viaProxy.follow("outage-1", e -> { }, Duration.ofMillis(200));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; i < 200 && api.requests().isEmpty(); i++) {
                Thread.sleep(50);
            }
            assertEquals(1, api.requests().size(), "the GET is on its way");
            long done = completed(direct);
            proxy.cut(); // the GET answers in 3 s, while the worker cannot reach the service
            Thread.sleep(5000);
            assertEquals(done, completed(direct), "the GET's result could not reach the service");
            assertEquals(1, api.requests().size());
            proxy.restore();

            List<Wire.Question> asked = List.of();
            for (int i = 0; i < 300 && asked.isEmpty(); i++) {
                Thread.sleep(100);
                asked = direct.questions("outage-1");
            }
            assertEquals(1, asked.size(), "the run went on to its prompt once the worker was back");
            direct.answer("outage-1", Wire.Answer.of(asked.get(0).id(), List.of("yes"), "alice"));
            Wire.RunEnd end = followed.get(60, TimeUnit.SECONDS);
            assertEquals("success", end.status(), end.message());
            assertEquals(1, api.requests().size(), "the GET was sent once");
            assertTrue(end.journal().stream().noneMatch(l -> l.contains("was lost")), () -> "nothing was lost: "
                    + end.journal());
        }
    }
}
