package dev.wisp.cado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AssetConfig;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS against an HTTPS server with a self-signed certificate made at test time with the JDK's keytool. */
class TlsTest {
    private static final String TOKEN = "tls-test-token-abcdef123456";
    private HttpsServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, keytool.exitValue(), new String(keytool.getInputStream().readAllBytes()));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", ex -> {
            byte[] body = "{\"status\":\"Running\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ActionResult testConnectivity(boolean verify) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base_url", "https://127.0.0.1:" + server.getAddress().getPort() + "/api/v2");
        config.put("access_token", TOKEN);
        config.put("verify_server_cert", verify);
        try (AppConnection c = new CadoResponseApp().connect(new AssetConfig("cado", "cado_response", config,
                Set.of("access_token")))) {
            return c.execute(new FakeContext("test connectivity", Map.of(), null)).toCompletableFuture().join();
        }
    }

    @Test
    void anUntrustedCertificateIsATlsProblemWhenVerifying() {
        ActionResult r = testConnectivity(true);
        assertTrue(r.message().startsWith("TLS handshake with 127.0.0.1:" + server.getAddress().getPort()
                + " failed: "), r.message());
        assertTrue(r.message().endsWith("(set verify_server_cert: false only for test setups)"), r.message());
    }

    @Test
    void withoutVerificationTheSelfSignedServerIsReached() {
        ActionResult r = testConnectivity(false);
        assertTrue(r.succeeded(), r.message());
    }
}
