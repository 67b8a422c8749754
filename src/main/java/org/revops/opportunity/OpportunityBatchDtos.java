package org.revops.opportunity;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request shapes of the opportunity batch upsert (the service reads records as JSON: these document and type them). */
public final class OpportunityBatchDtos {
    private OpportunityBatchDtos() {
    }

    @Schema(name = "OpportunityUpsertRecord", description = """
            A deal keyed by externalSource + externalId (both required). A new key creates the deal with the rules of \
            POST /api/v1/opportunities, a known key is a JSON Merge Patch of the stored deal with the rules of PATCH \
            (omitted fields stay, null clears; a stage move resets probability and forecast category unless sent). \
            The account is given by accountId or accountExternalId (+ accountExternalSource, default: the record's \
            externalSource), the primary contact likewise, the owner by ownerId or ownerEmail, the stage by stageId or \
            by stageName within pipelineId. A won or lost stage closes the deal (a lost one needs closeReasonId); an \
            open stage reopens a closed deal and clears its close fields.""")
    @Input("OpportunityUpsertRecord")
    @Description("A deal keyed by externalSource + externalId; fields as in OpportunityInput, plus references by "
            + "external id, owner e-mail, stage name and the close fields. Omitted fields of a known deal stay.")
    public record OpportunityUpsertRecord(
            @Schema(required = true, example = "salesforce") @NonNull String externalSource,
            @Schema(required = true, example = "0065g00000QrSt") @NonNull String externalId,
            @Schema(description = "Required for a new deal", example = "Globex - 500 seats") String name,
            UUID accountId,
            @Schema(description = "The account's id in the source system, instead of accountId", example = "0015g00000XyZ")
            String accountExternalId,
            @Schema(description = "The account's source system; defaults to this record's externalSource")
            String accountExternalSource,
            UUID primaryContactId,
            @Schema(description = "The primary contact's id in the source system, instead of primaryContactId")
            String primaryContactExternalId,
            @Schema(description = "The contact's source system; defaults to this record's externalSource")
            String primaryContactExternalSource,
            UUID ownerId,
            @Schema(description = "The owner's e-mail instead of ownerId", example = "ann@example.com") String ownerEmail,
            @Schema(description = "Implied by the stage; required with stageName") UUID pipelineId,
            UUID stageId,
            @Schema(description = "The stage's name within pipelineId (case-insensitive), instead of stageId",
                    example = "Proposal") String stageName,
            BigDecimal amount, String currency, LocalDate closeDate,
            @Schema(description = "Override of the stage probability (0-100)") BigDecimal probability,
            ForecastCategory forecastCategory, String grade, String nextStep, String source, String campaign,
            UUID territoryId,
            @Schema(description = "Why the deal was won or lost (GET /api/v1/close-reasons); required for a lost stage")
            UUID closeReasonId,
            @Schema(description = "For a closed deal", example = "Initech") String competitor,
            @Schema(description = "For a closed deal") String closeNotes) {
    }

    @Schema(name = "OpportunityUpsertInput")
    @Input("OpportunityUpsertInput")
    public record OpportunityUpsertInput(
            @Schema(description = "true: any invalid record and nothing is written (422); false (default): valid "
                    + "records land, invalid ones are reported") Boolean atomic,
            @Schema(description = "1 to 10,000 records", maxItems = 10_000, minItems = 1)
            @NonNull List<@NonNull OpportunityUpsertRecord> records) {
    }
}
