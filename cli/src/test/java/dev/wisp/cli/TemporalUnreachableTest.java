package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Temporal service cannot be reached when a command starts: the commands that talk to it (all through one
 * connect) say so, name where they looked and what to do, and exit 2 once the connect timeout is over, without a
 * stack trace.
 */
class TemporalUnreachableTest {
    static String target;

    @BeforeAll
    static void closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            target = "127.0.0.1:" + s.getLocalPort(); // nothing listens there once it is closed
        }
    }

    private static void unreachable(String... args) {
        long start = System.nanoTime();
        CliRun r = CliRun.of(args);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().startsWith("wisp: the Temporal service at " + target + " cannot be reached ("), r.err());
        assertTrue(r.err().contains("start it (docs/temporal.md) or check --temporal and the TLS options"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        // the connect timeout, plus loading Temporal's classes on a busy machine: it does not hang on retries
        assertTrue(millis < OnTemporal.CONNECT_TIMEOUT.toMillis() + 15_000, "gave up after " + millis + " ms");
    }

    @Test
    void everyCommandSaysTheServiceCannotBeReached() {
        unreachable("run", "../playbooks/capture_ec2_instance.yaml", "--temporal", target, "--detach");
        unreachable("worker", "--temporal", target);
        unreachable("resume", "20260101-000000-abcdef", "--temporal", target, "--answer", "Set_S3=bucket");
    }

    @Test
    void aTargetThatIsNotHostPortIsAUsageError() {
        CliRun r = CliRun.of("runs", "--temporal", "localhost");
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertEquals("wisp: --temporal takes HOST:PORT (for example localhost:7233), not 'localhost'\n", r.err());
    }
}
