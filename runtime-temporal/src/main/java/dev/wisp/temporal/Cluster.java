package dev.wisp.temporal;

import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.engine.journal.JournalEvent;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.net.ssl.TrustManagerFactory;

/**
 * A connection to a Temporal service, for the command line: start a run, follow its journal, answer its questions,
 * cancel it, list runs, read a run, and run a worker. Every problem (the service unreachable, a TLS file that cannot
 * be read, a run that does not exist) is a {@link ClusterException} whose message says what to do.
 */
public final class Cluster implements AutoCloseable {
    /**
     * Where the service is and how to reach it.
     *
     * @param target     HOST:PORT
     * @param namespace  the namespace (default "default")
     * @param taskQueue  the task queue workers poll (default "wisp")
     * @param caCert     a PEM file of the CA that signed the service's certificate (TLS), or null
     * @param clientCert a PEM file of this client's certificate (mTLS, Temporal Cloud), or null
     * @param clientKey  a PEM file (PKCS#8) of its key, or null
     * @param encryption the keys every payload is encrypted with, or null (payloads in clear)
     */
    public record Options(String target, String namespace, String taskQueue, Path caCert, Path clientCert,
                          Path clientKey, Encryption encryption) {
        public Options {
            namespace = namespace == null || namespace.isBlank() ? "default" : namespace;
            taskQueue = taskQueue == null || taskQueue.isBlank() ? WispWorker.DEFAULT_TASK_QUEUE : taskQueue;
        }

        /** Options without payload encryption. */
        public Options(String target, String namespace, String taskQueue, Path caCert, Path clientCert,
                       Path clientKey) {
            this(target, namespace, taskQueue, caCert, clientCert, clientKey, null);
        }

        boolean tls() {
            return caCert != null || clientCert != null || clientKey != null;
        }
    }

    /** Something about the cluster that the user must fix, said so that they can. */
    public static final class ClusterException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ClusterException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A run as the cluster lists it.
     *
     * @param runId    the run's id (its workflow id)
     * @param status   running, completed, failed, cancelled, terminated, timed_out
     * @param started  when it started (ISO-8601)
     */
    public record Listed(String runId, String status, String started) {
    }

    private final Options options;
    private final WorkflowServiceStubs service;
    private final WorkflowClient client;

    private Cluster(Options options, WorkflowServiceStubs service) {
        this.options = options;
        this.service = service;
        WorkflowClientOptions.Builder b = WorkflowClientOptions.newBuilder().setNamespace(options.namespace());
        if (options.encryption() != null) {
            b.setDataConverter(options.encryption().converter()); // workers take their client's converter too
        }
        this.client = WorkflowClient.newInstance(service, b.build());
    }

    /** Connects, waiting at most {@code timeout} for the service to answer. */
    public static Cluster connect(Options options, Duration timeout) {
        if (options.target() == null || !options.target().matches("[^:\\s]+:\\d{1,5}")) {
            throw new ClusterException("--temporal takes HOST:PORT (for example localhost:7233), not '"
                    + options.target() + "'", null);
        }
        WorkflowServiceStubsOptions.Builder b = WorkflowServiceStubsOptions.newBuilder().setTarget(options.target());
        if (options.tls()) {
            b.setSslContext(ssl(options));
        }
        try {
            return new Cluster(options, WorkflowServiceStubs.newConnectedServiceStubs(b.build(), timeout));
        } catch (RuntimeException e) {
            throw new ClusterException("the Temporal service at " + options.target() + " cannot be reached ("
                    + rootMessage(e) + "); start it (docs/temporal.md) or check --temporal and the TLS options", e);
        }
    }

