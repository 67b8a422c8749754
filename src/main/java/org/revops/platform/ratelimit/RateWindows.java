package org.revops.platform.ratelimit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed one-minute windows of requests per API key, as one instance sees them: the count all instances had shared
 * at the last sync, plus what this instance admitted since (in flight to the shared store, or not yet sent). A request
 * is admitted while {@code shared + inFlight + pending < limit}; a refused request does not count.
 *
 * <p>Fixed windows (not a sliding log or a token bucket) because the headers then say exactly what happens:
 * {@code RateLimit-Remaining} requests are left until {@code RateLimit-Reset} seconds from now, when the count
 * starts again from zero. The price is that a client may spend one window's limit at its end and the next one's at
 * its start. No Quarkus in here: {@link RateLimitSync} moves the counts, {@link RateLimitGate} asks.
 */
@jakarta.inject.Singleton
public final class RateWindows {
    static final long WINDOW_SECONDS = 60;

    /** What the gate answers and puts in the headers; {@code resetSeconds} is at least 1. */
    public record Admission(boolean admitted, int limit, long remaining, long resetSeconds) {
    }

    /** Counts of one key's window to add to the shared store. */
    public record Pending(UUID workspaceId, UUID keyId, Instant windowStart, long requests) {
    }

    /** The shared count of a key's window after this instance's counts were added. */
    public record Shared(UUID keyId, Instant windowStart, long requests) {
    }

    private static final class KeyWindow {
        final UUID workspaceId;
        long windowStart;
        long shared;
        long inFlight;
        long pending;

        KeyWindow(UUID workspaceId, long windowStart) {
            this.workspaceId = workspaceId;
            this.windowStart = windowStart;
        }
    }

    private final Map<UUID, KeyWindow> keys = new ConcurrentHashMap<>();

    public static Instant windowOf(Instant now) {
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), WINDOW_SECONDS) * WINDOW_SECONDS);
    }

    /** Admits or refuses one request of {@code keyId} at {@code now} under {@code limit} requests per window. */
    public Admission admit(UUID workspaceId, UUID keyId, int limit, Instant now) {
        long window = windowOf(now).getEpochSecond();
        long reset = Math.max(1, window + WINDOW_SECONDS - now.getEpochSecond());
        while (true) {
            KeyWindow key = keys.computeIfAbsent(keyId, id -> new KeyWindow(workspaceId, window));
            synchronized (key) {
                if (keys.get(keyId) == key) {
                    return admit(key, window, limit, reset);
                }
            }
            // forgotten by drain() between the lookup and the lock: take the fresh one
        }
    }

    private static Admission admit(KeyWindow key, long window, int limit, long reset) {
        if (key.windowStart != window) {
            // a new window starts from zero; counts of a past one no longer limit anybody
            key.windowStart = window;
            key.shared = 0;
            key.inFlight = 0;
            key.pending = 0;
        }
        long used = key.shared + key.inFlight + key.pending;
        if (used >= limit) {
            return new Admission(false, limit, 0, reset);
        }
        key.pending++;
        return new Admission(true, limit, limit - used - 1, reset);
    }

    /**
     * Takes the counts not yet shared (they stay counted, as in flight, until {@link #settle} or {@link #restore}),
     * and forgets keys idle since before {@code now}'s window.
     */
    public List<Pending> drain(Instant now) {
        long window = windowOf(now).getEpochSecond();
        List<Pending> drained = new ArrayList<>();
        keys.forEach((keyId, key) -> {
            synchronized (key) {
                if (key.pending > 0) {
                    drained.add(new Pending(key.workspaceId, keyId, Instant.ofEpochSecond(key.windowStart),
                            key.pending));
                    key.inFlight += key.pending;
                    key.pending = 0;
                } else if (key.windowStart < window && key.inFlight == 0) {
                    keys.remove(keyId, key);
                }
            }
        });
        return drained;
    }

    /** The shared store took {@code sent}: each key now counts what all instances admitted in its window. */
    public void settle(List<Pending> sent, List<Shared> shared) {
        Map<UUID, Shared> byKey = new java.util.HashMap<>();
        shared.forEach(s -> byKey.put(s.keyId(), s));
        for (Pending p : sent) {
            KeyWindow key = keys.get(p.keyId());
            if (key == null) {
                continue;
            }
            synchronized (key) {
                if (key.windowStart != p.windowStart().getEpochSecond()) {
                    continue; // the window moved on while the counts travelled
                }
                key.inFlight -= p.requests();
                Shared total = byKey.get(p.keyId());
                if (total != null && total.windowStart().equals(p.windowStart())) {
                    key.shared = total.requests();
                }
            }
        }
    }

    /** The shared store did not take {@code sent}: they are sent again with the next sync. */
    public void restore(List<Pending> sent) {
        for (Pending p : sent) {
            KeyWindow key = keys.get(p.keyId());
            if (key == null) {
                continue;
            }
            synchronized (key) {
                if (key.windowStart == p.windowStart().getEpochSecond()) {
                    key.inFlight -= p.requests();
                    key.pending += p.requests();
                }
            }
        }
    }
}
