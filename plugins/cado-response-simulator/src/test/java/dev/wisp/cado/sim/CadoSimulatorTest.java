package dev.wisp.cado.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CadoSimulatorTest {
    private static final String TOKEN = "sim-token-abcdef0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private CadoSimulator sim;

    @BeforeEach
    void start() {
        sim = CadoSimulator.start(SimulatorOptions.defaults(TOKEN).withSteps(4, 1));
    }

    @AfterEach
    void stop() {
        sim.requests().forEach(r -> assertFalse(r.contains(TOKEN), r));
        sim.close();
    }

    private HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> r = call(method, path, body, TOKEN);
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        return JSON.readTree(r.body());
    }

    @Test
    void checksTheBearerTokenStrictly() throws Exception {
        for (String token : new String[] {null, "wrong", TOKEN + "x"}) {
            HttpResponse<String> r = call("GET", "/projects", null, token);
            assertEquals(401, r.statusCode());
            assertEquals("{\"msg\":\"Unauthorized\"}", r.body());
        }
        assertEquals("Running", ok("GET", "/system/status", null, 200).get("status").asText());
    }

    @Test
    void createsAndListsProjectsWithTheDocumentedErrors() throws Exception {
        JsonNode created = ok("POST", "/projects", "{\"caseName\":\"IR-1\"}", 201);
        assertEquals("Created", created.get("msg").asText());
        long id = created.get("id").asLong();
        assertEquals("Project name already exists", ok("POST", "/projects/", "{\"caseName\":\"IR-1\"}", 409)
                .get("msg").asText());
        ok("POST", "/projects", "{\"caseName\":\"\"}", 400);
        ok("POST", "/projects", "{\"caseName\":\"" + "x".repeat(81) + "\"}", 400);
        ok("POST", "/projects", "not json", 400);
        JsonNode list = ok("GET", "/projects", null, 200);
        assertEquals(List.of(1L, id), List.of(list.get(0).get("id").asLong(), list.get(1).get("id").asLong()));
        assertEquals("IR-1", list.get(1).get("caseName").asText());
        assertTrue(ok("GET", "/projects/999/imports/ec2", null, 404).get("msg").asText()
                .startsWith("The requested URL was not found"));
        ok("DELETE", "/projects", null, 405);
    }

    @Test
    void listsInstancesByRegionAndBucketsAsStrings() throws Exception {
        assertEquals(4, ok("GET", "/projects/1/imports/ec2", null, 200).get("instances").size());
        JsonNode west = ok("GET", "/projects/1/imports/ec2?region=us-west-2", null, 200).get("instances");
        assertEquals(2, west.size());
        assertEquals("us-west-2", west.get(0).get("region").get("name").asText());
        assertEquals(0, ok("GET", "/projects/1/imports/ec2?region=eu-north-9", null, 200).get("instances").size());
        assertTrue(ok("GET", "/projects/1/imports/s3", null, 200).get("buckets").get(0).isTextual());
    }

    @Test
    void aCapturedInstancesPipelineProgressesWithEachPollAndTerminates() throws Exception {
        JsonNode stub = ok("POST", "/projects/1/imports/ec2", "{\"instance_id\":\"i-0a1b2c3d4e5f60001\","
                + "\"region\":\"us-east-1\",\"bucket\":\"evidence-bucket\",\"compress\":\"True\"}", 200);
        long id = stub.get("pipeline_id").asLong();
        assertEquals("Acquiring i-0a1b2c3d4e5f60001", stub.get("name").asText());
        assertEquals(1, stub.get("subtasks").get(0).size(), "stub subtasks are only ids");
        JsonNode p = null;
        int polls = 0;
        do {
            p = ok("GET", "/tasks/pipelines?pipeline_id=" + id, null, 200);
            polls++;
        } while (!p.get("terminated").asBoolean() && polls < 20);
        assertEquals(8, polls, "4 subtasks, one state change per poll");
        assertEquals(4, p.get("summary").get("success").asInt());
        assertFalse(p.get("can_be_terminated").asBoolean());
        assertEquals(1, ok("GET", "/tasks/pipelines?project_id=1", null, 200).get("pipelines").size());
        assertEquals("Pipeline not found", ok("GET", "/tasks/pipelines?pipeline_id=999", null, 404).get("msg").asText());
    }

    @Test
    void failingInstancesFailOneSubtaskAndCancelTheRest() throws Exception {
        long id = ok("POST", "/projects/1/imports/ec2", "{\"instance_id\":\"i-0fa11fa11fa11fa11\"}", 200)
                .get("pipeline_id").asLong();
        JsonNode p;
        do {
            p = ok("GET", "/tasks/pipelines?pipeline_id=" + id, null, 200);
        } while (!p.get("terminated").asBoolean());
        assertEquals(1, p.get("summary").get("failure").asInt());
        assertTrue(p.get("summary").get("cancelled").asInt() > 0);
        ok("POST", "/projects/1/imports/ec2", "{\"region\":\"us-east-1\"}", 400);
        ok("POST", "/projects/1/imports/ec2", "{\"instance_id\":\"i-unknown\"}", 404);
    }

    @Test
    void capturesBucketsWholeOrOneFile() throws Exception {
        assertEquals(2, ok("POST", "/projects/1/imports/s3", "{\"bucket\":\"cloudtrail-logs\",\"as_single_items\":\"yes\"}",
                200).get("pipelines").size());
        assertEquals(1, ok("POST", "/projects/1/imports/s3", "{\"bucket\":\"cloudtrail-logs\",\"file_name\":"
                + "\"AWSLogs/2026/11/22/trail-2.json.gz\"}", 200).get("pipelines").size());
        ok("POST", "/projects/1/imports/s3", "{\"bucket\":\"nope\"}", 404);
    }

    @Test
    void listedPipelinesAndProjectsSayWhenTheyWereCreatedAndWhatTheyProcess() throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-22T10:00:01.5Z"),
                java.time.ZoneOffset.UTC);
        try (CadoSimulator fixed = CadoSimulator.start(new SimulatorOptions("127.0.0.1", 0, TOKEN, 4, 1, clock,
                SimulatorOptions.Faults.none()))) {
            CadoSimulator mine = sim;
            sim = fixed;
            try {
                ok("POST", "/projects", "{\"caseName\":\"IR-9\"}", 201);
                assertEquals("2026-11-22T10:00:01.500000", ok("GET", "/projects", null, 200).get(1).get("created")
                        .asText());
                ok("POST", "/projects/1/imports/ec2", "{\"instance_id\":\"i-0a1b2c3d4e5f60001\"}", 200);
                ok("POST", "/projects/1/imports/s3", "{\"bucket\":\"cloudtrail-logs\",\"file_name\":"
                        + "\"AWSLogs/2026/11/22/trail-2.json.gz\"}", 200);
                JsonNode listed = ok("GET", "/tasks/pipelines?project_id=1", null, 200).get("pipelines");
                assertEquals("2026-11-22T10:00:01.500000", listed.get(0).get("created").asText());
                assertEquals("Acquiring i-0a1b2c3d4e5f60001", listed.get(0).get("name").asText());
                assertEquals("", listed.get(0).get("evidence_name").asText());
                assertEquals("processing", listed.get(1).get("pipeline_type").asText());
                assertEquals("trail-2.json.gz", listed.get(1).get("evidence_name").asText());
            } finally {
                sim = mine;
            }
        }
    }

    @Test
    void injectsFaultsReproducibly() throws Exception {
        sim.faults(new SimulatorOptions.Faults(0, 1.0, 0, 0, 7));
        HttpResponse<String> r = call("GET", "/projects", null, TOKEN);
        assertEquals(429, r.statusCode());
        assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
        sim.faults(new SimulatorOptions.Faults(1.0, 0, 0, 0, 7));
        assertEquals(503, call("GET", "/projects", null, TOKEN).statusCode());
        sim.faults(new SimulatorOptions.Faults(0, 0, 1.0, 0, 7));
        assertThrows(IOException.class, () -> call("GET", "/projects", null, TOKEN));
        sim.faults(SimulatorOptions.Faults.none());
        assertEquals(200, call("GET", "/projects", null, TOKEN).statusCode());
    }

    @Test
    void faultsAfterProcessingLeaveTheEffectAndBurstsOf429SayWhenTheyEnd() throws Exception {
        sim.faults(new SimulatorOptions.Faults(0, 0, 0, 0, 7, false, 1.0, 0));
        assertEquals(500, call("POST", "/projects", "{\"caseName\":\"After 500\"}", TOKEN).statusCode());
        sim.faults(new SimulatorOptions.Faults(0, 0, 1.0, 0, 7));
        assertThrows(IOException.class, () -> call("POST", "/projects", "{\"caseName\":\"After drop\"}", TOKEN));
        sim.faults(SimulatorOptions.Faults.none());
        String projects = call("GET", "/projects", null, TOKEN).body();
        assertTrue(projects.contains("After 500") && projects.contains("After drop"), projects);
        assertTrue(sim.requests().contains("POST /api/v2/projects 201 answered-500"), sim.requests().toString());
        assertTrue(sim.requests().contains("POST /api/v2/projects 201 dropped"), sim.requests().toString());
        sim.faults(new SimulatorOptions.Faults(0, 1.0, 0, 0, 7, false, 0, 60_000));
        HttpResponse<String> first = call("GET", "/projects", null, TOKEN);
        assertEquals(429, first.statusCode());
        assertEquals("60", first.headers().firstValue("Retry-After").orElse(""));
        sim.faults(new SimulatorOptions.Faults(0, 0, 0, 0, 7, false, 0, 60_000));
        assertEquals(429, call("GET", "/projects", null, TOKEN).statusCode(), "the burst goes on");
    }

    @Test
    void servesManyCapturesAtOnce() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/projects/1/imports/ec2"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"instance_id\":\"i-0a1b2c3d4e5f60002\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (var f : all) {
            ids.add(JSON.readTree(f.get().body()).get("pipeline_id").asLong());
        }
        assertEquals(50, ids.size(), "every capture got its own pipeline");
    }
}
