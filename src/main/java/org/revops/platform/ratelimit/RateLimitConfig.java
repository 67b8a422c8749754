package org.revops.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Requests per minute per API key, and how often instances share their counts. */
@ConfigMapping(prefix = "revops.rate-limit")
public interface RateLimitConfig {
    /** The limit of a key that has none of its own. */
    @WithDefault("6000")
    int defaultPerMinute();

    /**
     * How often an instance adds its counts to the shared ones in PostgreSQL and learns the other instances'. With N
     * instances a key can exceed its limit by what the other N−1 admit in one interval; one instance is exact.
     */
    @WithDefault("1s")
    Duration syncInterval();
}
