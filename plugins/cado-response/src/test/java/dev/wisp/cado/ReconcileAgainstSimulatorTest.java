package dev.wisp.cado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.cado.sim.CadoSimulator;
import dev.wisp.cado.sim.SimulatorOptions;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.Reconciliation.Outcome;
import dev.wisp.spi.Reconciliation;
import dev.wisp.spi.testing.TestActionContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app against the simulator: an action runs, its answer is treated as lost, and reconciling it finds the same
 * project or pipeline; reconciling what never happened finds nothing.
 */
class ReconcileAgainstSimulatorTest {
    private static final String TOKEN = "sim-token-0123456789abcdef";
    /** The run's clock (TestActionContext's) when the execution started. */
    private static final Instant STARTED = Instant.parse("2026-11-22T10:00:00Z");
    private CadoSimulator sim;
    private AppConnection connection;

    @BeforeEach
    void start() {
        Clock server = Clock.fixed(STARTED.plusMillis(250), ZoneOffset.UTC);
        sim = CadoSimulator.start(new SimulatorOptions("127.0.0.1", 0, TOKEN, 4, 1, server,
                SimulatorOptions.Faults.none()));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base_url", sim.baseUrl());
        config.put("access_token", TOKEN);
        config.put("default_project", 1);
        config.put("default_region", "us-east-1");
        config.put("default_bucket", "evidence-bucket");
        connection = new CadoResponseApp().connect(new AssetConfig("cado", "cado_response", config,
                Set.of("access_token")));
    }

    @AfterEach
    void stop() {
        connection.close();
        sim.close();
    }

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        return p;
    }

    private ActionResult execute(String action, Map<String, Object> params) {
        ActionResult r = connection.execute(new TestActionContext(action, params)).toCompletableFuture().join();
        assertTrue(r.succeeded(), r.message());
        return r;
    }

    private Reconciliation reconcile(String action, Map<String, Object> params, Instant startedAt) {
        return connection.reconcile(new TestActionContext(action, params), startedAt).toCompletableFuture().join();
    }

    @Test
    void aCreatedProjectWhoseAnswerWasLostIsFoundWithTheSameId() {
        Map<String, Object> params = params("project_name", "IR 2026-11-22");
        ActionResult created = execute("create project", params);
        Reconciliation r = reconcile("create project", params, STARTED);
        assertEquals(Outcome.FOUND, r.outcome(), r.detail());
        assertEquals(created.summary(), r.result().summary());
        assertEquals(((Map<?, ?>) created.data().get(0)).get("id"), ((Map<?, ?>) r.result().data().get(0)).get("id"));
        assertEquals(created.parameter(), r.result().parameter());
        assertEquals(Outcome.NOT_FOUND, reconcile("create project", params("project_name", "never created"), STARTED)
                .outcome());
    }

    @Test
    void aStartedCaptureWhoseAnswerWasLostIsFoundWithTheSamePipeline() {
        Map<String, Object> params = params("instance_id", "i-0a1b2c3d4e5f60001");
        ActionResult captured = execute("capture instance", params);
        Reconciliation r = reconcile("capture instance", params, STARTED);
        assertEquals(Outcome.FOUND, r.outcome(), r.detail());
        // the stub says evidence_id 0 for an acquisition, the listing the evidence's id (README, U22): all else agrees
        assertEquals(withoutEvidence(captured.data().get(0)), withoutEvidence(r.result().data().get(0)),
                "the capture's own stub, rebuilt from the listing");
        assertEquals(captured.summary(), r.result().summary());
        assertEquals(captured.parameter(), r.result().parameter());
    }

    private static Map<?, ?> withoutEvidence(Object stub) {
        Map<Object, Object> m = new LinkedHashMap<>((Map<?, ?>) stub);
        m.remove("evidence_id");
        return m;
    }

    @Test
    void aCaptureThatNeverHappenedOrHappenedBeforeTheExecutionIsNotFound() {
        Map<String, Object> other = params("instance_id", "i-0a1b2c3d4e5f60002");
        assertEquals(Outcome.NOT_FOUND, reconcile("capture instance", other, STARTED).outcome());
        execute("capture instance", other);
        Reconciliation later = reconcile("capture instance", other, STARTED.plus(Duration.ofDays(1)));
        assertEquals(Outcome.NOT_FOUND, later.outcome(), later.detail());
        assertTrue(later.detail().contains("only older ones"), later.detail());
        assertEquals(Outcome.NOT_FOUND, reconcile("capture bucket", params("bucket", "web-assets"),
                STARTED.plus(Duration.ofDays(1))).outcome());
    }

    @Test
    void aCapturedFileIsFoundWithTheSamePipelineAndAWholeBucketIsUnknown() {
        Map<String, Object> file = params("bucket", "cloudtrail-logs", "file_name", "AWSLogs/2026/11/22/trail-2.json.gz");
        ActionResult captured = execute("capture bucket", file);
        Reconciliation r = reconcile("capture bucket", file, STARTED);
        assertEquals(Outcome.FOUND, r.outcome(), r.detail());
        assertEquals(captured.data(), r.result().data());
        assertEquals(captured.summary(), r.result().summary());
        Map<String, Object> whole = params("bucket", "cloudtrail-logs");
        execute("capture bucket", whole);
        Reconciliation unknown = reconcile("capture bucket", whole, STARTED);
        assertEquals(Outcome.UNKNOWN, unknown.outcome());
        assertTrue(unknown.detail().startsWith("this execution started at 2026-11-22T10:00:00Z; processing "
                + "pipelines in project 1 that may be its capture: id 1 created"), unknown.detail());
    }
}
