package dev.wisp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisp.spi.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The retry rule as a table: what is sent again, and after how long. */
class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.standard();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));

    @ParameterizedTest(name = "safe={0} status={1} -> retried={2}")
    @CsvSource({
        "true, 408, true", "true, 429, true", "true, 500, true", "true, 502, true", "true, 503, true",
        "true, 504, true", "true, 400, false", "true, 401, false", "true, 404, false", "true, 501, false",
        "true, 200, false",
        "false, 429, true", "false, 408, false", "false, 500, false", "false, 502, false", "false, 503, false",
        "false, 504, false", "false, 409, false"})
    void statuses(boolean safe, int status, boolean retried) {
        assertEquals(retried, policy.afterStatus(safe, status, null, 1, clock).isPresent());
    }

    @ParameterizedTest(name = "safe={0} {1} -> retried={2}")
    @CsvSource({
        "true, NOT_SENT, true", "true, CONNECTION_LOST, true", "true, TIMEOUT, true", "true, TLS, false",
        "true, UNKNOWN_HOST, false", "true, TOO_LARGE, false", "true, CANCELLED, false", "true, REDIRECT, false",
        "false, NOT_SENT, true", "false, CONNECTION_LOST, false", "false, TIMEOUT, false", "false, TLS, false"})
    void failures(boolean safe, HttpFailure.Kind kind, boolean retried) {
        assertEquals(retried, policy.afterFailure(safe, kind, 1).isPresent());
    }

    @Test
    void waitsDoubleUpToTheCapAndAttemptsRunOut() {
        assertEquals(Optional.of(Duration.ofSeconds(1)), policy.afterStatus(true, 503, null, 1, clock));
        assertEquals(Optional.of(Duration.ofSeconds(4)), policy.afterStatus(true, 503, null, 3, clock));
        assertEquals(Optional.empty(), policy.afterStatus(true, 503, null, 4, clock), "four attempts in all");
        assertEquals(Duration.ofSeconds(30), policy.backoff(10));
    }

    @Test
    void retryAfterInSecondsOrAsADateOnTheRunsClockIsCapped() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), policy.afterStatus(false, 429, "7", 1, clock));
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                policy.afterStatus(true, 503, "Sun, 22 Nov 2026 10:00:30 GMT", 1, clock));
        assertEquals(Optional.of(Duration.ofMinutes(2)), policy.afterStatus(true, 429, "86400", 1, clock));
        assertEquals(Optional.of(Duration.ZERO), policy.retryAfter("Sat, 21 Nov 2026 10:00:00 GMT", clock));
        assertEquals(Optional.of(Duration.ofSeconds(1)), policy.afterStatus(true, 429, "soon", 1, clock),
                "an unreadable Retry-After falls back to the backoff");
    }
}
