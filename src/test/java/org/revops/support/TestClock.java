package org.revops.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application clock in tests: real time until a test fixes "now" with {@link #set}, then frozen there (or moved
 * with {@link #advance}) so time-dependent rules are checked without sleeping. Tests that set it reset it after.
 */
public final class TestClock extends Clock {
    private static volatile Instant fixed;

    public static void set(Instant now) {
        fixed = now;
    }

    public static void set(String isoInstant) {
        set(Instant.parse(isoInstant));
    }

    public static void advance(java.time.Duration by) {
        fixed = (fixed == null ? Instant.now() : fixed).plus(by);
    }

    public static void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Replaces the application's clock producer in every @QuarkusTest. */
    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class Producer {
        @Produces
        @ApplicationScoped
        Clock clock() {
            return new TestClock();
        }
    }
}
