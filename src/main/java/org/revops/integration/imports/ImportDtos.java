package org.revops.integration.imports;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.graphql.PageInfo;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response shapes of CSV imports. */
public final class ImportDtos {
    private ImportDtos() {
    }

    @Schema(name = "Import", description = "A CSV import: what it writes, how its columns map, and its job's progress.")
    @Type("Import")
    public record ImportView(
            UUID id,
            @Schema(enumeration = {"accounts", "contacts", "leads"}) String object,
            @Schema(description = "Default source of rows without an externalSource cell", example = "hubspot")
            String externalSource,
            @Schema(description = "Every CSV column → the record field it fills (null: ignored)")
            Map<String, String> mapping,
            @Schema(description = "Data rows in the file (the header not counted)") int rows,
            @Schema(description = "Size of the uploaded file in bytes") long bytes,
            @Schema(enumeration = {"queued", "running", "succeeded", "failed"}) String state,
            @Schema(description = "0–100") int percent,
            ImportCounts counts,
            @Schema(description = "Why the import job failed; null otherwise") String failure,
            UUID jobId, UUID createdBy, OffsetDateTime createdAt, OffsetDateTime finishedAt,
            ImportLinks links) {
    }

    @Schema(name = "ImportCounts", description = "Rows processed so far and what became of them.")
    @Type("ImportCounts")
    public record ImportCounts(long processed, long created, long updated, long unchanged,
                               @Schema(description = "Rows refused; each is reported in the import's errors")
                               long errors) {
    }

    @Schema(name = "ImportLinks")
    @Type("ImportLinks")
    public record ImportLinks(@Schema(example = "/api/v1/jobs/6f1c…") String job,
                              @Schema(example = "/api/v1/imports/0b7e…/errors") String errors) {
    }

    @Schema(name = "ImportError", description = "One field error of a refused row; a row with two bad fields has two.")
    @Type("ImportError")
    public record ImportErrorView(
            @Schema(description = "Line of the file where the row starts (the header is line 1)") int line,
            String externalId,
            @Schema(description = "The record field, as in the batch upsert (email, ownerEmail, record…)") String field,
            String message) {
    }

    @Type("ImportEdge")
    public record ImportEdge(@NonNull ImportView node, @NonNull String cursor) {
    }

    @Type("ImportConnection")
    @Description("Imports, newest first")
    public record ImportConnection(@NonNull List<@NonNull ImportEdge> edges, @NonNull PageInfo pageInfo) {
    }

    @Type("ImportErrorEdge")
    public record ImportErrorEdge(@NonNull ImportErrorView node, @NonNull String cursor) {
    }

    @Type("ImportErrorConnection")
    @Description("An import's row errors by line")
    public record ImportErrorConnection(@NonNull List<@NonNull ImportErrorEdge> edges, @NonNull PageInfo pageInfo) {
    }
}
