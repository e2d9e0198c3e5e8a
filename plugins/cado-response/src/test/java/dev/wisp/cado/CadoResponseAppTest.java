package dev.wisp.cado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.spi.ActionResult;
import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.testing.LoopbackServer.Answer;
import dev.wisp.spi.testing.LoopbackServer;
import dev.wisp.spi.testing.TestActionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every action against an in-process server that checks the exact request. */
class CadoResponseAppTest {
    private static final String TOKEN = "s3cr3t-Token-0123456789abcdef";
    private LoopbackServer server;
    private AppConnection connection;
    private final List<TestActionContext> contexts = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = LoopbackServer.start();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base_url", server.url("/api/v2") + "/");
        config.put("access_token", TOKEN);
        config.put("default_project", 1);
        config.put("default_bucket", "evidence-bucket");
        config.put("default_region", "us-east-1");
        config.put("poll_interval", 60);
        config.put("max_wait", 600);
        connection = new CadoResponseApp().connect(new AssetConfig("cado", "cado_response", config,
                Set.of("access_token")));
    }

    @AfterEach
    void stop() {
        connection.close();
        server.close();
        for (TestActionContext c : contexts) {
            c.lines().forEach(l -> assertFalse(l.contains(TOKEN), "token in " + l));
        }
    }

    private ActionResult run(String action, Object... kv) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put((String) kv[i], kv[i + 1]);
        }
        TestActionContext ctx = new TestActionContext(action, params);
        contexts.add(ctx);
        ActionResult r = ctx.runSteps(connection); // as the engine runs it: loop pipeline polls in steps
        assertFalse(r.message().contains(TOKEN), r.message());
        assertFalse(r.toString().contains(TOKEN));
        return r;
    }

    private LoopbackServer.Request only() {
        assertEquals(1, server.requests().size(), server.requests().toString());
        LoopbackServer.Request r = server.requests().get(0);
        assertEquals("Bearer " + TOKEN, r.authorization());
        assertEquals("application/json", r.contentType().replace("; charset=UTF-8", ""));
        return r;
    }

    @Test
    void isFoundByServiceLoaderWithAllTenActions() {
        App app = ServiceLoader.load(App.class).stream().map(ServiceLoader.Provider::get)
                .filter(a -> a.spec().id().equals("cado_response")).findFirst().orElseThrow();
        assertEquals(List.of("test connectivity", "list projects", "create project", "list instances", "list buckets",
                "list pipelines", "get pipeline", "loop pipeline", "capture instance", "capture bucket"),
                app.spec().actions().stream().map(a -> a.name()).toList());
        assertTrue(app.spec().configField("access_token").orElseThrow().secret());
        assertEquals(true, app.spec().configField("verify_server_cert").orElseThrow().defaultValue());
    }

    @Test
    void testConnectivityChecksTheStatusEndpoint() {
        server.answer(Answer.json(200, "{\"status\":\"Running\"}"));
        ActionResult r = run("test connectivity");
        assertTrue(r.succeeded(), r.message());
        LoopbackServer.Request req = only();
        assertEquals("GET", req.method());
        assertEquals("/api/v2/system/status", req.path());
    }

    @Test
    void testConnectivityExplainsWhatIsWrong() {
        server.answer(Answer.json(401, "{\"msg\":\"Unauthorized\"}"));
        ActionResult rejected = run("test connectivity");
        assertEquals("the access token was rejected (HTTP 401: Unauthorized); check access_token", rejected.message());
        assertEquals(ActionResult.Failure.PERMANENT, rejected.failure());
        server.answer(Answer.html(404, "<html><body><h1>Not Found</h1></body></html>"));
        assertTrue(run("test connectivity").message().startsWith("no Cado Response v2 API answers at"));
        server.answer(Answer.html(200, "<html>login page</html>"));
        assertTrue(run("test connectivity").message().contains("expected JSON from Cado Response but got text/html"));
    }

    @Test
    void listProjectsRenamesCaseName() {
        server.answer(Answer.json(200, "[{\"id\":1,\"caseName\":\"Default\",\"users\":[]},{\"id\":2,\"caseName\":\"IR\"}]"));
        ActionResult r = run("list projects");
        assertEquals("/api/v2/projects", only().path());
        assertEquals(List.of(List.of(Map.of("id", 1, "case_name", "Default"), Map.of("id", 2, "case_name", "IR"))),
                r.data());
    }

    @Test
    void createProjectSendsCaseName() {
        server.answer(Answer.json(201, "{\"id\":7,\"msg\":\"Created\"}"));
        ActionResult r = run("create project", "project_name", "Incident \"42\"");
        LoopbackServer.Request req = only();
        assertEquals("POST", req.method());
        assertEquals("/api/v2/projects", req.path());
        assertEquals("{\"caseName\":\"Incident \\\"42\\\"\"}", req.body());
        assertEquals(List.of(Map.of("id", 7, "msg", "Created")), r.data());
        assertEquals(Map.of("project_id", 7), r.summary());
    }

    @Test
    void aDuplicateProjectNameIsExplainedAndNotRetried() {
        server.answer(Answer.json(409, "{\"msg\":\"Project name already exists\"}"));
        ActionResult r = run("create project", "project_name", "IR");
        assertEquals("a project named 'IR' already exists (HTTP 409: Project name already exists); choose another "
                + "name", r.message());
        assertEquals(1, server.requests().size());
    }

    @Test
    void listInstancesReadsRegionNamesAndUsesTheDefaultProject() {
        server.answer(Answer.json(200, "{\"instances\":[{\"id\":\"i-1\",\"instance_name\":\"web\",\"instance_type\":"
                + "\"t3\",\"_placement\":\"us-east-1a\",\"_state\":\"running\",\"ip_address\":\"null\","
                + "\"region\":{\"name\":\"us-east-1\"}}]}"));
        ActionResult r = run("list instances", "region", "us-east-1");
        LoopbackServer.Request req = only();
        assertEquals("/api/v2/projects/1/imports/ec2", req.path());
        assertEquals("region=us-east-1", req.query());
        Map<?, ?> row = (Map<?, ?>) ((List<?>) r.data().get(0)).get(0);
        assertEquals("us-east-1", row.get("region"));
        assertNull(row.get("ip_address"));
        assertEquals(1L, r.parameter().get("project_id"));
    }

    @Test
    void listBucketsTurnsNamesIntoRows() {
        server.answer(Answer.json(200, "{\"buckets\":[\"a\",\"b\"]}"));
        ActionResult r = run("list buckets", "project_id", 7.0);
        assertEquals("/api/v2/projects/7/imports/s3", only().path());
        assertEquals(List.of(List.of(Map.of("bucket_name", "a"), Map.of("bucket_name", "b"))), r.data());
    }

    @Test
    void listPipelinesSendsProjectIdAsAQuery() {
        server.answer(Answer.json(200, "{\"pipelines\":[{\"pipeline_id\":6}]}"));
        ActionResult r = run("list pipelines", "project_id", "3");
        LoopbackServer.Request req = only();
        assertEquals("/api/v2/tasks/pipelines", req.path());
        assertEquals("project_id=3", req.query());
        assertEquals(Map.of("total_pipelines", 1L), r.summary());
    }

    @Test
    void getPipelineAcceptsBothAnswerShapes() {
        server.answer(Answer.json(200, "{\"pipeline_id\":6,\"terminated\":false,\"subtasks\":[{\"state\":\"RUNNING\"}]}"),
                Answer.json(200, "{\"pipelines\":[{\"pipeline_id\":5},{\"pipeline_id\":6,\"terminated\":true,"
                        + "\"summary\":{\"total\":1,\"success\":1,\"failure\":0,\"cancelled\":0}}]}"));
        assertEquals("pipeline 6: running, 0 of 1 subtasks done", run("get pipeline", "pipeline_id", 6).message());
        assertEquals("pipeline_id=6", server.requests().get(0).query());
        assertEquals("pipeline 6: succeeded, 1 of 1 subtasks done", run("get pipeline", "pipeline_id", 6).message());
    }

    @Test
    void captureInstanceSendsBucketRegionAndFlagsAndReturnsThePipelineId() {
        server.answer(Answer.json(200, "{\"pipeline_id\":12,\"pipeline_type\":\"acquisition\",\"name\":\"Acquiring i-1\","
                + "\"project_id\":7,\"evidence_id\":0,\"subtasks\":[{\"id\":\"u\"}]}"));
        ActionResult r = run("capture instance", "project_id", 7, "instance_id", "i-1");
        LoopbackServer.Request req = only();
        assertEquals("POST", req.method());
        assertEquals("/api/v2/projects/7/imports/ec2", req.path());
        assertEquals("{\"instance_id\":\"i-1\",\"region\":\"us-east-1\",\"bucket\":\"evidence-bucket\",\"compress\":true,"
                + "\"include_disks\":true,\"include_hash\":false,\"include_logs\":true,\"include_screenshot\":true}",
                req.body());
        assertEquals(12, ((Map<?, ?>) r.data().get(0)).get("pipeline_id"));
        assertEquals("capture of i-1 started: pipeline 12", r.message());
    }

    @Test
    void captureBucketImportsEveryObjectUnlessAFileIsNamed() {
        server.answer(Answer.json(200, "{\"pipelines\":[{\"pipeline_id\":3},{\"pipeline_id\":4}]}"),
                Answer.json(200, "{\"pipelines\":[{\"pipeline_id\":5}]}"));
        ActionResult all = run("capture bucket", "project_id", 7, "bucket", "logs");
        assertEquals("{\"bucket\":\"logs\",\"as_single_items\":\"yes\"}", server.requests().get(0).body());
        assertEquals(List.of(List.of(Map.of("pipelines", Map.of("pipeline_id", 3)),
                Map.of("pipelines", Map.of("pipeline_id", 4)))), all.data());
        run("capture bucket", "project_id", 7, "bucket", "logs", "file_name", "a/b.dd");
        assertEquals("{\"bucket\":\"logs\",\"file_name\":\"a/b.dd\"}", server.requests().get(1).body());
    }

    @Test
    void idsInPathsAreEncoded() {
        server.answer(Answer.json(404, "{\"msg\":\"nope\"}"));
        ActionResult r = run("list buckets", "project_id", "12");
        assertEquals("/api/v2/projects/12/imports/s3", server.requests().get(0).path());
        assertEquals("project 12 not found (HTTP 404: nope)", r.message());
        assertEquals("project_id must be a whole number, not '1/../2'", run("list buckets", "project_id", "1/../2")
                .message());
        assertEquals("/projects/a%2Fb%20c", CadoHttp.path("projects", "a/b c"));
    }

    @Test
    void getsAreRetriedOn429HonouringRetryAfterAndOn503() {
        server.answer(Answer.json(429, "{\"msg\":\"slow down\"}").withHeader("Retry-After", "7"), Answer.json(503, "{\"msg\":\"busy\"}"),
                Answer.json(200, "{\"buckets\":[]}"));
        TestActionContext ctx = new TestActionContext("list buckets", Map.of("project_id", 1));
        contexts.add(ctx);
        ActionResult r = connection.execute(ctx).toCompletableFuture().join();
        assertTrue(r.succeeded(), r.message());
        assertEquals(3, server.requests().size());
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(2)), ctx.delays());
    }

    @Test
    void getsGiveUpAfterFourAttempts() {
        for (int i = 0; i < 4; i++) {
            server.answer(Answer.json(502, "{\"msg\":\"bad gateway\"}"));
        }
        ActionResult r = run("list projects");
        assertEquals("Cado Response failed (HTTP 502: bad gateway)", r.message());
        assertEquals(ActionResult.Failure.TRANSIENT, r.failure(), "a later retry may succeed");
        assertEquals(4, server.requests().size());
    }

    @Test
    void aPostThatReachedTheServerIsNeverRepeatedWhenItsEffectIsThere() {
        // a 503 to a POST leaves its effect unknown: the project is looked up by name, found, and not created again
        server.answer(Answer.json(503, "{\"msg\":\"busy\"}"), Answer.json(200, "[{\"id\":9,\"caseName\":\"x\","
                + "\"created\":\"2026-11-22T10:00:00.500000\",\"deleted\":false}]"));
        ActionResult found = run("create project", "project_name", "x");
        assertTrue(found.succeeded(), found.message());
        assertEquals(Map.of("project_id", 9), found.summary());
        assertEquals(List.of("POST", "GET"), server.requests().stream().map(LoopbackServer.Request::method).toList());
        server.clearRequests();
        server.answer(Answer.drop(), Answer.json(200, "{\"pipelines\":[]}"), Answer.json(200,
                "{\"pipeline_id\":12}"));
        ActionResult absent = run("capture instance", "project_id", 1, "instance_id", "i-1");
        assertTrue(absent.succeeded(), absent.message());
        assertEquals(List.of("POST /api/v2/projects/1/imports/ec2", "GET /api/v2/tasks/pipelines",
                "POST /api/v2/projects/1/imports/ec2"), server.requests().stream().map(r -> r.method() + " "
                + r.path()).toList(), "sent again only because the check found no pipeline");
    }

    @Test
    void aPostWhoseEffectCannotBeToldFailsSayingSo() {
        server.answer(Answer.json(500, "{\"msg\":\"database down\"}"), Answer.json(401, "{\"msg\":\"Unauthorized\"}"));
        ActionResult r = run("create project", "project_name", "x");
        assertFalse(r.succeeded());
        assertTrue(r.message().startsWith("Cado Response failed (HTTP 500: database down); whether it took effect "
                + "cannot be told: could not look for the effect of the interrupted 'create project': the access "
                + "token was rejected"), r.message());
        assertEquals(2, server.requests().size(), "one POST, one look");
    }

    @Test
    void malformedAnswersAreReadableFailures() {
        server.answer(Answer.json(200, "{\"buckets\": [\"a\""));
        assertTrue(run("list buckets", "project_id", 1).message().startsWith("Cado Response sent malformed JSON (HTTP 200)"));
        server.answer(Answer.json(200, "{\"nothing\":1}"));
        assertEquals("unexpected answer from Cado Response: 'buckets' is missing, expected a JSON list",
                run("list buckets", "project_id", 1).message());
    }

    @Test
    void loopPipelinePollsUntilTerminatedKeepingEverySnapshot() {
        server.answer(Answer.json(200, "{\"pipeline_id\":6,\"terminated\":false,\"subtasks\":[{\"state\":\"RUNNING\"},"
                        + "{\"state\":\"PENDING\"}]}"),
                Answer.json(200, "{\"pipeline_id\":6,\"terminated\":false,\"subtasks\":[{\"state\":\"SUCCESS\"},"
                        + "{\"state\":\"RUNNING\"}]}"),
                Answer.json(200, "{\"pipeline_id\":6,\"terminated\":true,\"summary\":{\"total\":2,\"success\":2,"
                        + "\"failure\":0,\"cancelled\":0},\"subtasks\":[{\"state\":\"SUCCESS\"},{\"state\":\"SUCCESS\"}]}"));
        TestActionContext ctx = new TestActionContext("loop pipeline", Map.of("pipeline_id", 6, "interval", 30));
        contexts.add(ctx);
        ActionResult r = ctx.runSteps(connection);
        assertTrue(r.succeeded(), r.message());
        assertEquals(3, r.data().size());
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(30)), ctx.delays());
        assertEquals("pipeline 6 succeeded after 60s (2/2 subtasks)", r.message());
        assertEquals(Map.of("pipeline_id", 6L, "terminated", true, "state", "succeeded", "polls", 3L,
                "subtasks_done", 2L, "subtasks_total", 2L), r.summary());
        assertTrue(ctx.lines().contains("progress 1/2 pipeline 6: 1/2 subtasks"), ctx.lines().toString());
        assertEquals(3, ctx.steps(), "one poll a step");
    }

    @Test
    void aPollOfARunningPipelineContinuesWithWhatTheNextPollNeeds() {
        server.answer(Answer.json(200, "{\"pipeline_id\":6,\"terminated\":false,\"subtasks\":[{\"state\":\"RUNNING\"}]}"));
        TestActionContext ctx = new TestActionContext("loop pipeline", Map.of("pipeline_id", 6, "interval", 30));
        contexts.add(ctx);
        ActionResult r = connection.execute(ctx).toCompletableFuture().join();
        assertTrue(r.continues(), r.toString());
        assertEquals(Duration.ofSeconds(30), r.continuation().after());
        assertEquals(Map.of("started_at", TestActionContext.START.toEpochMilli(), "polls", 1L,
                "failures_in_a_row", 0L), r.continuation().state());
        assertEquals("pipeline 6: running, 0 of 1 subtasks done; next poll in 30s", r.message());
        assertEquals(6, ((Map<?, ?>) r.data().get(0)).get("pipeline_id"), "the snapshot, kept by the engine");
        assertEquals(List.of(), ctx.delays(), "it does not wait: the engine does, between steps");
    }

    @Test
    void aLaterPollGoesOnFromTheStateItWasGiven() {
        server.answer(Answer.json(200, "{\"pipeline_id\":6,\"terminated\":false,\"subtasks\":[{\"state\":\"RUNNING\"}]}"));
        // as after a resume: the loop began 150 s ago and polled 4 times; one more interval passes max_wait
        TestActionContext ctx = new TestActionContext("loop pipeline", Map.of("pipeline_id", 6, "interval", 60,
                "max_wait", 180)).withState(Map.of("started_at", TestActionContext.START.minusSeconds(150)
                .toEpochMilli(), "polls", 4, "failures_in_a_row", 2));
        contexts.add(ctx);
        ActionResult r = connection.execute(ctx).toCompletableFuture().join();
        assertFalse(r.continues());
        assertEquals("pipeline 6 is still running after 2m (max_wait 3m): running, 0 of 1 subtasks done",
                r.message());
        assertEquals(5L, r.summary().get("polls"));
    }

    @Test
    void loopPipelineFailsWhenThePipelineFailsOrTakesTooLong() {
        server.answer(Answer.json(200, "{\"pipeline_id\":6,\"terminated\":true,\"subtasks\":[{\"name\":\"Copy\","
                + "\"state\":\"FAILURE\",\"progress_text\":[\"disk unreadable\"]},{\"state\":\"CANCELLED\"}]}"));
        ActionResult failed = run("loop pipeline", "pipeline_id", 6);
        assertFalse(failed.succeeded());
        assertEquals("pipeline 6 failed after 0s (2/2 subtasks): Copy: disk unreadable", failed.message());
        assertEquals("failed", failed.summary().get("state"));
        server.answer(Answer.json(200, "{\"pipeline_id\":6,\"terminated\":true,\"subtasks\":[{\"state\":\"SUCCESS\"},"
                + "{\"state\":\"CANCELLED\"}]}"));
        ActionResult cancelled = run("loop pipeline", "pipeline_id", 6);
        assertFalse(cancelled.succeeded());
        assertEquals("cancelled", cancelled.summary().get("state"));
        for (int i = 0; i < 20; i++) {
            server.answer(Answer.json(200, "{\"pipeline_id\":6,\"terminated\":false,\"subtasks\":[{\"state\":\"RUNNING\"}]}"));
        }
        ActionResult slow = run("loop pipeline", "pipeline_id", 6, "interval", 60, "max_wait", 180);
        assertEquals("pipeline 6 is still running after 3m (max_wait 3m): running, 0 of 1 subtasks done",
                slow.message());
    }

    @Test
    void loopPipelineToleratesPollsThatFailForAWhile() {
        server.answer(Answer.json(200, "{\"pipeline_id\":6,\"terminated\":false,\"subtasks\":[{\"state\":\"RUNNING\"}]}"));
        for (int i = 0; i < 4; i++) { // one poll: four attempts, each a 500
            server.answer(Answer.json(500, "{\"msg\":\"database down\"}"));
        }
        server.answer(Answer.json(200, "{\"pipeline_id\":6,\"terminated\":true,\"subtasks\":[{\"state\":\"SUCCESS\"}]}"));
        TestActionContext ctx = new TestActionContext("loop pipeline", Map.of("pipeline_id", 6, "interval", 30));
        contexts.add(ctx);
        ActionResult r = ctx.runSteps(connection);
        assertTrue(r.succeeded(), r.message());
        assertEquals(2, r.data().size(), "the failed poll has no snapshot");
        assertTrue(ctx.logs().contains("poll 1 in a row of pipeline 6 failed (Cado Response failed (HTTP 500: "
                + "database down)); polling again in 30s (5 more failures tolerated)"), ctx.logs().toString());
    }

    @Test
    void loopPipelineGivesUpAfterMaxPollFailuresInARow() {
        server.answer(Answer.json(200, "{\"pipeline_id\":6,\"terminated\":false}"));
        for (int i = 0; i < 6 * 4; i++) {
            server.answer(Answer.json(503, "{\"msg\":\"busy\"}"));
        }
        ActionResult r = run("loop pipeline", "pipeline_id", 6, "interval", 30);
        assertFalse(r.succeeded());
        assertEquals("6 polls in a row of pipeline 6 failed (max_poll_failures 5); the last: Cado Response failed "
                + "(HTTP 503: busy)", r.message());
        assertEquals(1 + 6 * 4, server.requests().size());
    }

    @Test
    void aPollThatCannotSucceedStopsTheLoopAtOnce() {
        server.answer(Answer.json(404, "{\"msg\":\"Pipeline not found\"}"));
        assertEquals("pipeline 6 not found (HTTP 404: Pipeline not found)",
                run("loop pipeline", "pipeline_id", 6).message());
        assertEquals(1, server.requests().size());
    }

    @Test
    void aHundredLoopsHoldNothingBetweenPolls() throws Exception {
        for (int i = 0; i < 200; i++) {
            server.answer(Answer.json(200, "{\"pipeline_id\":1,\"terminated\":" + (i >= 100) + "}"));
        }
        long before = appThreads();
        List<TestActionContext> waiting = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<ActionResult>> polls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            TestActionContext ctx = new TestActionContext("loop pipeline", Map.of("pipeline_id", 1));
            waiting.add(ctx);
            polls.add(connection.execute(ctx).toCompletableFuture());
        }
        for (var p : polls) {
            assertTrue(p.get(10, java.util.concurrent.TimeUnit.SECONDS).continues(), "each poll ends; none waits");
        }
        assertTrue(appThreads() - before < 10, "threads grew by " + (appThreads() - before));
        for (int i = 0; i < 100; i++) {
            ActionResult next = connection.execute(waiting.get(i).withState(polls.get(i).join().continuation()
                    .state())).toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(next.succeeded() && !next.continues(), next.message());
        }
    }

    /** Threads but the loopback server's (it answers each request on a thread of its own). */
    private static long appThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.getName().startsWith("loopback-server"))
                .count();
    }

    @Test
    void connectionFailuresAreNamed() {
        server.close();
        ActionResult r = run("list projects");
        assertTrue(r.message().startsWith("cannot connect to 127.0.0.1:"), r.message());
    }

    @Test
    void aBaseUrlWithoutApiV2IsRefusedClearly() {
        Map<String, Object> config = Map.of("base_url", "https://cado.example.com", "access_token", TOKEN);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CadoResponseApp().connect(new AssetConfig("cado", "cado_response", config,
                        Set.of("access_token"))));
        assertEquals("asset 'cado': base_url 'https://cado.example.com' must end in /api/v2 (the Cado Response v2 "
                + "API), e.g. https://cado.example.com/api/v2", e.getMessage());
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredOnTheRunsClockAndCapped() {
        server.answer(Answer.json(429, "{\"msg\":\"slow down\"}").withHeader("Retry-After", "Sun, 22 Nov 2026 10:00:30 GMT"),
                Answer.json(429, "{\"msg\":\"slow down\"}").withHeader("Retry-After", "Mon, 23 Nov 2026 10:00:00 GMT"),
                Answer.json(200, "{\"buckets\":[]}"));
        TestActionContext ctx = new TestActionContext("list buckets", Map.of("project_id", 1));
        contexts.add(ctx);
        ActionResult r = connection.execute(ctx).toCompletableFuture().join();
        assertTrue(r.succeeded(), r.message());
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(2)), ctx.delays());
    }

    @Test
    void statusCodesBecomeMessagesNamingWhatWasAskedFor() {
        server.answer(Answer.json(403, "{\"msg\":\"Forbidden\"}"));
        assertEquals("the access token is not allowed to do this (HTTP 403: Forbidden)",
                run("list projects").message());
        server.answer(Answer.json(404, "{\"msg\":\"Project not found\"}"));
        assertEquals("project 5 not found (HTTP 404: Project not found)",
                run("list buckets", "project_id", 5).message());
        server.answer(Answer.json(404, "{\"msg\":\"Pipeline not found\"}"));
        assertEquals("pipeline 6 not found (HTTP 404: Pipeline not found)",
                run("get pipeline", "pipeline_id", 6).message());
        server.answer(Answer.json(500, "{\"msg\":\"database down\"}"));
        for (int i = 0; i < 4; i++) {
            server.answer(Answer.json(500, "{\"msg\":\"database down\"}"));
        }
        assertEquals("Cado Response failed (HTTP 500: database down)", run("list projects").message(),
                "a GET is sent four times before a 500 stands");
        server.answer(Answer.html(502, "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"),
                Answer.html(502, "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"),
                Answer.html(502, "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"),
                Answer.html(502, "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"));
        String proxy = run("list projects").message();
        assertFalse(proxy.contains("<"), proxy);
        assertTrue(proxy.contains("502 Bad Gateway"), proxy);
    }

    @Test
    void aRefusedPostIsRetriedBecauseItNeverReachedTheServer() {
        server.close();
        TestActionContext ctx = new TestActionContext("create project", Map.of("project_name", "x"));
        contexts.add(ctx);
        ActionResult r = connection.execute(ctx).toCompletableFuture().join();
        assertTrue(r.message().startsWith("cannot connect to 127.0.0.1:"), r.message());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), ctx.delays());
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsATimeoutNotAHang() throws Exception {
        // the POST times out (its answer would come after read_timeout): its effect is looked for, not repeated
        try (LoopbackServer slowServer = LoopbackServer.start()) {
            slowServer.answer(Answer.json(201, "{\"id\":3}").delayed(3_000), Answer.json(200, "[{\"id\":3,"
                    + "\"caseName\":\"x\",\"created\":\"2026-11-22T10:00:00.500000\",\"deleted\":false}]"));
            Map<String, Object> config = Map.of("base_url", slowServer.url("/api/v2"), "access_token", TOKEN,
                    "read_timeout", 1);
            try (AppConnection slow = new CadoResponseApp().connect(new AssetConfig("cado", "cado_response", config,
                    Set.of("access_token")))) {
                TestActionContext ctx = new TestActionContext("create project", Map.of("project_name", "x"));
                contexts.add(ctx);
                ActionResult r = slow.execute(ctx).toCompletableFuture().join();
                assertTrue(r.succeeded(), r.message());
                assertTrue(ctx.logs().get(0).startsWith("'create project' may or may not have taken effect (no answer "
                        + "from 127.0.0.1:"), ctx.logs().toString());
                assertEquals(List.of(CadoConnection.SETTLE), ctx.delays(), "a POST that may have arrived is not "
                        + "repeated: after a pause, it is looked for");
                assertEquals(1, slowServer.requests().stream().filter(q -> q.method().equals("POST")).count());
            }
        }
    }

    @Test
    void aCancelledExecutionAbortsItsRequestInsteadOfWaitingForTheAnswer() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        com.sun.net.httpserver.HttpServer silent = silentServer(arrived, release);
        Map<String, Object> config = Map.of("base_url", "http://127.0.0.1:" + silent.getAddress().getPort()
                + "/api/v2", "access_token", TOKEN, "read_timeout", 600);
        try (AppConnection slow = new CadoResponseApp().connect(new AssetConfig("cado", "cado_response", config,
                Set.of("access_token")))) {
            TestActionContext ctx = new TestActionContext("get pipeline", Map.of("pipeline_id", 6));
            contexts.add(ctx);
            java.util.concurrent.CompletableFuture<ActionResult> f = slow.execute(ctx).toCompletableFuture();
            assertTrue(arrived.await(10, java.util.concurrent.TimeUnit.SECONDS), "the request reached the server");
            ctx.cancel();
            // with a read timeout of 10 minutes, only an aborted request ends this soon
            ActionResult r = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(r.succeeded());
            assertTrue(r.message().contains("cancelled"), r.message());
            assertEquals(List.of(), ctx.delays(), "a cancelled request is not retried");
        } finally {
            release.countDown();
            silent.stop(0);
        }
    }

    /** A server that takes requests and answers none until {@code release}; {@code arrived} counts the first. */
    private static com.sun.net.httpserver.HttpServer silentServer(java.util.concurrent.CountDownLatch arrived,
                                                                  java.util.concurrent.CountDownLatch release)
            throws java.io.IOException {
        com.sun.net.httpserver.HttpServer silent = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        silent.createContext("/", ex -> {
            arrived.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        silent.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        silent.start();
        return silent;
    }
}
