package dev.wisp.cado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.spi.ActionResult;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.testing.LoopbackServer.Answer;
import dev.wisp.spi.testing.LoopbackServer;
import dev.wisp.spi.testing.TestActionContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS against the kit's HTTPS server, whose self-signed certificate is made at test time. */
class TlsTest {
    private static final String TOKEN = "tls-test-token-abcdef123456";
    /** One server for the class: making its certificate takes a while. */
    private static LoopbackServer server;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        server = LoopbackServer.startHttps(dir);
        server.handler(req -> Answer.json(200, "{\"status\":\"Running\"}"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private ActionResult testConnectivity(Object... kv) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base_url", server.url("/api/v2"));
        config.put("access_token", TOKEN);
        for (int i = 0; i < kv.length; i += 2) {
            config.put((String) kv[i], kv[i + 1]);
        }
        try (AppConnection c = new CadoResponseApp().connect(new AssetConfig("cado", "cado_response", config,
                Set.of("access_token")))) {
            return c.execute(new TestActionContext("test connectivity", Map.of())).toCompletableFuture().join();
        }
    }

    @Test
    void anUntrustedCertificateIsATlsProblemWhenVerifying() {
        ActionResult r = testConnectivity("verify_server_cert", true);
        assertTrue(r.message().startsWith("TLS handshake with 127.0.0.1:" + server.port() + " failed: "), r.message());
        assertTrue(r.message().endsWith("(set verify_server_cert: false only for test setups)"), r.message());
    }

    @Test
    void withoutVerificationTheSelfSignedServerIsReached() {
        ActionResult r = testConnectivity("verify_server_cert", false);
        assertTrue(r.succeeded(), r.message());
    }

    @Test
    void aCaBundleTrustsAPrivateCa() {
        ActionResult r = testConnectivity("ca_bundle", server.caBundle().toString());
        assertTrue(r.succeeded(), r.message());
    }
}
