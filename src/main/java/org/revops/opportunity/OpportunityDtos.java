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
            @Size(max = 500) @Schema(example = "Send revised proposal") String nextStep,
            @Size(max = 100) @Schema(description = "Where the deal came from", example = "trade-show") String source,
            @Size(max = 200) String externalId,
            @Size(max = 100) String externalSource) {
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
            String nextStep, String source, String externalId, String externalSource,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Versioned {
    }
}
