package org.revops.integration.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;

/**
 * What happens after a delivery attempt, from its HTTP status (null: a network error or timeout).
 * <ul>
 *   <li>2xx: delivered.</li>
 *   <li>Network error, 408, 429 or 5xx: retried. The n-th retry (n = 1, 2, …) waits
 *   {@code d = min(cap, base × factor^(n−1))}, jittered to a uniform value in {@code [d/2, d]} so receivers that
 *   failed together are not hit together again. A 429 or 503 with {@code Retry-After} (seconds or an HTTP date)
 *   waits that long instead, when it is longer.</li>
 *   <li>Any other status (4xx): dead at once; the receiver refused the request and a retry would not change it.</li>
 *   <li>A retry that would fall after the horizon, or an attempt beyond the maximum: dead.</li>
 * </ul>
 */
public final class RetryPolicy {
    public enum Outcome { DELIVERED, RETRY, DEAD }

    /** The decision, and when the next attempt is due (RETRY only). */
    public record Decision(Outcome outcome, Instant nextAttemptAt, String reason) {
    }

    private final Duration base;
    private final double factor;
    private final Duration cap;
    private final int maxAttempts;
    private final DoubleSupplier random;

    public RetryPolicy(Duration base, double factor, Duration cap, int maxAttempts, DoubleSupplier random) {
        this.base = base;
        this.factor = factor;
        this.cap = cap;
        this.maxAttempts = maxAttempts;
        this.random = random;
    }

    /**
     * @param status      the HTTP status, null after a network error
     * @param retryAfter  the Retry-After header, if any
     * @param retryNumber which retry the next attempt would be (1 after the first failure since creation or replay)
     * @param retryUntil  the horizon: no attempt is scheduled after it
     */
    public Decision decide(Integer status, String retryAfter, int retryNumber, Instant now, Instant retryUntil) {
        if (status != null && status >= 200 && status < 300) {
            return new Decision(Outcome.DELIVERED, null, null);
        }
        boolean retryable = status == null || status == 408 || status == 429 || status >= 500;
        if (!retryable) {
            return new Decision(Outcome.DEAD, null,
                    "the receiver answered " + status + ", which a retry would not change");
        }
        if (retryNumber >= maxAttempts) {
            return new Decision(Outcome.DEAD, null, "no success after " + maxAttempts + " attempts");
        }
        Duration wait = backoff(retryNumber);
        Duration asked = status != null && (status == 429 || status == 503) ? retryAfter(retryAfter, now) : null;
        if (asked != null && asked.compareTo(wait) > 0) {
            wait = asked;
        }
        Instant next = now.plus(wait);
        if (next.isAfter(retryUntil)) {
            return new Decision(Outcome.DEAD, null, "the next retry would fall after the retry horizon");
        }
        return new Decision(Outcome.RETRY, next, null);
    }

    /** {@code min(cap, base × factor^(n−1))}, jittered into {@code [d/2, d]}. */
    Duration backoff(int retryNumber) {
        double millis = Math.min(cap.toMillis(), base.toMillis() * Math.pow(factor, retryNumber - 1));
        return Duration.ofMillis((long) (millis / 2 + random.getAsDouble() * millis / 2));
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable (then the back-off applies). */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
