package org.revops.platform.job;

import io.smallrye.mutiny.Uni;

import java.util.Map;
import java.util.UUID;

/** What a running job reports; written on its own connection, so callers see it while the work's transaction runs. */
public interface JobProgress {
    UUID jobId();

    /** Percent done (0–100) and the running counts; both replace the previous values. */
    Uni<Void> report(int percent, Map<String, Long> counts);
}
