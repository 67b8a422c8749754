package org.revops.platform.job;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A long-running piece of work as clients see it: poll it until {@code state} is succeeded or failed. */
@Schema(name = "Job", description = "Long-running work (realignment, imports): state, progress, counts, errors, result.")
@Type("Job")
public record JobView(
        UUID id,
        @Schema(description = "What the job does, e.g. territory.preview", example = "territory.preview") String kind,
        @Schema(description = "The record the job works on, e.g. the territory model") UUID subjectId,
        @Schema(enumeration = {"queued", "running", "succeeded", "failed"}) String state,
        @Schema(description = "0–100; 100 once finished") int percent,
        @Schema(description = "Running totals, e.g. accounts, matched, ties, moved") Map<String, Long> counts,
        @Schema(description = "Why the job failed; empty otherwise") List<JobError> errors,
        @Schema(description = "What the job produced, by kind; null until it succeeded") @Ignore JsonNode result,
        UUID createdBy, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    @Schema(name = "JobError")
    @Type("JobError")
    public record JobError(@Schema(description = "What went wrong, for people") String message) {
    }
}
