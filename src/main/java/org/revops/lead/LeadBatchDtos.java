package org.revops.lead;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request shapes of the lead batch upsert (the service reads records as JSON: these document and type them). */
public final class LeadBatchDtos {
    private LeadBatchDtos() {
    }

    @Schema(name = "LeadUpsertRecord", description = """
            A lead keyed by externalSource + externalId (both required). A new key creates the lead with the rules \
            of POST /api/v1/leads; a known key is a JSON Merge Patch of the stored lead with the rules of PATCH \
            (omitted fields stay, null clears). The owner is given by ownerId or by ownerEmail (a user's e-mail, \
            case-insensitive).""")
    @Input("LeadUpsertRecord")
    @Description("A lead keyed by externalSource + externalId; fields as in LeadInput, plus ownerEmail. Omitted "
            + "(or null) fields of a known lead stay.")
    public record LeadUpsertRecord(
            @Schema(required = true, example = "hubspot") @NonNull String externalSource,
            @Schema(required = true, example = "00Q5g00000AbCd") @NonNull String externalId,
            String firstName, String lastName, String email, String phone, String title, String company,
            String companyDomain, String industry, Integer employeeCount, BigDecimal annualRevenue, String currency,
            String country, String region, String city, String postalCode,
            @Schema(description = "The channel: web-form, trade-show, partner-referral, campaign, outbound, other")
            String source,
            String campaign, String partner, BigDecimal budgetAmount, String budgetStatus, String authority,
            String need, String timeline, Integer visits, Integer emailOpens, Integer formFills, Integer eventsAttended,
            OffsetDateTime lastEngagedAt, String status, String disqualifiedReason, UUID ownerId,
            @Schema(description = "The owner's e-mail instead of ownerId", example = "ann@example.com") String ownerEmail,
            UUID territoryId) {
    }

    @Schema(name = "LeadUpsertInput")
    @Input("LeadUpsertInput")
    public record LeadUpsertInput(
            @Schema(description = "true: any invalid record and nothing is written (422); false (default): valid "
                    + "records land, invalid ones are reported") Boolean atomic,
            @Schema(description = "1 to 10,000 records", maxItems = 10_000, minItems = 1)
            @NonNull List<@NonNull LeadUpsertRecord> records) {
    }
}
