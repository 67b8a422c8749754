package org.revops.territory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Territory engine settings. */
@ConfigMapping(prefix = "revops.territories")
public interface TerritoryConfig {
    /**
     * Accounts per assignment statement in whole-model runs. Chunks keep each statement's memory bounded and give
     * jobs their progress; they all run in one transaction, so a run is still all or nothing. Each statement
     * evaluates the model once per profile (see AssignmentSql) and reads the chunk's accounts from pages spread over
     * the whole table (ids are random), so chunks are large: bench/results/2026-11-23-vm-territories.md.
     */
    @WithDefault("250000")
    int chunkSize();
}
