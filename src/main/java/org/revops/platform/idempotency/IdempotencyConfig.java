package org.revops.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long responses to keyed requests are kept, and how a duplicate that arrives mid-flight is treated. */
@ConfigMapping(prefix = "revops.idempotency")
public interface IdempotencyConfig {
    /** A replay within this time of the first request returns its stored response; after it the key is free. */
    @WithDefault("24h")
    Duration ttl();

    /**
     * How long an in-flight claim holds its key. A request that has not finished by then (its instance died) no longer
     * blocks retries of the same request: the next one takes the key over and runs.
     */
    @WithDefault("60s")
    Duration lease();

    /** How long a duplicate waits for the first request to finish (then replays it) before answering 409. */
    @WithDefault("2s")
    Duration duplicateWait();

    /** When expired keys are deleted (Quartz cron, UTC); `off` disables. */
    @WithDefault("0 17 * * * ?")
    String pruneCron();
}
