package org.revops.opportunity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.rest.Versioned;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class OpportunityDtos {
    private OpportunityDtos() {
    }

    @Schema(name = "OpportunityInput", description = """
            A deal. `probability` and `forecastCategory` default from the stage; a value sent here overrides the \
            stage's until it is cleared with null. Moving to another stage without sending them clears the overrides.""")
    @Input("OpportunityInput")
    public record OpportunityInput(
            @NotBlank @Size(max = 200) @Schema(example = "Globex - 500 seats") String name,
            @NotNull UUID accountId,
            @Schema(description = "A contact of the same account") UUID primaryContactId,
            @Schema(description = "Owner; defaults to the caller") UUID ownerId,
            @Schema(description = "Optional: implied by the stage; must match it when sent") UUID pipelineId,
            @NotNull UUID stageId,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(example = "48000") BigDecimal amount,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
            @Schema(description = "Defaults to the workspace currency", example = "EUR") String currency,
            @NotNull @Schema(example = "2026-12-15") LocalDate closeDate,
            @DecimalMin("0") @DecimalMax("100") @Schema(description = "Override of the stage probability (0-100)")
            BigDecimal probability,
            @Schema(description = "Override of the stage forecast category") ForecastCategory forecastCategory,
            @Pattern(regexp = "[ABC]", message = "must be A, B or C")
            @Schema(description = "A grade set by a person (A, B, C); wins over the computed grade until cleared with null")
            String grade,
            @Size(max = 500) @Schema(example = "Send revised proposal") String nextStep,
            @Size(max = 100) @Schema(description = "Where the deal came from", example = "trade-show") String source,
            @Size(max = 200) @Schema(description = "The campaign that produced the deal", example = "Hannover Messe 2026")
            String campaign,
            @Size(max = 200) String externalId,
            @Size(max = 100) String externalSource,
            @Schema(description = "A territory of the active territory model, set by hand; null: the deal follows its "
                    + "account's territory") UUID territoryId) {
    }

    @Schema(name = "Opportunity")
    @Type("Opportunity")
    public record OpportunityView(
            UUID id, String name, UUID accountId, UUID primaryContactId, UUID ownerId, UUID pipelineId, UUID stageId,
            BigDecimal amount, String currency, LocalDate closeDate,
            @Schema(description = "Effective probability: the override if set, else the stage's") BigDecimal probability,
            @Schema(description = "`stage` or `manual`", enumeration = {"stage", "manual"}) String probabilitySource,
            ForecastCategory forecastCategory,
            @Schema(enumeration = {"stage", "manual"}) String forecastCategorySource,
            String nextStep,
            @Schema(description = "Where the deal came from; a converted lead's channel") String source,
            @Schema(description = "The campaign that produced the deal; a converted lead's campaign") String campaign,
            @Schema(description = "The lead the deal was converted from (POST /api/v1/leads/{id}/convert)")
            UUID leadId,
            String externalId, String externalSource,
            @Schema(description = "`open`, `won` or `lost`, from the stage", enumeration = {"open", "won", "lost"})
            String status,
            @Schema(description = "When the deal was closed; null while open") OffsetDateTime closedAt,
            @Schema(description = "Why it was won or lost") UUID closeReasonId,
            String competitor, String closeNotes,
            @Schema(description = "Effective grade: a person's grade if set, else the computed one",
                    enumeration = {"A", "B", "C"}) String grade,
            @Schema(description = "`computed` or `manual`", enumeration = {"computed", "manual"}) String gradeSource,
            @Schema(description = """
                    The grade from the sales policy: value level v (0 when amount >= gradeAAmount, 1 when >= \
                    gradeBAmount, else 2) and intent level i (the same with the effective probability against \
                    gradeAProbability / gradeBProbability) select matrix[v][i].""", enumeration = {"A", "B", "C"})
            String computedGrade,
            @Schema(description = "The latest occurredAt of the deal's activities (null when it has none); kept "
                    + "current by every activity logged, changed or deleted on the deal") OffsetDateTime lastActivityAt,
            @Schema(description = "Open deals: (last activity, else creation) + the follow-up cadence of the grade")
            OffsetDateTime nextFollowUpAt,
            @Schema(description = "When the deal entered its current stage") OffsetDateTime stageEnteredAt,
            @Schema(description = "Whole days in the current stage") int daysInStage,
            @Schema(description = "Whole days since the deal was created") int daysSinceCreation,
            @Schema(description = "How many times the close date moved later") int closeDatePushes,
            @Schema(description = "Open and past the stage's stallAfterDays, or without activity for longer than the "
                    + "policy's inactivityStallDays") boolean stalled,
            @Schema(description = "Why it is stalled: `stage` (too long in the stage), `inactivity` (no activity)")
            List<String> stalledReasons,
            @Schema(description = "The deal's territory: the one set by hand, else its account's in the active model")
            UUID territoryId,
            @Schema(description = "`manual` (set on the deal) or `account` (follows the account); null when none",
                    enumeration = {"manual", "account"}) String territorySource,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Versioned {
    }

    @Schema(name = "CloseInput", description = "Closes a deal as won or lost.")
    @Input("CloseInput")
    public record CloseInput(
            @NotNull @Schema(description = "true: won; false: lost") Boolean won,
            @Schema(description = "A close reason of the workspace (GET /api/v1/close-reasons); required when lost")
            UUID reasonId,
            @Size(max = 200) @Schema(example = "Initech") String competitor,
            @Size(max = 2000) String notes) {
    }

    @Schema(name = "ReopenInput", description = "Reopens a closed deal.")
    @Input("ReopenInput")
    public record ReopenInput(
            @Schema(description = "An open stage of the deal's pipeline; defaults to the stage it was closed from")
            UUID stageId) {
    }

    @Schema(name = "OpportunityChange", description = """
            One changed field. Values are text: a stage id, an amount (plain decimal), a date (YYYY-MM-DD), a \
            probability (0-100) or a forecast category; `from` is null when the deal was created.""")
    @Type("OpportunityChange")
    public record ChangeView(
            long id,
            @Schema(enumeration = {"create", "update", "close", "reopen"}) String action,
            @Schema(enumeration = {"stage", "amount", "closeDate", "probability", "forecastCategory"}) String field,
            String from, String to, UUID fromStageId, UUID toStageId,
            @Schema(description = "The user who made the change") UUID changedBy,
            OffsetDateTime changedAt) {
    }
}
