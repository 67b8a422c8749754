package org.revops.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.error.FieldError;
import org.revops.platform.graphql.UserError;

import java.util.List;
import java.util.UUID;

/** The answer of every batch upsert, whatever the record type. */
public final class BatchDtos {
    private BatchDtos() {
    }

    @Schema(name = "BatchRecordResult", description = "What happened to one record, in input order.")
    @Type("BatchRecordResult")
    public record RecordResult(
            @Schema(description = "Position of the record in `records`, from 0") int index,
            @Schema(example = "hubspot") String externalSource,
            @Schema(example = "00Q5g00000AbCd") String externalId,
            @Schema(description = "created, updated, unchanged (already stored exactly so), error, or not-applied "
                    + "(valid, but an atomic batch with errors writes nothing)",
                    enumeration = {"created", "updated", "unchanged", "error", "not-applied"}) String status,
            @Schema(description = "The record's id; null for errors and for records an atomic batch did not create")
            UUID id,
            @Schema(description = "Why the record was refused: field and message") List<FieldError> errors) {
    }

    @Schema(name = "BatchCounts")
    @Type("BatchCounts")
    public record Counts(int created, int updated, int unchanged, int error, int notApplied) {
    }

    @Schema(name = "BatchResult", description = "One result per record in input order, and the counts.")
    @Type("BatchResult")
    public record Result(
            @Schema(description = "false when an atomic batch had errors and nothing was written") boolean applied,
            boolean atomic, Counts counts, List<RecordResult> results) {
    }

    /** A batch mutation's answer; an atomic batch that wrote nothing also says so in userErrors. */
    @Type("BatchUpsertPayload")
    public record Payload(Result result, @NonNull List<@NonNull UserError> userErrors) {
    }

    /** The 422 body of an atomic batch with errors: problem+json plus every record's result. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BatchRejected", description = "RFC 9457 problem of an atomic batch with invalid records (422): "
            + "`errors` names each field as records[i].field; `results` reports every record.")
    public record Rejected(String type, String title, int status, String detail, List<FieldError> errors,
                           boolean applied, boolean atomic, Counts counts, List<RecordResult> results) {
    }
}
