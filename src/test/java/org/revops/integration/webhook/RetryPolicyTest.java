package org.revops.integration.webhook;

import org.junit.jupiter.api.Test;
import org.revops.integration.webhook.RetryPolicy.Outcome;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant HORIZON = NOW.plus(Duration.ofHours(24));

    /** Base 10 s, factor 2, cap 60 s, 5 attempts; the jitter source fixed at its top (1.0) or bottom (0.0). */
    private static RetryPolicy policy(double random) {
        return new RetryPolicy(Duration.ofSeconds(10), 2, Duration.ofSeconds(60), 5, () -> random);
    }

    @Test
    void twoHundredsAreDeliveredOtherClientErrorsDeadAtOnce() {
        assertEquals(Outcome.DELIVERED, policy(1).decide(204, null, 1, NOW, HORIZON).outcome());
        var gone = policy(1).decide(410, null, 1, NOW, HORIZON);
        assertEquals(Outcome.DEAD, gone.outcome());
        assertNull(gone.nextAttemptAt());
        assertEquals(Outcome.DEAD, policy(1).decide(301, null, 1, NOW, HORIZON).outcome());
    }

    @Test
    void backOffDoublesToTheCapWithJitterBetweenHalfAndAll() {
        // d = min(60, 10 * 2^(n-1)): 10, 20, 40, 60; jitter puts it in [d/2, d].
        long[] top = {10, 20, 40, 60};
        for (int n = 1; n <= 4; n++) {
            assertEquals(NOW.plusSeconds(top[n - 1]), policy(1).decide(500, null, n, NOW, HORIZON).nextAttemptAt());
            assertEquals(NOW.plusSeconds(top[n - 1] / 2), policy(0).decide(null, null, n, NOW, HORIZON).nextAttemptAt());
        }
        assertEquals(Outcome.DEAD, policy(1).decide(503, null, 5, NOW, HORIZON).outcome());
    }

    @Test
    void retryAfterInSecondsOrAsADateIsHonouredWhenLonger() {
        assertEquals(NOW.plusSeconds(120), policy(1).decide(429, "120", 1, NOW, HORIZON).nextAttemptAt());
        assertEquals(NOW.plusSeconds(300), policy(1).decide(503, "Tue, 24 Nov 2026 10:05:00 GMT", 1, NOW, HORIZON)
                .nextAttemptAt());
        // Shorter than the back-off, or unreadable: the back-off.
        assertEquals(NOW.plusSeconds(10), policy(1).decide(429, "1", 1, NOW, HORIZON).nextAttemptAt());
        assertEquals(NOW.plusSeconds(10), policy(1).decide(429, "soon", 1, NOW, HORIZON).nextAttemptAt());
        // A 500's Retry-After is not a rate limit: the back-off.
        assertEquals(NOW.plusSeconds(10), policy(1).decide(500, "120", 1, NOW, HORIZON).nextAttemptAt());
    }

    @Test
    void aRetryAfterTheHorizonIsDead() {
        var decision = policy(1).decide(429, "7200", 1, NOW, NOW.plus(Duration.ofHours(1)));
        assertEquals(Outcome.DEAD, decision.outcome());
        assertEquals("the next retry would fall after the retry horizon", decision.reason());
    }
}
