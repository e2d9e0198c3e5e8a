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
 * the server's are not the same clock. A server that writes its local time instead would shift every time by up to
 * {@link #ZONE_DOUBT}, so only what is older than that is certainly old: a wrong guess about the zone must never make
 * an execution's own effect look old, since that would let it be repeated.
 */
enum Created {
    /** Created at or after the start (less the allowed skew): may be the execution's effect. */
    NEW,
    /** Created before the start, but within {@link #ZONE_DOUBT}: old if the server writes UTC, else maybe new. */
    DOUBTFUL,
    /** Created before the start, even if the server wrote its local time: not the execution's effect. */
    OLD,
    /** No readable creation time: may or may not be the execution's effect. */
    UNREADABLE;

    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    /** The largest offset of a time zone from UTC (UTC+14), plus the skew. */
    static final Duration ZONE_DOUBT = Duration.ofHours(14).plus(CLOCK_SKEW);

    static Created of(Map<?, ?> object, Instant startedAt) {
        return time(object).map(t -> !t.isBefore(startedAt.minus(CLOCK_SKEW)) ? NEW
                : !t.isBefore(startedAt.minus(ZONE_DOUBT)) ? DOUBTFUL : OLD).orElse(UNREADABLE);
    }

    /** Whether it may be the execution's effect, as far as its time says: all but {@link #OLD}. */
    boolean maybeNew() {
        return this != OLD;
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
