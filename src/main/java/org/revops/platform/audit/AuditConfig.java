package org.revops.platform.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Audit log settings. */
@ConfigMapping(prefix = "revops.audit")
public interface AuditConfig {
    /** How long audit events are kept; older ones are pruned. */
    @WithDefault("365d")
    Duration retention();

    /** When retention runs (Quartz cron, UTC); {@code off} disables it (tests prune on demand). */
    @WithDefault("0 47 3 * * ?")
    String pruneCron();
}
