package org.revops.integration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Change feed settings. */
@ConfigMapping(prefix = "revops.changes")
public interface ChangeFeedConfig {
    /** How long changes are kept; older ones are pruned and a cursor from before them answers 410. */
    @WithDefault("30d")
    Duration retention();

    /** When retention runs (Quartz cron, UTC); {@code off} disables it (tests prune on demand). */
    @WithDefault("0 17 * * * ?")
    String pruneCron();
}
