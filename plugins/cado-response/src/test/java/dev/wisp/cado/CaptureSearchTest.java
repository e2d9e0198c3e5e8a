package dev.wisp.cado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.spi.AppConnection;
import dev.wisp.spi.Reconciliation.Outcome;
import dev.wisp.spi.Reconciliation;
import dev.wisp.spi.testing.LoopbackServer.Answer;
import dev.wisp.spi.testing.LoopbackServer;
import dev.wisp.spi.testing.TestActionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reconciling capture instance and capture bucket: exact requests against an in-process server. */
class CaptureSearchTest {
    private static final String NEW = "2026-11-22T10:00:03.000000";
    private static final String OLD = "2026-11-20T08:00:00.000000";
    private LoopbackServer server;
    private AppConnection connection;
    private final List<TestActionContext> contexts = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = LoopbackServer.start();
        connection = ReconcilerTest.connect(server);
    }

    @AfterEach
    void stop() {
        connection.close();
        server.close();
    }

    private Reconciliation reconcile(String action, Object... kv) {
        return ReconcilerTest.reconcile(connection, contexts, action, kv);
    }

    private static String pipeline(int id, String type, String name, String evidence, String created) {
        return "{\"pipeline_id\":" + id + ",\"pipeline_type\":\"" + type + "\",\"name\":\"" + name + "\","
                + "\"created\":\"" + created + "\",\"project_id\":7,\"project_name\":\"IR\",\"evidence_id\":" + id
                + ",\"evidence_name\":\"" + evidence + "\",\"user_id\":1,\"user_name\":\"admin\",\"terminated\":false,"
                + "\"subtasks\":[{\"task_id\":\"t-" + id + "\",\"state\":\"RUNNING\",\"name\":\"Copy\"}]}";
    }

    private void pipelines(String... objects) {
        server.answer(Answer.json(200, "{\"pipelines\":[" + String.join(",", objects) + "]}"));
    }

    @Test
    void theAcquisitionPipelineOfTheInstanceIsFoundShapedLikeTheCapturesAnswer() {
        pipelines(pipeline(3, "acquisition", "Acquiring i-1", "", OLD),
                pipeline(4, "acquisition", "Acquiring i-2", "", NEW),
                pipeline(5, "processing", "", "disk.vmdk", NEW),
                pipeline(6, "acquisition", "Acquiring i-1", "", NEW));
        Reconciliation r = reconcile("capture instance", "project_id", 7, "instance_id", "i-1");
        LoopbackServer.Request req = server.requests().get(0);
        assertEquals(1, server.requests().size());
        assertEquals("GET", req.method());
        assertEquals("/api/v2/tasks/pipelines", req.path());
        assertEquals("project_id=7", req.query());
        assertEquals(Outcome.FOUND, r.outcome(), r.detail());
        assertEquals(List.of(Map.of("pipeline_id", 6, "pipeline_type", "acquisition", "name", "Acquiring i-1",
                "created", NEW, "evidence_id", 6, "project_id", 7, "user_id", 1,
                "subtasks", List.of(Map.of("id", "t-6")))), r.result().data());
        assertEquals(Map.of("pipeline_id", 6), r.result().summary());
        assertEquals(Map.of("project_id", 7L, "instance_id", "i-1", "region", "us-east-1", "bucket",
                "evidence-bucket"), r.result().parameter());
        assertEquals("capture of i-1 started: pipeline 6 (found after the run was interrupted; created at " + NEW
                + ")", r.detail());
    }

    @Test
    void noNewAcquisitionPipelineMeansCapturingAgainIsSafe() {
        pipelines(pipeline(3, "acquisition", "Acquiring i-1", "", OLD), pipeline(4, "processing", "", "x", NEW));
        assertEquals(Reconciliation.notFound("no acquisition pipeline 'Acquiring i-1' in project 1 was created since "
                + "this execution started (2026-11-22T10:00:00Z, allowing for the server's time zone) (only older ones: id 3 created " + OLD + "): the "
                + "interrupted capture did not start, so starting it again is safe"),
                reconcile("capture instance", "instance_id", "i-1"));
        assertEquals("project_id=1", server.requests().get(0).query());
    }

    @Test
    void twoNewCapturesOfTheInstanceOrOneWithoutATimeAreUnknown() {
        pipelines(pipeline(6, "acquisition", "Acquiring i-1", "", NEW),
                pipeline(8, "Acquisition", "Acquiring i-1", "", "2026-11-22T10:00:09.000000"));
        assertEquals(Reconciliation.unknown("this execution started at 2026-11-22T10:00:00Z; acquisition pipelines "
                + "'Acquiring i-1' in project 7 that may be its capture: id 6 created " + NEW + ", id 8 created "
                + "2026-11-22T10:00:09.000000 (times read as UTC). One may be this capture, another a capture of the "
                + "same instance by someone else; check them (get pipeline) and decide whether to capture it again"),
                reconcile("capture instance", "project_id", 7, "instance_id", "i-1"));
        pipelines("{\"pipeline_id\":9,\"pipeline_type\":\"acquisition\",\"name\":\"Acquiring i-1\"}");
        Reconciliation unreadable = reconcile("capture instance", "project_id", 7, "instance_id", "i-1");
        assertEquals(Outcome.UNKNOWN, unreadable.outcome());
        assertTrue(unreadable.detail().contains("id 9 created an unreadable time"), unreadable.detail());
    }

    @Test
    void aPipelineHoursOlderThanTheStartIsNeverTakenAsProofThatTheCaptureDidNotHappen() {
        // a server writing its local time (UTC-5) makes a capture made just now look five hours old
        pipelines(pipeline(6, "acquisition", "Acquiring i-1", "", "2026-11-22T05:00:01.000000"));
        Reconciliation r = reconcile("capture instance", "project_id", 7, "instance_id", "i-1");
        assertEquals(Outcome.UNKNOWN, r.outcome(), r.detail());
        pipelines(pipeline(6, "processing", "", "disk.vmdk", "2026-11-22T05:00:01.000000"));
        assertEquals(Outcome.UNKNOWN, reconcile("capture bucket", "project_id", 7, "bucket", "logs", "file_name",
                "disk.vmdk").outcome());
    }

    @Test
    void anUnknownProjectOrAnOddAnswerIsUnknown() {
        server.answer(Answer.json(404, "{\"msg\":\"The requested URL was not found on the server.\"}"));
        assertEquals(Reconciliation.unknown("could not look for the effect of the interrupted 'capture instance': "
                + "project 7 not found (HTTP 404: The requested URL was not found on the server.). It may or may not "
                + "have taken effect; check the pipelines in project 7 (list pipelines) for 'Acquiring i-1' before "
                + "capturing it again"), reconcile("capture instance", "project_id", 7, "instance_id", "i-1"));
        server.answer(Answer.json(200, "{\"pipelines\":[1]}"));
        assertTrue(reconcile("capture bucket", "project_id", 7, "bucket", "logs").detail().contains(
                "unexpected answer from Cado Response: a pipeline is a Integer, expected a JSON object"));
    }

    @Test
    void theProcessingPipelineOfAFileIsFoundByItsEvidenceName() {
        pipelines(pipeline(4, "acquisition", "Acquiring i-2", "", NEW),
                pipeline(5, "processing", "", "other.dd", NEW),
                pipeline(6, "processing", "", "disk.vmdk", NEW));
        Reconciliation r = reconcile("capture bucket", "project_id", 7, "bucket", "logs", "file_name",
                "images/disk.vmdk");
        assertEquals(Outcome.FOUND, r.outcome(), r.detail());
        assertEquals(List.of(List.of(Map.of("pipelines", Map.of("pipeline_id", 6, "pipeline_type", "processing",
                "name", "", "created", NEW, "evidence_id", 6, "project_id", 7, "user_id", 1,
                "subtasks", List.of(Map.of("id", "t-6")))))), r.result().data());
        assertEquals(Map.of("total_pipelines", 1L), r.result().summary());
        assertEquals(7L, r.result().parameter().get("project_id"));
    }

    @Test
    void noNewProcessingPipelineMeansCapturingTheBucketAgainIsSafe() {
        pipelines(pipeline(5, "processing", "", "disk.vmdk", OLD), pipeline(6, "acquisition", "Acquiring i-1", "", NEW));
        assertEquals(Reconciliation.notFound("no processing pipeline in project 7 was created since this execution "
                + "started (2026-11-22T10:00:00Z, allowing for the server's time zone): the interrupted capture of bucket logs started nothing, so "
                + "starting it again is safe"), reconcile("capture bucket", "project_id", 7, "bucket", "logs"));
    }

    @Test
    void newProcessingPipelinesThatNameNoFileOrAWholeBucketAreUnknown() {
        pipelines(pipeline(5, "processing", "", "trail-1.json.gz", NEW), pipeline(6, "processing", "", "other", NEW));
        assertEquals(Reconciliation.unknown("this execution started at 2026-11-22T10:00:00Z; processing pipelines "
                + "in project 7 that may be its capture: id 5 created " + NEW + ", id 6 created " + NEW + " (times read "
                + "as UTC). Cado "
                + "Response's pipelines do not say which bucket they came from (a whole-bucket capture starts one per "
                + "object), so they may be this capture of bucket logs or other work (EC2 acquisitions start "
                + "processing pipelines too); check their evidence (get pipeline) and decide whether to capture it "
                + "again"), reconcile("capture bucket", "project_id", 7, "bucket", "logs"));
        pipelines(pipeline(5, "processing", "", "disk.vmdk", NEW), pipeline(6, "processing", "", "disk.vmdk", NEW));
        Reconciliation twice = reconcile("capture bucket", "project_id", 7, "bucket", "logs", "file_name", "a/disk.vmdk");
        assertEquals(Outcome.UNKNOWN, twice.outcome());
        assertTrue(twice.detail().contains("none is singled out by the evidence name 'disk.vmdk'"), twice.detail());
    }
}
