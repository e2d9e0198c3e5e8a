package dev.wisp.cli.temporal;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a Temporal cluster is ({@code --temporal HOST:PORT}) and how to reach it. Plain values only: nothing of
 * Temporal's is loaded until a command is given {@code --temporal}, so the embedded default starts as fast as ever.
 */
public final class TemporalOptions {
    @Option(names = "--temporal", paramLabel = "HOST:PORT", description = "Run on a Temporal cluster (its frontend "
            + "service) instead of in this process; see docs/temporal.md.")
    public String target;

    @Option(names = "--namespace", paramLabel = "NS", description = "The Temporal namespace (default: default).")
    public String namespace;

    @Option(names = "--task-queue", paramLabel = "QUEUE", description = "The task queue Wisp's workers poll "
            + "(default: wisp).")
    public String taskQueue;

    @Option(names = "--tls-ca", paramLabel = "FILE", description = "With --temporal: TLS, trusting the CA "
            + "certificates of this PEM file.")
    public Path caCert;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "With --temporal: this client certificate "
            + "(PEM) for mutual TLS, as Temporal Cloud asks.")
    public Path clientCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "With --temporal: the client certificate's key "
            + "(PEM, PKCS#8).")
    public Path clientKey;

    @Option(names = "--temporal-key-file", paramLabel = "FILE", description = "With --temporal: encrypt every "
            + "payload (inputs, parameters, results, journal) with these AES-256 keys, one NAME:BASE64 a line, the "
            + "first encrypting (else the variable WISP_TEMPORAL_KEYS); workers and clients need the same keys.")
    public Path keyFile;

    /** Whether the command runs against a cluster. */
    public boolean given() {
        return target != null;
    }

    /** Whether any cluster-only option was given (they mean nothing without {@code --temporal}). */
    public boolean anyOther() {
        return namespace != null || taskQueue != null || caCert != null || clientCert != null || clientKey != null
                || keyFile != null;
    }
}
