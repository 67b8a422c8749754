package org.revops.lead.scoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Lead scoring settings. */
@ConfigMapping(prefix = "revops.scoring")
public interface ScoringConfig {
    /**
     * Leads per scoring statement when a model is published. Chunks bound each statement's memory and give the job its
     * progress; they all run in one transaction, so publishing is still all or nothing.
     */
    @WithDefault("50000")
    int chunkSize();
}
