package dev.wisp.soar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.spi.ActionResult;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.testing.LoopbackServer.Answer;
import dev.wisp.spi.testing.TestActionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The soar app: recording without a server, and Splunk SOAR's REST API on a loopback server that behaves like it. */
class SoarAppTest {
    private final FakeSoar soar = new FakeSoar();
    private final List<AppConnection> connections = new ArrayList<>();
    private final List<TestActionContext> contexts = new ArrayList<>();

    @AfterEach
    void stop() {
        connections.forEach(AppConnection::close);
        soar.close();
        contexts.forEach(c -> c.lines().forEach(l -> assertFalse(l.contains(FakeSoar.TOKEN), l)));
    }

    private AppConnection server(String token) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base_url", soar.url());
        config.put("token", token);
        AppConnection c = new SoarApp().connect(new AssetConfig("case", "soar", config, Set.of("token")));
        connections.add(c);
        return c;
    }

    private AppConnection recorder() {
        AppConnection c = new SoarApp().connect(new AssetConfig("soar", "soar", Map.of(), Set.of()));
        connections.add(c);
        return c;
    }

    private ActionResult run(AppConnection c, Map<String, Object> container, String action, Object... kv) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put((String) kv[i], kv[i + 1]);
        }
        TestActionContext ctx = new TestActionContext(action, params).withContainer(container);
        contexts.add(ctx);
        ActionResult r = c.execute(ctx).toCompletableFuture().join();
        assertFalse(r.toString().contains(FakeSoar.TOKEN), r.toString());
        return r;
    }

    private ActionResult send(String action, Object... kv) {
        return run(connections.isEmpty() ? server(FakeSoar.TOKEN) : connections.get(0), Map.of("id", 7), action, kv);
    }

    private static Map<?, ?> activity(ActionResult r) {
        return (Map<?, ?>) r.summary().get(ActionResult.CASE_ACTIVITY);
    }

    @Test
    void isFoundByServiceLoaderAndDeclaresOnlyTheUpdatesThatSetAValueAsSafeToRepeat() {
        App app = ServiceLoader.load(App.class).stream().map(ServiceLoader.Provider::get)
                .filter(a -> a.spec().id().equals("soar")).findFirst().orElseThrow();
        assertEquals(List.of("add comment", "add note", "set status", "set severity", "pin", "add tag",
                "create artifact", "update workbook task"), app.spec().actions().stream().map(ActionSpec::name)
                .toList());
        assertEquals(List.of("set status", "set severity", "add tag"), app.spec().actions().stream()
                .filter(ActionSpec::idempotent).map(ActionSpec::name).toList());
        assertTrue(app.spec().actions().stream().noneMatch(ActionSpec::readOnly));
        assertTrue(app.spec().configField("token").orElseThrow().secret());
    }

    @Test
    void withoutAServerEachActionIsRecordedAsCaseActivity() {
        ActionResult r = run(recorder(), Map.of(), "add note", "title", "Triage", "content", "two hosts",
                "note_format", "markdown", "note_type", "general");
        assertTrue(r.succeeded(), r.message());
        assertEquals("add note: recorded in the run report (no Splunk SOAR asset)", r.message());
        assertEquals("add note", activity(r).get("what"));
        assertEquals(Map.of("title", "Triage", "content", "two hosts", "note_format", "markdown", "note_type",
                "general"), activity(r).get("details"));
        assertEquals(false, r.summary().get("sent"));
        assertEquals("Triage", r.summary().get("title"));
    }

    @Test
    void parametersAreCheckedTheSameWayInBothModes() {
        for (AppConnection c : List.of(recorder(), server(FakeSoar.TOKEN))) {
            ActionResult r = run(c, Map.of("id", 7), "add note", "title", "x", "note_format", "rtf");
            assertEquals("add note: note_format must be markdown, html or text, not 'rtf'", r.message());
            assertEquals(ActionResult.Failure.PERMANENT, r.failure());
            assertEquals("add tag: tags is empty: give a comma-separated text or a list of tags",
                    run(c, Map.of("id", 7), "add tag", "tags", " , ").message());
            assertEquals("update workbook task: status must be incomplete, in progress or complete, not 'done'",
                    run(c, Map.of("id", 7), "update workbook task", "task_name", "Contain", "status", "done")
                            .message());
            assertTrue(run(c, Map.of("id", 7), "create artifact", "name", "a", "input_json", "x").message()
                    .startsWith("create artifact: input_json is not valid JSON: Unrecognized token 'x'"));
            assertEquals("create artifact: input_json must be a JSON object of artifact fields", run(c,
                    Map.of("id", 7), "create artifact", "name", "a", "input_json", "[1]").message());
        }
        assertEquals(0, soar.server.requests().size());
    }

    @Test
    void aCommentIsPostedToTheRunsContainerWithTheToken() {
        ActionResult r = send("add comment", "comment", "Investigating the sender");
        assertTrue(r.succeeded(), r.message());
        assertEquals("add comment: sent to Splunk SOAR (container 7)", r.message());
        assertEquals(List.of(Map.of("id", 101)), r.data());
        assertEquals(true, r.summary().get("sent"));
        assertEquals(Map.of("comment", "Investigating the sender"), activity(r).get("details"));
        assertEquals("Investigating the sender", soar.comments.get(0).get("comment"));
        var request = soar.server.requests().get(0);
        assertEquals("application/json", request.contentType().split(";")[0]);
        assertEquals("{\"container_id\":7,\"comment\":\"Investigating the sender\"}", request.body());
    }

    @Test
    void notesPinsAndArtifactsAreCreatedWithTheDocumentedFields() {
        assertTrue(send("add note", "title", "Triage", "content", "**two** hosts", "note_format", "markdown",
                "note_type", "general").succeeded());
        assertEquals(Map.of("container_id", 7, "title", "Triage", "content", "**two** hosts", "note_format",
                "markdown", "note_type", "general", "id", 101L), soar.notes.get(0));
        assertTrue(send("pin", "data", "3 hosts", "message", "Affected", "pin_type", "card", "pin_style", "red")
                .succeeded());
        assertEquals("red", soar.pins.get(0).get("pin_style"));
        ActionResult a = send("create artifact", "name", "sender", "label", "event", "cef",
                Map.of("fromEmail", "eve@example.com"), "cef_field", "sourceAddress", "cef_value", "198.51.100.7",
                "cef_data_type", "ip", "run_automation", false, "input_json", "{\"description\": \"from mail\"}");
        assertTrue(a.succeeded(), a.message());
        Map<String, Object> artifact = soar.artifacts.get(0);
        assertEquals(Map.of("fromEmail", "eve@example.com", "sourceAddress", "198.51.100.7"), artifact.get("cef"));
        assertEquals(Map.of("sourceAddress", List.of("ip")), artifact.get("cef_types"));
        assertEquals("from mail", artifact.get("description"));
        assertEquals(false, artifact.get("run_automation"));
    }

    @Test
    void statusAndSeverityUpdateTheContainer() {
        assertTrue(send("set status", "status", "open").succeeded());
        assertTrue(send("set severity", "severity", "high").succeeded());
        assertEquals("open", soar.container.get("status"));
        assertEquals("high", soar.container.get("severity"));
    }

    @Test
    void tagsAreAddedToTheCasesTagsOrReplaceThemAndGoToAnIndicatorWhenOneIsNamed() {
        ActionResult r = send("add tag", "tags", "phishing, vip", "overwrite", false);
        assertTrue(r.succeeded(), r.message());
        assertEquals(List.of("existing", "phishing", "vip"), soar.container.get("tags"));
        assertTrue(send("add tag", "tags", List.of("vip"), "overwrite", false).succeeded());
        assertEquals(List.of("existing", "phishing", "vip"), soar.container.get("tags"));
        assertTrue(send("add tag", "tags", "only", "overwrite", true).succeeded());
        assertEquals(List.of("only"), soar.container.get("tags"));
        assertTrue(send("add tag", "tags", "bad", "indicator", "198.51.100.7").succeeded());
        assertEquals(List.of("seen", "bad"), soar.indicator.get("tags"));
        assertEquals("add tag: GET /rest/indicator_by_value: not found (HTTP 404): indicator not found",
                send("add tag", "tags", "bad", "indicator", "203.0.113.9").message());
    }

    @Test
    void aWorkbookTaskIsFoundByNameThenUpdatedAndGetsItsNote() {
        ActionResult r = send("update workbook task", "task_name", "Contain", "status", "complete", "owner",
                "analyst", "note_title", "Contained", "note_content", "Host isolated");
        assertTrue(r.succeeded(), r.message());
        assertEquals(2, soar.tasks.get(0).get("status"));
        assertEquals("analyst", soar.tasks.get(0).get("owner"));
        assertEquals(0, soar.tasks.get(1).get("status"));
        assertEquals(31, soar.notes.get(0).get("task_id"));
        assertEquals("task", soar.notes.get(0).get("note_type"));
        assertEquals("update workbook task: the workbook of container 7 has no task named 'Eradicate'",
                send("update workbook task", "task_name", "Eradicate", "status", "complete").message());
    }

    @Test
    void aWrongTokenFailsPermanentlyAndNoMessageShowsTheToken() {
        ActionResult r = run(server("wrong-token-0123456789"), Map.of("id", 7), "add comment", "comment", "x");
        assertEquals("add comment: POST /rest/container_comment: Splunk SOAR refused the token (HTTP 401); check "
                + "the asset's token: Invalid token", r.message());
        assertEquals(ActionResult.Failure.PERMANENT, r.failure());
        assertTrue(soar.comments.isEmpty());
    }

    @Test
    void refusalsAndServerErrorsAreFailuresThatSaySo() {
        AppConnection c = server(FakeSoar.TOKEN);
        ActionResult missing = run(c, Map.of("id", 8), "set status", "status", "open");
        assertEquals("set status: POST /rest/container/8: not found (HTTP 404): container not found",
                missing.message());
        assertEquals(ActionResult.Failure.PERMANENT, missing.failure());

        soar.server.answer(Answer.json(500, "{\"failed\": true, \"message\": \"database is locked\"}"));
        ActionResult created = run(c, Map.of("id", 7), "add comment", "comment", "x");
        assertEquals("add comment: POST /rest/container_comment: HTTP 500: database is locked; it may or may not "
                + "have reached the case: look at it before running this again", created.message());
        assertEquals(ActionResult.Failure.TRANSIENT, created.failure());
        assertEquals(1, soar.server.requests().stream().filter(q -> q.path().equals("/rest/container_comment"))
                .count(), "a comment is never sent twice");

        soar.server.answer(Answer.json(503, "{\"failed\": true, \"message\": \"busy\"}"));
        assertTrue(run(c, Map.of("id", 7), "set severity", "severity", "low").succeeded(),
                "an update that sets a value is sent again after a passing fault");
        assertEquals("low", soar.container.get("severity"));

        soar.server.answer(Answer.json(400, "{\"failed\": true, \"message\": \"title is required\"}"));
        assertEquals("add note: POST /rest/note: HTTP 400: title is required", run(c, Map.of("id", 7), "add note",
                "title", "t").message());
    }

    @Test
    void aLostAnswerToACreationSaysItMayHaveHappened() {
        soar.server.answer(Answer.drop());
        ActionResult r = send("pin", "data", "x");
        assertFalse(r.succeeded());
        assertTrue(r.message().endsWith("; the pin may or may not have reached the case: look at it before running "
                + "this again"), r.message());
    }

    @Test
    void withoutTheEventsContainerIdNothingIsSent() {
        AppConnection c = server(FakeSoar.TOKEN);
        ActionResult r = run(c, Map.of("name", "case without id"), "add comment", "comment", "x");
        assertEquals("add comment: the run's event has no container id (container:id), so there is no Splunk SOAR "
                + "case to send it to: start the run with --event whose container has the case's id, or use an "
                + "asset without base_url to only record the activity", r.message());
        assertEquals(ActionResult.Failure.PERMANENT, r.failure());
        assertTrue(run(c, Map.of("id", "x7"), "add comment", "comment", "x").message()
                .contains("the container id 'x7', which is not a Splunk SOAR container id"));
        assertEquals(0, soar.server.requests().size());
    }

    @Test
    void anAssetWithOnlyHalfOfItsServerSettingsIsRefusedWithoutShowingTheToken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SoarApp().connect(
                new AssetConfig("case", "soar", Map.of("token", FakeSoar.TOKEN), Set.of("token"))));
        assertEquals("asset 'case': token is set but base_url is not; a Splunk SOAR asset needs both, and an asset "
                + "with neither only records the case activity in the run report", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SoarApp().connect(new AssetConfig("case", "soar",
                Map.of("base_url", soar.url()), Set.of("token"))));
    }

    @Test
    void aTokenEchoedByTheServerIsMasked() {
        soar.server.answer(Answer.json(400, "{\"failed\": true, \"message\": \"bad token " + FakeSoar.TOKEN
                + "\"}"));
        ActionResult r = send("add comment", "comment", "x");
        assertEquals("add comment: POST /rest/container_comment: HTTP 400: bad token ***", r.message());
    }
}