    private static io.grpc.netty.shaded.io.netty.handler.ssl.SslContext ssl(Options o) {
        if ((o.clientCert() == null) != (o.clientKey() == null)) {
            throw new ClusterException("--tls-cert and --tls-key go together (the client's certificate and its key)",
                    null);
        }
        try {
            SimpleSslContextBuilder b;
            if (o.clientCert() != null) {
                try (InputStream cert = Files.newInputStream(o.clientCert());
                     InputStream key = Files.newInputStream(o.clientKey())) {
                    b = SimpleSslContextBuilder.forPKCS8(cert, key);
                    if (o.caCert() != null) {
                        b.setTrustManager(trust(o.caCert()).getTrustManagers()[0]);
                    }
                    return b.build();
                }
            }
            b = SimpleSslContextBuilder.noKeyOrCertChain();
            b.setTrustManager(trust(o.caCert()).getTrustManagers()[0]);
            return b.build();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new ClusterException("the TLS files cannot be used: " + rootMessage(e), e);
        }
    }

    private static TrustManagerFactory trust(Path ca) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new IllegalArgumentException(ca + " holds no certificate");
            }
        }
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        return f;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t instanceof io.temporal.failure.TemporalFailure f ? f.getOriginalMessage() : String.valueOf(t.getMessage());
    }

    public Options options() {
        return options;
    }

    public WorkflowClient client() {
        return client;
    }

    /** Starts a run; its id is the workflow's. */
    public void start(Wire.RunInput input) {
        WorkflowStub stub = client.newUntypedWorkflowStub(WispWorkflow.TYPE, WorkflowOptions.newBuilder()
                .setWorkflowId(input.runId()).setTaskQueue(options.taskQueue()).build());
        try {
            stub.start(input);
        } catch (WorkflowExecutionAlreadyStarted e) {
            throw new ClusterException("run " + input.runId() + " already exists on the cluster", e);
        } catch (StatusRuntimeException e) {
            throw new ClusterException("the run could not be started: " + e.getStatus(), e);
        }
    }

    private WorkflowStub stub(String runId) {
        return client.newUntypedWorkflowStub(runId, Optional.empty(), Optional.of(WispWorkflow.TYPE));
    }

    /** The run's journal from line {@code from} (a query: a closed run's is answered by replaying it). */
    @SuppressWarnings("unchecked")
    public List<JournalEvent> journal(String runId, int from) {
        List<String> lines = query(runId, () -> stub(runId).query("journal", List.class, from));
        return lines.stream().map(JournalCodec::decode).toList();
    }

    /** The questions the run waits on. */
    public List<Wire.Question> questions(String runId) {
        return List.of(query(runId, () -> stub(runId).query("questions", Wire.Question[].class)));
    }

    /** A query of a run, its failures said as the run's: unreadable data, no such run, no worker to answer. */
    private <T> T query(String runId, java.util.function.Supplier<T> query) {
        try {
            return query.get();
        } catch (io.temporal.common.converter.DataConverterException e) {
            throw unreadable(runId, e);
        } catch (WorkflowNotFoundException e) {
            throw new ClusterException("no run " + runId + " in namespace " + options.namespace(), e);
        } catch (io.temporal.client.WorkflowServiceException e) {
            throw new ClusterException("no worker answered for run " + runId + " (" + rootMessage(e) + "); is a "
                    + "wisp worker running on task queue " + options.taskQueue() + "?", e);
        }
    }

    /** A run whose payloads this process cannot decrypt (or read): what to do about it. */
    private ClusterException unreadable(String runId, RuntimeException e) {
        return new ClusterException("the data of run " + runId + " cannot be read here: " + rootMessage(e)
                + (options.encryption() == null ? " (is it encrypted? give --temporal-key-file)" : ""), e);
    }

    /** Answers a question of the run. */
    public void answer(String runId, Wire.Answer answer) {
        stub(runId).signal("answer", answer);
    }

    /** Cancels the run. */
    public void cancel(String runId) {
        stub(runId).signal("cancel");
    }

    /**
     * Follows a run to its end: every journal event to {@code events} as it is recorded (polled every
     * {@code every}), then its end.
     */
    public Wire.RunEnd follow(String runId, Consumer<JournalEvent> events, Duration every)
            throws InterruptedException {
        CompletableFuture<Wire.RunEnd> result = stub(runId).getResultAsync(Wire.RunEnd.class);
        int seen = 0;
        while (true) {
            try {
                Wire.RunEnd end = result.get(every.toMillis(), TimeUnit.MILLISECONDS);
                for (int i = seen; i < end.journal().size(); i++) {
                    events.accept(JournalCodec.decode(end.journal().get(i)));
                }
                return end;
            } catch (TimeoutException e) {
                try {
                    for (JournalEvent ev : journal(runId, seen)) {
                        events.accept(ev);
                        seen++;
                    }
                } catch (RuntimeException queryFailed) {
                    // no worker answers queries now (all restarting): the events come with the next one
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof WorkflowFailedException wf) {
                    throw new ClusterException("the run's workflow failed: " + rootMessage(wf) + hint(wf), wf);
                }
                throw new ClusterException("the run cannot be followed: " + rootMessage(cause), cause);
            }
        }
    }

    private static String hint(Throwable e) {
        String m = rootMessage(e);
        return m.contains("nondetermin") || m.contains("NonDeterministic")
                ? " (the workers run other Wisp code than the run started with: finish the run on workers of that "
                + "version, then upgrade)" : "";
    }

    /** The run's end, when it has ended. */
    public Optional<Wire.RunEnd> end(String runId) {
        try {
            return Optional.of(stub(runId).getResult(1, TimeUnit.MILLISECONDS, Wire.RunEnd.class));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (WorkflowNotFoundException e) {
            throw new ClusterException("no run " + runId + " in namespace " + options.namespace(), e);
        } catch (WorkflowFailedException e) {
            throw new ClusterException("the run's workflow failed: " + rootMessage(e) + hint(e), e);
        } catch (io.temporal.common.converter.DataConverterException e) {
            throw unreadable(runId, e);
        }
    }

    /** Wisp's runs in the namespace, newest first (a sub-playbook's run is part of its parent's, not listed). */
    public List<Listed> list(int limit) {
        List<Listed> out = new ArrayList<>();
        try {
            client.listExecutions("WorkflowType = '" + WispWorkflow.TYPE + "'").limit(limit).forEach(
                    (WorkflowExecutionMetadata m) -> out.add(new Listed(m.getExecution().getWorkflowId(),
                            status(m.getStatus()), m.getStartTime().toString())));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != io.grpc.Status.Code.UNIMPLEMENTED) {
                    throw new ClusterException("the cluster cannot list runs: " + e.getStatus().getDescription(), e);
            }
            return listWithoutVisibility(limit); // the test server has only the older list calls
        }
        out.removeIf(r -> r.runId().contains("/"));
        return out;
    }

    /** Lists by the older open/closed calls, which every Temporal service (the test server too) answers. */
    private List<Listed> listWithoutVisibility(int limit) {
        List<Listed> out = new ArrayList<>();
        io.temporal.api.filter.v1.WorkflowTypeFilter type = io.temporal.api.filter.v1.WorkflowTypeFilter.newBuilder()
                .setName(WispWorkflow.TYPE).build();
        var stub = service.blockingStub();
        stub.listOpenWorkflowExecutions(io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest
                .newBuilder().setNamespace(options.namespace()).setTypeFilter(type).setMaximumPageSize(limit).build())
                .getExecutionsList().forEach(i -> out.add(listed(i)));
        stub.listClosedWorkflowExecutions(io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest
                .newBuilder().setNamespace(options.namespace()).setTypeFilter(type).setMaximumPageSize(limit).build())
                .getExecutionsList().forEach(i -> out.add(listed(i)));
        out.removeIf(r -> r.runId().contains("/"));
        out.sort(java.util.Comparator.comparing(Listed::started).reversed());
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    private static Listed listed(io.temporal.api.workflow.v1.WorkflowExecutionInfo i) {
        return new Listed(i.getExecution().getWorkflowId(), status(i.getStatus()),
                java.time.Instant.ofEpochSecond(i.getStartTime().getSeconds(), i.getStartTime().getNanos()).toString());
    }

    private static String status(WorkflowExecutionStatus s) {
        return s.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        service.shutdown();
        service.awaitTermination(5, TimeUnit.SECONDS);
    }
}
