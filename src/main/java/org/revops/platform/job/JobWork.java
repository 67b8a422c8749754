package org.revops.platform.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;

/** The body of a job: does the work, reports progress on the way, and yields the job's result. */
@FunctionalInterface
public interface JobWork {
    Uni<JsonNode> run(JobProgress progress);
}
