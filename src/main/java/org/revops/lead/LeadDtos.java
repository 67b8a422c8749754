package org.revops.lead;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.lead.scoring.ScoringDtos.ScoreReasonView;
import org.revops.platform.rest.Versioned;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

public final class LeadDtos {
    private LeadDtos() {
    }

    static final String SOURCES = "web-form|trade-show|partner-referral|campaign|outbound|other";
    static final String STATUSES = "new|working|nurturing|qualified|disqualified";

    @Schema(name = "LeadInput", description = """
            A lead: a person, their company, where they came from, BANT qualification and engagement. At least one of \
            lastName, email or company. `status` cannot be set to `converted` (use POST /api/v1/leads/{id}/convert); \
            `disqualified` needs a `disqualifiedReason`. `territoryId` set here is a manual territory that rule \
            matching keeps; null lets the active territory model's rules decide.""")
    @Input("LeadInput")
    public record LeadInput(
            @Size(max = 100) @Schema(example = "Ada") String firstName,
            @Size(max = 100) @Schema(example = "Lovelace") String lastName,
            @Email @Size(max = 320) @Schema(example = "ada@analytical.example") String email,
            @Size(max = 50) @Schema(example = "+44 20 7946 0000") String phone,
            @Size(max = 200) @Schema(example = "Head of Operations") String title,
            @Size(max = 200) @Schema(example = "Analytical Engines Ltd") String company,
            @Size(max = 253) @Pattern(regexp = "[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", message = "must be a domain such as example.com")
            @Schema(example = "analytical.example") String companyDomain,
            @Size(max = 100) @Schema(example = "Manufacturing") String industry,
            @Min(0) @Schema(example = "450") Integer employeeCount,
            @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(example = "40000000") BigDecimal annualRevenue,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
            @Schema(description = "Currency of annualRevenue and budgetAmount; defaults to the workspace currency",
                    example = "GBP") String currency,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE")
            @Schema(example = "GB") String country,
            @Size(max = 100) @Schema(example = "EMEA") String region,
            @Size(max = 100) @Schema(example = "London") String city,
            @Size(max = 20) @Schema(example = "EC1A 1BB") String postalCode,
            @Pattern(regexp = SOURCES, message = "must be one of " + SOURCES)
            @Schema(description = "Channel the lead came from; defaults to other",
                    enumeration = {"web-form", "trade-show", "partner-referral", "campaign", "outbound", "other"},
                    example = "trade-show") String source,
            @Size(max = 200) @Schema(description = "Campaign (or event) that produced the lead", example = "Hannover Messe 2026")
            String campaign,
            @Size(max = 200) @Schema(description = "Referring partner", example = "Contoso Consulting") String partner,
            @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(example = "120000") BigDecimal budgetAmount,
            @Pattern(regexp = "none|indicative|approved", message = "must be none, indicative or approved")
            @Schema(description = "null: unknown", enumeration = {"none", "indicative", "approved"}) String budgetStatus,
            @Pattern(regexp = "user|influencer|decision-maker|economic-buyer",
                    message = "must be user, influencer, decision-maker or economic-buyer")
            @Schema(description = "The person's buying authority; null: unknown",
                    enumeration = {"user", "influencer", "decision-maker", "economic-buyer"}) String authority,
            @Size(max = 2000) @Schema(example = "Replace spreadsheets for production planning") String need,
            @Pattern(regexp = "now|this-quarter|next-quarter|this-year|later",
                    message = "must be now, this-quarter, next-quarter, this-year or later")
            @Schema(description = "When they intend to buy; null: unknown",
                    enumeration = {"now", "this-quarter", "next-quarter", "this-year", "later"}) String timeline,
            @Min(0) @Schema(description = "Website visits", example = "12") Integer visits,
            @Min(0) @Schema(example = "4") Integer emailOpens,
            @Min(0) @Schema(example = "1") Integer formFills,
            @Min(0) @Schema(example = "1") Integer eventsAttended,
            @Schema(description = "Last engagement (visit, open, form, event)") OffsetDateTime lastEngagedAt,
            @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES
                    + " (conversion: POST /api/v1/leads/{id}/convert)")
            @Schema(description = "Defaults to new", enumeration = {"new", "working", "nurturing", "qualified", "disqualified"})
            String status,
            @Size(max = 500) @Schema(description = "Required when status is disqualified", example = "No budget this year")
            String disqualifiedReason,
            @Schema(description = "Owner; a rep's own leads are theirs, other callers create unowned leads (to be routed) "
                    + "unless they name an owner") UUID ownerId,
            @Schema(description = "A territory of the active territory model, set by hand") UUID territoryId,
            @Size(max = 200) @Schema(description = "Id in the system the lead came from", example = "00Q5g00000AbCd")
            String externalId,
            @Size(max = 100) @Schema(description = "That system's name", example = "hubspot") String externalSource) {
    }

    @Schema(name = "Lead")
    @Type("Lead")
    public record LeadView(
            UUID id, String firstName, String lastName, String email, String phone, String title, String company,
            String companyDomain, String industry, Integer employeeCount, BigDecimal annualRevenue, String currency,
            String country, String region, String city, String postalCode, String source, String campaign,
            String partner, BigDecimal budgetAmount, String budgetStatus, String authority, String need,
            String timeline, int visits, int emailOpens, int formFills, int eventsAttended,
            OffsetDateTime lastEngagedAt, String status, String disqualifiedReason, UUID ownerId,
            @Schema(description = "Territory: set by hand, else matched by the active model's rules on write")
            UUID territoryId,
            @Schema(description = "manual, rule, or tie (several territories matched equally: none chosen)",
                    enumeration = {"manual", "rule", "tie"}) String territoryCause,
            @Schema(description = "Rule score 0-100 from the published scoring model") Integer score,
            @Schema(enumeration = {"A", "B", "C", "D"}) String grade,
            @Schema(description = "The criteria that counted towards score: criterion (position in the model), field, "
                    + "label, weight, points; null while unscored", type = SchemaType.ARRAY,
                    implementation = ScoreReasonView.class) @Ignore JsonNode scoreReasons,
            UUID scoringModelId, OffsetDateTime scoredAt,
            @Schema(description = "Predicted probability (0-100) of becoming won revenue") Integer predictiveScore,
            @Schema(description = "Why: the top three field values for and against a win (predictive models)")
            org.revops.lead.predictive.PredictiveFactors predictiveFactors,
            UUID predictiveModelId, OffsetDateTime predictedAt,
            OffsetDateTime convertedAt, UUID convertedAccountId, UUID convertedContactId, UUID convertedOpportunityId,
            String externalId, String externalSource, OffsetDateTime createdAt, OffsetDateTime updatedAt,
            long version) implements Versioned {
    }
}
