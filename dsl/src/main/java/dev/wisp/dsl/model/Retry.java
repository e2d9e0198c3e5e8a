package dev.wisp.dsl.model;

import dev.wisp.dsl.diag.Location;
import java.time.Duration;
import java.util.Objects;

/**
 * Retrying a failed execution. Only actions whose spec says they are idempotent are retried after an outcome
 * that may have reached the target; every action is retried when it failed before reaching it.
 *
 * @param attempts   total attempts including the first (at least 1)
 * @param backoff    the wait before the second attempt
 * @param multiplier how much the wait grows per attempt (1 = constant)
 * @param maxBackoff the largest wait
 * @param location   where the retry is configured
 */
public record Retry(int attempts, Duration backoff, double multiplier, Duration maxBackoff, Location location) {
    public Retry {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(location, "location");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }
}
