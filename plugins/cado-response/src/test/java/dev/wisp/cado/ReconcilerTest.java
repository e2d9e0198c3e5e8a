package dev.wisp.cado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.Reconciliation.Outcome;
import dev.wisp.spi.Reconciliation;
import dev.wisp.spi.testing.LoopbackServer.Answer;
import dev.wisp.spi.testing.LoopbackServer;
import dev.wisp.spi.testing.TestActionContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reconciling create project, and how every reconcile fails: exact requests against an in-process server. */
class ReconcilerTest {
    static final String TOKEN = "s3cr3t-Token-0123456789abcdef";
    static final Instant STARTED = Instant.parse("2026-11-22T10:00:00Z");
    private LoopbackServer server;
    private AppConnection connection;
    private final List<TestActionContext> contexts = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = LoopbackServer.start();
        connection = connect(server);
    }

    static AppConnection connect(LoopbackServer server) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base_url", server.url("/api/v2"));
        config.put("access_token", TOKEN);
        config.put("default_project", 1);
        config.put("default_bucket", "evidence-bucket");
        config.put("default_region", "us-east-1");
        return new CadoResponseApp().connect(new AssetConfig("cado", "cado_response", config, Set.of("access_token")));
    }

    @AfterEach
    void stop() {
        connection.close();
        server.close();
        contexts.forEach(c -> c.lines().forEach(l -> assertFalse(l.contains(TOKEN), l)));
    }

    static Reconciliation reconcile(AppConnection connection, List<TestActionContext> contexts, String action,
                                    Object... kv) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put((String) kv[i], kv[i + 1]);
        }
        TestActionContext ctx = new TestActionContext(action, params);
        contexts.add(ctx);
        Reconciliation r = connection.reconcile(ctx, STARTED).toCompletableFuture().join();
        assertFalse(r.toString().contains(TOKEN), r.toString());
        return r;
    }

    private Reconciliation reconcile(String action, Object... kv) {
        return reconcile(connection, contexts, action, kv);
    }

    private LoopbackServer.Request only() {
        assertEquals(1, server.requests().size(), server.requests().toString());
        LoopbackServer.Request r = server.requests().get(0);
        assertEquals("GET", r.method());
        assertEquals("Bearer " + TOKEN, r.authorization());
        return r;
    }

    static String project(int id, String name, String created) {
        return "{\"id\":" + id + ",\"caseName\":\"" + name + "\",\"created\":\"" + created + "\",\"deleted\":false}";
    }

    @Test
    void aProjectWithTheExactNameIsFoundWithTheResultCreateProjectWouldHaveGiven() {
        server.answer(Answer.json(200, "[" + project(1, "Default", "2026-01-01T00:00:00.000000") + ","
                + project(7, "ir 42", "2026-11-22T10:00:00.500000") + "," + project(8, "IR 42", "2026-11-22T10:00:01.250000")
                + "]"));
        Reconciliation r = reconcile("create project", "project_name", "IR 42");
        assertEquals("/api/v2/projects", only().path());
        assertEquals(Outcome.FOUND, r.outcome(), r.detail());
        assertEquals(List.of(new LinkedHashMap<>(Map.of("id", 8)) {{ put("msg", null); }}), r.result().data());
        assertEquals(Map.of("project_id", 8), r.result().summary());
        assertEquals(Map.of("project_name", "IR 42"), r.result().parameter());
        assertEquals("created project 8 'IR 42' (found after the run was interrupted; created at "
                + "2026-11-22T10:00:01.250000)", r.detail());
    }

    @Test
    void noProjectWithTheNameMeansCreatingItAgainIsSafe() {
        server.answer(Answer.json(200, "[" + project(1, "Default", "2026-01-01T00:00:00.000000") + "]"));
        Reconciliation r = reconcile("create project", "project_name", "IR 42");
        assertEquals(Reconciliation.notFound("Cado Response has no project named 'IR 42': the interrupted execution "
                + "did not create it, so creating it again is safe"), r);
    }

    @Test
    void aProjectThatWasThereBeforeTheExecutionStartedIsNotTakenForIt() {
        server.answer(Answer.json(200, "[" + project(3, "IR 42", "2026-11-21T09:00:00.000000") + "]"));
        Reconciliation r = reconcile("create project", "project_name", "IR 42");
        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertEquals("a project named 'IR 42' exists (id 3), but it was created at 2026-11-21T09:00:00.000000, "
                + "before this execution started (2026-11-22T10:00:00Z, reading the server's time as UTC): it was "
                + "probably there already, and then Cado Response refused the interrupted request as a duplicate "
                + "name. Use that project if it is the right one, or choose another name", r.detail());
        server.answer(Answer.json(200, "[" + project(3, "IR 42", "2026-11-22T05:00:00.000000") + "]"));
        assertEquals(Outcome.UNKNOWN, reconcile("create project", "project_name", "IR 42").outcome(),
                "five hours older: there already, or a server writing local time");
    }

    @Test
    void aCreationTimeWithinTheClockSkewStillCounts() {
        server.answer(Answer.json(200, "[" + project(4, "IR", "2026-11-22T09:58:30.000000") + "]"));
        assertEquals(Outcome.FOUND, reconcile("create project", "project_name", "IR").outcome());
    }

    @Test
    void severalProjectsWithTheNameAreFoundOnlyWhenExactlyOneIsNew() {
        server.answer(Answer.json(200, "[" + project(3, "IR", "2026-11-21T09:00:00.000000") + ","
                + project(9, "IR", "2026-11-22T10:00:02.000000") + "]"));
        Reconciliation one = reconcile("create project", "project_name", "IR");
        assertEquals(9, one.result().summary().get("project_id"));
        server.answer(Answer.json(200, "[" + project(3, "IR", "2026-11-22T10:00:01.000000") + ","
                + project(9, "IR", "2026-11-22T10:00:02.000000") + "]"));
        Reconciliation two = reconcile("create project", "project_name", "IR");
        assertEquals(Reconciliation.unknown("2 projects are named 'IR' (id 3 created 2026-11-22T10:00:01.000000, "
                + "id 9 created 2026-11-22T10:00:02.000000) and their creation times do not single out one created "
                + "after this execution started (2026-11-22T10:00:00Z); check in Cado Response which one, if any, "
                + "this run created"), two);
        server.answer(Answer.json(200, "[{\"id\":3,\"caseName\":\"IR\"},{\"id\":9,\"caseName\":\"IR\"}]"));
        assertTrue(reconcile("create project", "project_name", "IR").detail()
                .startsWith("2 projects are named 'IR' (id 3 created an unreadable time, id 9"));
    }

    @Test
    void aProjectWithoutACreationTimeIsFoundByItsNameAlone() {
        server.answer(Answer.json(200, "[{\"id\":5,\"caseName\":\"IR\"}]"));
        assertEquals(Outcome.FOUND, reconcile("create project", "project_name", "IR").outcome());
    }

    @Test
    void aDeletedProjectIsNotFoundButReported() {
        server.answer(Answer.json(200, "[{\"id\":5,\"caseName\":\"IR\",\"created\":\"2026-11-22T10:00:01.000000\","
                + "\"deleted\":true}]"));
        assertEquals(Reconciliation.unknown("project 5 'IR' was created at 2026-11-22T10:00:01.000000 but has been "
                + "deleted since; decide whether to create it again"), reconcile("create project", "project_name", "IR"));
    }

    @Test
    void lookupsAreRetriedLikeEveryGet() {
        server.answer(Answer.json(503, "{\"msg\":\"busy\"}"), Answer.json(200, "[]"));
        TestActionContext ctx = new TestActionContext("create project", Map.of("project_name", "IR"));
        contexts.add(ctx);
        Reconciliation r = connection.reconcile(ctx, STARTED).toCompletableFuture().join();
        assertEquals(Outcome.NOT_FOUND, r.outcome());
        assertEquals(2, server.requests().size());
        assertEquals(List.of(Duration.ofSeconds(1)), ctx.delays());
    }

    @Test
    void serverErrorsAreUnknownWithAReadableMessageNeverAnException() {
        for (int i = 0; i < 4; i++) { // a GET is sent again after a 500: four attempts in all
            server.answer(Answer.json(500, "{\"msg\":\"database down, token " + TOKEN + "\"}"));
        }
        Reconciliation r = reconcile("create project", "project_name", "IR");
        assertEquals(Reconciliation.unknown("could not look for the effect of the interrupted 'create project': "
                + "Cado Response failed (HTTP 500: database down, token ***). It may or may not have taken effect; "
                + "check in Cado Response (list projects) whether a project named 'IR' exists before creating it "
                + "again"), r);
        server.answer(Answer.json(401, "{\"msg\":\"Unauthorized\"}"));
        assertTrue(reconcile("create project", "project_name", "IR").detail().contains(
                "the access token was rejected (HTTP 401: Unauthorized); check access_token"));
        server.answer(Answer.json(200, "{\"projects\":[]}"));
        assertTrue(reconcile("create project", "project_name", "IR").detail().contains(
                "unexpected answer from Cado Response: the project list is a LinkedHashMap, expected a JSON list"));
        server.answer(Answer.json(200, "[{\"id\":1"));
        assertTrue(reconcile("create project", "project_name", "IR").detail().contains("malformed JSON"));
    }

    @Test
    void anUnreachableServerIsUnknown() {
        server.close();
        Reconciliation r = reconcile("capture instance", "project_id", 7, "instance_id", "i-1");
        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertTrue(r.detail().startsWith("could not look for the effect of the interrupted 'capture instance': "
                + "cannot connect to 127.0.0.1:"), r.detail());
        assertTrue(r.detail().endsWith("check the pipelines in project 7 (list pipelines) for 'Acquiring i-1' before "
                + "capturing it again"), r.detail());
    }

    @Test
    void badParametersAndOtherActionsAreUnknownWithoutARequest() {
        Reconciliation noName = reconcile("create project");
        assertEquals(Outcome.UNKNOWN, noName.outcome());
        assertTrue(noName.detail().startsWith("could not look for the effect of the interrupted 'create project': "
                + "project_name is required"), noName.detail());
        assertEquals(Reconciliation.unknown("this app cannot look for the effect of 'list projects'"),
                reconcile("list projects"));
        assertEquals(List.of(), server.requests());
    }
}
