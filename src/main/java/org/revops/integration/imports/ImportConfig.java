package org.revops.integration.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "revops.imports")
public interface ImportConfig {
    /**
     * Rows per chunk: what one engine batch (one transaction) upserts and what one stored chunk of the file holds.
     * At most 10,000, the batch upsert's limit.
     */
    @WithDefault("5000")
    int chunkRows();
}
