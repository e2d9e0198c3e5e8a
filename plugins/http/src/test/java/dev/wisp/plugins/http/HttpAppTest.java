package dev.wisp.plugins.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.spi.ActionResult;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.testing.LoopbackServer;
import dev.wisp.spi.testing.LoopbackServer.Answer;
import dev.wisp.spi.testing.TestActionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The http app against a loopback server: requests exactly as meant, typed outputs, faults, bad input, secrets. */
class HttpAppTest {
    private static final String TOKEN = "fake-bearer-token-0123456789";
    private final LoopbackServer server = LoopbackServer.start();
    private final List<AppConnection> connections = new ArrayList<>();
    private final List<TestActionContext> contexts = new ArrayList<>();

    @AfterEach
    void stop() {
        connections.forEach(AppConnection::close);
        server.close();
        contexts.forEach(c -> c.lines().forEach(l -> assertFalse(l.contains(TOKEN), l)));
    }

    private AppConnection connect(Object... kv) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base_url", server.url("/api/v1/"));
        config.put("auth", "bearer");
        config.put("token", TOKEN);
        for (int i = 0; i < kv.length; i += 2) {
            config.put((String) kv[i], kv[i + 1]);
        }
        AppConnection c = new HttpApp().connect(new AssetConfig("api", "http", config,
                Set.of("token", "password", "api_key")));
        connections.add(c);
        return c;
    }

    private ActionResult run(AppConnection c, String action, Object... kv) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put((String) kv[i], kv[i + 1]);
        }
        TestActionContext ctx = new TestActionContext(action, params);
        contexts.add(ctx);
        ActionResult r = c.execute(ctx).toCompletableFuture().join();
        assertFalse(r.toString().contains(TOKEN), r.toString());
        return r;
    }

    private ActionResult run(String action, Object... kv) {
        return run(connections.isEmpty() ? connect() : connections.get(0), action, kv);
    }

    private static Map<?, ?> item(ActionResult r) {
        return (Map<?, ?>) r.data().get(0);
    }

    @Test
    void isFoundByServiceLoaderWithItsActionsOnlyReadsSafeToRepeat() {
        App app = ServiceLoader.load(App.class).stream().map(ServiceLoader.Provider::get)
                .filter(a -> a.spec().id().equals("http")).findFirst().orElseThrow();
        assertEquals(List.of("test connectivity", "get data", "post data", "put data", "patch data", "delete data",
                "head data"), app.spec().actions().stream().map(ActionSpec::name).toList());
        assertEquals(List.of("test connectivity", "get data", "head data"), app.spec().actions().stream().filter(ActionSpec::idempotent)
                .map(ActionSpec::name).toList());
        assertTrue(app.spec().configField("token").orElseThrow().secret());
        assertTrue(app.spec().action("get data").orElseThrow().output("action_result.data.*.status_code").isPresent());
    }

    @Test
    void getSendsThePathQueryAndHeadersAndReturnsTypedOutputs() {
        server.answer(Answer.json(200, "{\"id\":42,\"tags\":[\"a\"]}").withHeader("X-Request-Id", "r1"));
        AppConnection c = connect("default_headers", "{\"Accept\":\"application/json\",\"X-Team\":\"soc\"}");
        ActionResult r = run(c, "get data", "location", "/users/42 x", "query", Map.of("page", 2.0, "q", "a&b"),
                "headers", Map.of("X-Team", "ir"));
        assertTrue(r.succeeded(), r.message());
        LoopbackServer.Request req = server.requests().get(0);
        assertEquals("GET", req.method());
        assertEquals("/api/v1/users/42%20x", req.path());
        assertTrue(req.query().equals("page=2&q=a%26b") || req.query().equals("q=a%26b&page=2"), req.query());
        assertEquals("Bearer " + TOKEN, req.authorization());
        assertEquals("ir", req.header("X-Team"), "the action's headers win over the asset's");
        assertEquals("application/json", req.header("Accept"));
        assertEquals(200, item(r).get("status_code"));
        assertEquals(Map.of("id", 42, "tags", List.of("a")), item(r).get("response_body"));
        assertEquals(item(r).get("response_body"), item(r).get("parsed_response_body"));
        assertEquals("r1", ((Map<?, ?>) item(r).get("headers")).get("x-request-id"));
        assertEquals(Map.of("status_code", 200, "reason", "OK"), r.summary());
        assertEquals("HTTP 200 OK from GET /api/v1/users/42%20x", r.message());
    }

    @Test
    void bodiesAreJsonOrTextAndAJsonTypeNeedsJson() {
        server.handler(req -> Answer.json(201, "{}"));
        assertTrue(run("post data", "location", "items", "body", Map.of("name", "IR 42")).succeeded());
        assertEquals("{\"name\":\"IR 42\"}", server.requests().get(0).body());
        assertEquals("application/json", server.requests().get(0).contentType().split(";")[0]);
        run("put data", "location", "notes/1", "body", "plain words");
        assertEquals("plain words", server.requests().get(1).body());
        assertEquals("text/plain; charset=UTF-8", server.requests().get(1).contentType());
        ActionResult bad = run("patch data", "location", "items/1", "body", "{not json", "content_type",
                "application/json");
        assertFalse(bad.succeeded());
        assertTrue(bad.message().startsWith("body is not JSON, but content_type is application/json: "),
                bad.message());
        assertEquals(2, server.requests().size(), "nothing was sent");
    }

    @Test
    void aLocationCannotEscapeBaseUrl() {
        for (String escape : List.of("../admin", "/a/../../admin", "%2e%2e/admin", "a/%2E%2E/%2e%2e/b", "./x")) {
            ActionResult r = run("get data", "location", escape);
            assertFalse(r.succeeded(), escape);
            assertTrue(r.message().startsWith("location '" + escape + "' escapes base_url"), r.message());
        }
        for (String absolute : List.of("http://evil.example/x", "//evil.example/x", "file:///etc/passwd")) {
            ActionResult r = run("get data", "location", absolute);
            assertEquals("location '" + absolute + "' is an absolute URL, but asset 'api' allows only paths under "
                    + "its base_url (set allow_absolute_urls: true to allow it)", r.message());
        }
        assertEquals("location is required: a path under base_url such as /users/42",
                run("get data", "location", " ").message());
        assertEquals(0, server.requests().size());
    }

    @Test
    void anAllowedAbsoluteUrlToAnotherHostGetsNoCredentials() {
        try (LoopbackServer other = LoopbackServer.start()) {
            other.answer(Answer.json(200, "{}"));
            AppConnection c = connect("allow_absolute_urls", true);
            assertTrue(run(c, "get data", "location", other.url("/open")).succeeded());
            assertNull(other.requests().get(0).authorization());
        }
    }

    @Test
    void aNon2xxIsAFailureWithTheStatusAndAShortMaskedExcerpt() {
        server.answer(Answer.json(401, "{\"error\":\"token " + TOKEN + " is expired\"}"));
        ActionResult r = run("get data", "location", "/me");
        assertFalse(r.succeeded());
        assertEquals("HTTP 401 Unauthorized from GET /api/v1/me: {\"error\":\"token *** is expired\"}", r.message());
        assertEquals(401, item(r).get("status_code"), "the answer is still there for a failure branch");
        server.answer(Answer.html(404, "<html><body><h1>Not here</h1>" + "x".repeat(500) + "</body></html>"));
        String m = run("get data", "location", "/gone").message();
        assertTrue(m.startsWith("HTTP 404 Not Found from GET /api/v1/gone: Not here xxx"), m);
        assertTrue(m.length() < 300, m);
        server.answer(Answer.json(404, "{}"));
        assertTrue(run("get data", "location", "/gone", "expect_status", "200, 404").succeeded());
        assertEquals("expect_status must be HTTP statuses (100 to 599), not 'ok'",
                run("get data", "location", "/x", "expect_status", "ok").message());
    }

    @Test
    void faultsRepeatOnlyWhatIsSafe() {
        server.answer(Answer.json(503, "{}"), Answer.drop(), Answer.json(429, "{}").withHeader("Retry-After", "2"),
                Answer.json(200, "{\"ok\":1}"));
        assertTrue(run("get data", "location", "/x").succeeded());
        assertEquals(4, server.requests().size());
        server.clearRequests();

        server.answer(Answer.json(500, "{\"msg\":\"boom\"}"));
        ActionResult r500 = run("post data", "location", "/orders", "body", Map.of("n", 1));
        assertEquals("HTTP 500 Internal Server Error from POST /api/v1/orders: {\"msg\":\"boom\"}; it may or may not have "
                + "taken effect: check the server before running it again", r500.message());
        server.answer(Answer.drop());
        ActionResult dropped = run("delete data", "location", "/orders/1");
        assertTrue(dropped.message().contains("DELETE /api/v1/orders/1 may or may not have taken effect"),
                dropped.message());
        server.answer(Answer.json(429, "{}").withHeader("Retry-After", "5"), Answer.json(201, "{}"));
        assertTrue(run("post data", "location", "/orders", "body", Map.of("n", 2)).succeeded());
        long posts = server.requests().stream().filter(q -> !q.method().equals("GET")).count();
        assertEquals(4, posts, "500 once, drop once, 429 then 201: nothing that may have been applied was sent twice");
        assertEquals(List.of(Duration.ofSeconds(5)), contexts.get(contexts.size() - 1).delays());
        server.clearRequests();

        server.answer(Answer.json(500, "{}"), Answer.json(200, "{}"));
        assertTrue(run("put data", "location", "/orders/1", "body", Map.of(), "idempotent", true).succeeded());
        assertEquals(2, server.requests().size(), "marked idempotent: sent again");
    }

    @Test
    void apiKeysInTheQueryAreSentAndNeverShown() {
        server.answer(Answer.json(200, "{}"));
        AppConnection c = connect("auth", "api_key_query", "api_key", TOKEN, "api_key_name", "key");
        ActionResult r = run(c, "get data", "location", "/x?a=1");
        assertEquals("a=1&key=" + TOKEN, server.requests().get(0).query());
        assertEquals(server.url("/api/v1/x?a=1&key=***"), item(r).get("location"));
        server.answer(Answer.json(200, "{}"));
        run(connect("auth", "api_key_header", "api_key", TOKEN), "head data", "location", "/x");
        assertEquals(TOKEN, server.requests().get(1).header("X-API-Key"));
        assertEquals("HEAD", server.requests().get(1).method());
    }

    @Test
    void basicAuthAndItsEchoIsMasked() {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("soc:" + TOKEN).getBytes());
        server.answer(Answer.json(403, "{\"seen\":\"" + basic + "\"}"));
        ActionResult r = run(connect("auth", "basic", "username", "soc", "password", TOKEN), "get data",
                "location", "/x");
        assertEquals(basic, server.requests().get(0).authorization());
        assertFalse(r.toString().contains(basic.substring(6)), r.toString());
    }

    @Test
    void badAssetsAreRefusedNamingTheField() {
        assertEquals("asset 'api': auth basic needs password (a secret: ${env:NAME} or ${file:PATH})",
                assertThrows(IllegalArgumentException.class, () -> connect("auth", "basic", "username", "u"))
                        .getMessage());
        assertEquals("asset 'api': auth must be none, basic, bearer, api_key_header or api_key_query, not 'oauth'",
                assertThrows(IllegalArgumentException.class, () -> connect("auth", "oauth")).getMessage());
        assertEquals("asset 'api': base_url 'ftp://x' must be an http(s) URL such as https://host.example.com",
                assertThrows(IllegalArgumentException.class, () -> connect("base_url", "ftp://x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> connect("base_url", "http://a b/"))
                .getMessage().startsWith("asset 'api': base_url 'http://a b' is not a URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> connect("default_headers", "{\"X\": "))
                .getMessage().startsWith("asset 'api': default_headers must be an object"));
    }

    @Test
    void largeAndMalformedAnswersAreReadableFailures() {
        server.answer(Answer.text(200, "y".repeat(5000), "text/plain"));
        ActionResult big = run(connect("max_response_bytes", 1000), "get data", "location", "/big");
        assertEquals("the answer from 127.0.0.1:" + server.port() + " is larger than 1000 bytes "
                + "(max_response_bytes): it announces 5000 bytes", big.message());
        server.answer(Answer.json(200, "{\"a\":"));
        ActionResult bad = run("get data", "location", "/half");
        assertFalse(bad.succeeded());
        assertTrue(bad.message().startsWith("HTTP 200 OK from GET /api/v1/half: the answer says it is "
                + "application/json but is not valid JSON"), bad.message());
        assertEquals("{\"a\":", item(bad).get("response_body"));
    }

    @Test
    void failuresSayWhetherTryingAgainCanHelp() {
        server.answer(Answer.json(404, "{}"));
        assertEquals(ActionResult.Failure.PERMANENT, run("get data", "location", "/x").failure());
        for (int i = 0; i < 4; i++) {
            server.answer(Answer.json(503, "{}"));
        }
        assertEquals(ActionResult.Failure.TRANSIENT, run("get data", "location", "/x").failure());
        assertEquals(ActionResult.Failure.PERMANENT, run("get data", "location", "../x").failure());
        server.answer(Answer.json(200, "{}"));
        assertNull(run("get data", "location", "/x").failure());
    }

    @Test
    void testConnectivityGetsBaseUrlWithTheCredentials() {
        server.answer(Answer.json(200, "{}"), Answer.json(401, "{}"));
        ActionResult ok = run("test connectivity");
        assertEquals("connected to " + server.url("/api/v1") + ": HTTP 200 OK", ok.message());
        assertEquals("/api/v1", server.requests().get(0).path());
        assertEquals("Bearer " + TOKEN, server.requests().get(0).authorization());
        ActionResult refused = run("test connectivity");
        assertEquals(server.url("/api/v1") + " refused the credentials (HTTP 401 Unauthorized); check auth and its "
                + "secret", refused.message());
    }

    @Test
    void aRedirectToAnotherHostIsFollowedWithoutTheToken() {
        try (LoopbackServer other = LoopbackServer.start()) {
            other.answer(Answer.json(200, "{\"moved\":true}"));
            server.answer(Answer.json(302, "").withHeader("Location", other.url("/new")));
            ActionResult r = run("get data", "location", "/old");
            assertTrue(r.succeeded(), r.message());
            assertNull(other.requests().get(0).authorization());
            assertEquals(other.url("/new"), item(r).get("location"));
        }
    }
}
