package org.revops.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed authentications per source address in fixed one-minute windows, in this instance's memory. A source that
 * presented {@code failedPerMinute} bad credentials this minute is refused until the minute ends, before its next key
 * or token is even looked up: guessing costs the guesser, not the database. Each instance counts for itself (with N
 * instances a source gets N times the limit): the point is to shed load and slow guessing, and API keys (256 random
 * bits) and signed tokens cannot be guessed anyway. Successful requests are neither counted nor do they reset the count.
 *
 * <p>At most {@link #MAX_SOURCES} sources are tracked per window, so a flood of spoofed addresses cannot grow the map
 * without bound; past that, new sources are not limited until the next window.
 */
@ApplicationScoped
public class FailedAuthentications {
    static final long WINDOW_SECONDS = 60;
    static final int MAX_SOURCES = 100_000;

    /** A refusal: the client may try again in {@code retryAfterSeconds} (at least 1). */
    public record Refusal(int limit, long retryAfterSeconds) {
    }

    private record Window(long start, int failures) {
    }

    private final int failedPerMinute;
    private final Map<String, Window> sources = new ConcurrentHashMap<>();
    private volatile long currentWindow;

    @Inject
    public FailedAuthentications(AuthenticationConfig config) {
        this(config.failedPerMinute());
    }

    /** A tracker with its own limit; tests install one with a small limit in place of the configured one. */
    public FailedAuthentications(int failedPerMinute) {
        this.failedPerMinute = failedPerMinute;
    }

    /** Whether {@code source} is refused at {@code now}; empty when it may try to authenticate. */
    public Optional<Refusal> refusal(String source, Instant now) {
        long window = windowOf(now);
        Window seen = sources.get(source);
        if (seen == null || seen.start() != window || seen.failures() < failedPerMinute) {
            return Optional.empty();
        }
        long retryAfter = Math.max(1, window + WINDOW_SECONDS - now.getEpochSecond());
        return Optional.of(new Refusal(failedPerMinute, retryAfter));
    }

    /** Counts one failed authentication of {@code source} at {@code now}. */
    public void failed(String source, Instant now) {
        long window = windowOf(now);
        if (window != currentWindow) {
            // a new minute: the counts of past ones limit nobody any more
            currentWindow = window;
            sources.values().removeIf(w -> w.start() < window);
        }
        if (sources.size() >= MAX_SOURCES && !sources.containsKey(source)) {
            return;
        }
        sources.merge(source, new Window(window, 1),
                (old, one) -> old.start() == window ? new Window(window, old.failures() + 1) : one);
    }

    private static long windowOf(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), WINDOW_SECONDS) * WINDOW_SECONDS;
    }
}
