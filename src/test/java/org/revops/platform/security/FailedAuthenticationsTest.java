package org.revops.platform.security;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailedAuthenticationsTest {
    private static final Instant T = Instant.parse("2026-11-24T10:00:15Z");

    @Test
    void aSourceIsRefusedOnceItReachesTheLimitUntilItsMinuteEnds() {
        FailedAuthentications failures = new FailedAuthentications(2);
        failures.failed("203.0.113.7", T);
        assertEquals(Optional.empty(), failures.refusal("203.0.113.7", T));
        failures.failed("203.0.113.7", T.plusSeconds(10));
        assertEquals(Optional.of(new FailedAuthentications.Refusal(2, 35)),
                failures.refusal("203.0.113.7", T.plusSeconds(10)));
        assertEquals(Optional.of(new FailedAuthentications.Refusal(2, 1)),
                failures.refusal("203.0.113.7", Instant.parse("2026-11-24T10:00:59.900Z")));
        // other sources are not affected, and the next minute starts afresh
        assertEquals(Optional.empty(), failures.refusal("198.51.100.1", T));
        assertEquals(Optional.empty(), failures.refusal("203.0.113.7", T.plusSeconds(45)));
        failures.failed("203.0.113.7", T.plusSeconds(45));
        assertEquals(Optional.empty(), failures.refusal("203.0.113.7", T.plusSeconds(46)));
    }
}
