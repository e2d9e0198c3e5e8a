package dev.wisp.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.code.CodeSettings;
import dev.wisp.engine.run.Events;
import dev.wisp.engine.time.SystemTime;
import io.temporal.api.common.v1.Payload;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.payload.codec.PayloadCodecException;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Payload encryption: with a key, a run's whole history holds no plaintext of a password input, of the parameter it
 * feeds, or of the output that carries it on; other keys read nothing and say why; the keys rotate.
 */
class EncryptionTest {
    static final String SECRET = "fake-pw-hunter2-9c1d";
    static final String QUEUE = "wisp-crypt-test";
    static final String PLAYBOOK = """
            playbook: secret
            inputs:
              password: { type: password }
            outputs:
              echoed: { value: echo:action_result.data.*.value }
            blocks:
              echo: { action: set value, app: core, parameters: { value: playbook_input:password } }
              again: { action: set value, app: core, parameters: { value: echo:action_result.data.*.value } }
            edges: [start -> echo, echo -> again, again -> end]
            """;

    static String key(String name, int fill) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) fill);
        return name + ":" + Base64.getEncoder().encodeToString(k);
    }

    static final Encryption KEYS = Encryption.parse(key("k2", 2) + "\n" + key("k1", 1), "test");
    TestWorkflowEnvironment env;
    SystemTime time = new SystemTime();
    Worker worker;

    void start(Encryption workerKeys) {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setWorkflowClientOptions(
                WorkflowClientOptions.newBuilder().setDataConverter(workerKeys.converter()).build()).build());
        worker = TestWorkers.register(env, QUEUE, time, CodeSettings.off());
        env.start();
    }

    @AfterEach
    void stop() {
        if (env != null) {
            env.close();
        }
        time.close();
    }

    WorkflowClient client(Encryption keys) {
        return WorkflowClient.newInstance(env.getWorkflowServiceStubs(), WorkflowClientOptions.newBuilder()
                .setNamespace(env.getNamespace()).setDataConverter(keys.converter()).build());
    }

    WorkflowStub startRun(WorkflowClient client) {
        Wire.RunInput input = RunInputs.of("run-1", "secret.yaml", PLAYBOOK, p -> "", Map.of("password", SECRET),
                new Events.Event(Map.of(), List.of()), 8, "test");
        WorkflowStub run = client.newUntypedWorkflowStub(WispWorkflow.TYPE, WorkflowOptions.newBuilder()
                .setWorkflowId("run-1").setTaskQueue(QUEUE).build());
        run.start(input);
        return run;
    }

    @Test
    void theWholeHistoryHoldsNoPlaintextOfASecretInputParameterOrOutput() throws Exception {
        start(KEYS);
        Wire.RunEnd end = startRun(env.getWorkflowClient()).getResult(Wire.RunEnd.class);
        assertEquals("success", end.status(), end.message());
        WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory("run-1");
        String raw = history.getHistory().toString() + new String(history.getHistory().toByteArray(),
                StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains(SECRET), "no plaintext of the secret in the history");
        assertFalse(raw.contains(SECRET.substring(3, 14)), "not even part of it");
        assertFalse(raw.contains("set value"), "nothing of the payloads is readable");
        assertTrue(raw.contains(Encryption.KEY_ID) && raw.contains("k2"), "the payloads name their key");
        // decrypted, the run's own journal masks the password as the embedded journal does
        assertFalse(String.join("\n", end.journal()).contains(SECRET), String.join("\n", end.journal()));
        WorkflowReplayer.replayWorkflowExecution(history, worker);

        // after a rotation (a new key first, the old kept) the old run still reads; with other keys it does not
        Encryption rotated = Encryption.parse(key("k3", 3) + "\n" + key("k2", 2), "rotated");
        assertEquals("success", client(rotated).newUntypedWorkflowStub("run-1").getResult(Wire.RunEnd.class)
                .status());
        Encryption other = Encryption.parse(key("k1", 1), "other");
        RuntimeException e = assertThrows(RuntimeException.class, () -> client(other)
                .newUntypedWorkflowStub("run-1").getResult(Wire.RunEnd.class));
        assertTrue(String.valueOf(rootMessage(e)).contains("encrypted with key 'k2', which is not among this "
                + "process's keys (k1)"), rootMessage(e));
        Encryption wrong = Encryption.parse(key("k2", 9), "wrong");
        RuntimeException bad = assertThrows(RuntimeException.class, () -> client(wrong)
                .newUntypedWorkflowStub("run-1").getResult(Wire.RunEnd.class));
        assertTrue(rootMessage(bad).contains("does not decrypt with this process's key of that name"),
                rootMessage(bad));
    }

    @Test
    void aWorkerWithoutTheKeyFailsTheRunSayingSoInsteadOfRetryingForEver() {
        start(Encryption.parse(key("w", 7), "worker"));
        WorkflowStub run = startRun(client(KEYS));
        WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
                () -> run.getResult(10, java.util.concurrent.TimeUnit.SECONDS, Wire.RunEnd.class));
        assertTrue(rootMessage(e).contains("encrypted with key 'k2', which is not among this process's keys (w)"),
                rootMessage(e));
    }

    @Test
    void badKeysAreLocatedErrorsThatShowNoKey() {
        String shortKey = "a:" + Base64.getEncoder().encodeToString(new byte[16]);
        Encryption.KeyException e = assertThrows(Encryption.KeyException.class,
                () -> Encryption.parse("# keys\n" + shortKey, "keys.txt"));
        assertEquals("keys.txt:2: key 'a' has 16 bytes; AES-256 takes 32 (openssl rand -base64 32)", e.getMessage());
        assertEquals("keys.txt:1: key 'a' is not base64", assertThrows(Encryption.KeyException.class,
                () -> Encryption.parse("a:%%%", "keys.txt")).getMessage());
        assertEquals("keys.txt: no key in it (a line NAME:BASE64)", assertThrows(Encryption.KeyException.class,
                () -> Encryption.parse("\n# none\n", "keys.txt")).getMessage());
        // a payload round-trips, and one that was never encrypted passes through
        Payload p = Payload.newBuilder().setData(com.google.protobuf.ByteString.copyFromUtf8(SECRET)).build();
        assertEquals(List.of(p), KEYS.decode(KEYS.encode(List.of(p))));
        assertEquals(List.of(p), KEYS.decode(List.of(p)));
        Payload tampered = KEYS.encode(List.of(p)).get(0).toBuilder().setData(com.google.protobuf.ByteString
                .copyFromUtf8("short")).build();
        assertThrows(PayloadCodecException.class, () -> KEYS.decode(List.of(tampered)));
    }

    static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
