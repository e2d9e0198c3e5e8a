package dev.wisp.cado;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * When a project or pipeline was created, relative to the start of an execution in doubt. Cado Response writes
 * {@code created} as ISO-8601 without a zone ({@code 2021-12-15T11:38:09.061520}); it is read as UTC (README, U20),
 * and anything created up to {@link #CLOCK_SKEW} before the start still counts as new, because the run's clock and
 * the server's are not the same clock.
 */
enum Created {
    /** Created at or after the start (less the allowed skew): may be the execution's effect. */
    NEW,
    /** Created before the start: not the execution's effect. */
    OLD,
    /** No readable creation time: may or may not be the execution's effect. */
    UNREADABLE;

    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    static Created of(Map<?, ?> object, Instant startedAt) {
        return time(object).map(t -> t.isBefore(startedAt.minus(CLOCK_SKEW)) ? OLD : NEW).orElse(UNREADABLE);
    }

    static Optional<Instant> time(Map<?, ?> object) {
        if (!(object.get("created") instanceof String s) || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s.strip()).toInstant());
        } catch (DateTimeParseException zoned) {
            try {
                return Optional.of(LocalDateTime.parse(s.strip()).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException local) {
                return Optional.empty();
            }
        }
    }

    /** The server's text for the creation time, or "an unreadable time". */
    static String shown(Map<?, ?> object) {
        return object.get("created") instanceof String s && !s.isBlank() ? s : "an unreadable time";
    }
}
