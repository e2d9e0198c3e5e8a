package dev.wisp.cado;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreatedTest {
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    private static Created of(Object created) {
        return Created.of(created == null ? Map.of() : Map.of("created", created), START);
    }

    @Test
    void zonelessTimesAreReadAsUtcAndZonedOnesAsWritten() {
        assertEquals(Optional.of(Instant.parse("2021-12-15T11:38:09.061520Z")),
                Created.time(Map.of("created", "2021-12-15T11:38:09.061520")));
        assertEquals(Optional.of(Instant.parse("2026-11-22T09:00:00Z")),
                Created.time(Map.of("created", "2026-11-22T10:00:00+01:00")));
        assertEquals(Optional.empty(), Created.time(Map.of("created", "yesterday")));
        assertEquals(Optional.empty(), Created.time(Map.of("created", 1639568629.5)));
    }

    @Test
    void onlyWhatIsOlderThanAnyTimeZoneCouldMakeItIsCertainlyOld() {
        assertEquals(Created.NEW, of("2026-11-22T10:00:00.000000"));
        assertEquals(Created.NEW, of("2026-11-22T09:58:00.000000"), "two minutes of clock skew");
        assertEquals(Created.DOUBTFUL, of("2026-11-22T09:57:59.999999"));
        assertEquals(Created.DOUBTFUL, of("2026-11-21T19:58:00.000000"), "14 h 2 min before");
        assertEquals(Created.OLD, of("2026-11-21T19:57:59.000000"));
        assertEquals(Created.UNREADABLE, of(null));
        assertEquals(Created.UNREADABLE, of(""));
    }
}
