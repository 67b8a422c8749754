package org.revops.lead;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Lead routing settings. */
@ConfigMapping(prefix = "revops.lead-routing")
public interface RoutingConfig {
    /** Capacity (leads per 30 days) of a territory rep whose routing settings were never saved. */
    @WithDefault("50")
    int defaultCapacity();
}
