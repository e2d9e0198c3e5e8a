package dev.wisp.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Which requests are sent again, and after how long. The rule:
 * <ul>
 *   <li>a request that is safe to repeat (read-only or idempotent) is sent again after a connection failure, a
 *       timeout, or a 408, 429, 500, 502, 503 or 504;</li>
 *   <li>a request that is not safe to repeat is sent again only when the server provably did not process it: the
 *       connection was refused before anything was sent, or a 429 (which rejects a request unprocessed);</li>
 *   <li>everything else is the answer.</li>
 * </ul>
 * Waits double from {@code firstBackoff} up to {@code maxBackoff}; a 429's or 503's Retry-After (seconds or an HTTP
 * date, read on the run's clock) is honoured up to {@code maxRetryAfter}.
 *
 * @param maxAttempts   attempts in all, the first included
 * @param firstBackoff  the wait before the second attempt
 * @param maxBackoff    the longest wait between attempts
 * @param maxRetryAfter the longest Retry-After honoured (longer ones are cut to it)
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    /** Statuses after which a request that is safe to repeat is sent again. */
    public static final Set<Integer> RETRIED_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
    }

    /** Four attempts, waits of 1, 2 and 4 s, at most 30 s; Retry-After up to 2 minutes. */
    public static RetryPolicy standard() {
        return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    /** No attempt but the first. */
    public static RetryPolicy never() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The wait after attempt {@code attempt} failed. */
    public Duration backoff(int attempt) {
        Duration d = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    /**
     * Whether to send again after an answer with this status, and when.
     *
     * @param safe       whether the request is safe to repeat
     * @param status     the answer's status
     * @param retryAfter the answer's Retry-After header, or {@code null}
     * @param attempt    the attempt that got this answer (1 for the first)
     * @param clock      the run's clock, to read an HTTP-date Retry-After
     * @return the wait before the next attempt, or empty when the answer stands
     */
    public Optional<Duration> afterStatus(boolean safe, int status, String retryAfter, int attempt, Clock clock) {
        if (attempt >= maxAttempts || !(safe ? RETRIED_STATUSES.contains(status) : status == 429)) {
            return Optional.empty();
        }
        if (status == 429 || status == 503) {
            Optional<Duration> asked = retryAfter(retryAfter, clock);
            if (asked.isPresent()) {
                return asked;
            }
        }
        return Optional.of(backoff(attempt));
    }

    /** Whether to send again after a failure without an answer, and when. */
    public Optional<Duration> afterFailure(boolean safe, HttpFailure.Kind kind, int attempt) {
        if (attempt >= maxAttempts || !kind.transientFailure()) {
            return Optional.empty();
        }
        return safe || kind == HttpFailure.Kind.NOT_SENT ? Optional.of(backoff(attempt)) : Optional.empty();
    }

    /** Retry-After in seconds or as an HTTP date, capped at {@code maxRetryAfter}; a past date is no wait. */
    public Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String v = header.strip();
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException e) {
            try {
                d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return Optional.of(d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d);
    }
}
