package org.revops.territory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Territory engine settings. */
@ConfigMapping(prefix = "revops.territories")
public interface TerritoryConfig {
    /**
     * Accounts per assignment statement in whole-model runs. Chunks keep each statement's memory bounded and give
     * jobs their progress; they all run in one transaction, so a run is still all or nothing.
     */
    @WithDefault("50000")
    int chunkSize();
}
