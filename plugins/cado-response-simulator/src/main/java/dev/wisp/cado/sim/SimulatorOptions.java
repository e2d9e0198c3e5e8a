package dev.wisp.cado.sim;

import java.time.Clock;
import java.util.Objects;

/**
 * How a simulator behaves.
 *
 * @param host           the address to bind (loopback by default)
 * @param port           the port, 0 for an ephemeral one
 * @param token          the one access token accepted (Bearer)
 * @param subtasks       subtasks per new pipeline
 * @param stepsPerPoll   how many subtask state changes each GET of a pipeline makes (the simulated time)
 * @param clock          the clock for timestamps
 * @param faults         injected faults
 */
public record SimulatorOptions(String host, int port, String token, int subtasks, int stepsPerPoll, Clock clock,
                               Faults faults) {
    public SimulatorOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(faults, "faults");
        if (subtasks < 1 || stepsPerPoll < 1) {
            throw new IllegalArgumentException("subtasks and stepsPerPoll must be at least 1");
        }
    }

    /** Defaults: loopback, ephemeral port, six subtasks, one step per poll, no faults. */
    public static SimulatorOptions defaults(String token) {
        return new SimulatorOptions("127.0.0.1", 0, token, 6, 1, Clock.systemUTC(), Faults.none());
    }

    public SimulatorOptions withPort(int p) {
        return new SimulatorOptions(host, p, token, subtasks, stepsPerPoll, clock, faults);
    }

    public SimulatorOptions withFaults(Faults f) {
        return new SimulatorOptions(host, port, token, subtasks, stepsPerPoll, clock, f);
    }

    public SimulatorOptions withSteps(int subtaskCount, int steps) {
        return new SimulatorOptions(host, port, token, subtaskCount, steps, clock, faults);
    }

    /**
     * Faults, each a fraction of requests (0 to 1), chosen with a seeded random so runs repeat.
     *
     * @param errorRate   answered 503 before processing
     * @param rate429     start a burst of 429s (Retry-After: when the burst ends), before processing
     * @param dropRate    the connection closed without an answer, after processing (the effect happened, its
     *                    answer was lost: the worst case for a client that might repeat it)
     * @param slowMillis  every answer delayed this long
     * @param seed        the random seed
     * @param getsOnly    whether only GET requests suffer the faults (POSTs then always get through)
     * @param rate500     answered 500 after processing (the effect happened, the answer says it failed)
     * @param burstMillis how long a burst of 429s lasts (0: one 429 with Retry-After: 1)
     */
    public record Faults(double errorRate, double rate429, double dropRate, long slowMillis, long seed,
                         boolean getsOnly, double rate500, long burstMillis) {
        public Faults(double errorRate, double rate429, double dropRate, long slowMillis, long seed) {
            this(errorRate, rate429, dropRate, slowMillis, seed, false);
        }

        public Faults(double errorRate, double rate429, double dropRate, long slowMillis, long seed,
                      boolean getsOnly) {
            this(errorRate, rate429, dropRate, slowMillis, seed, getsOnly, 0, 0);
        }

        public static Faults none() {
            return new Faults(0, 0, 0, 0, 1);
        }
    }
}
