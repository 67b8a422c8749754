package org.revops.forecast;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.opportunity.ForecastCategory;
import org.revops.platform.rest.Versioned;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

public final class ForecastAdjustmentDtos {
    private ForecastAdjustmentDtos() {
    }

    @Schema(name = "ForecastAdjustmentInput", description = "A person's call on one category of a user's forecast (the "
            + "user and the team below) in a period: the amount that replaces the computed one. The user adjusts "
            + "their own; a manager above them adjusts theirs.")
    @Input("ForecastAdjustmentInput")
    public record AdjustmentInput(
            @NotNull @Schema(description = "Whose forecast") UUID userId,
            @NotBlank @Schema(example = "2026-Q4") String periodId,
            @NotNull @Schema(description = "Pipeline, BestCase or Commit (Closed is a fact, Omitted never counts)",
                    enumeration = {"Pipeline", "BestCase", "Commit"}) ForecastCategory category,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(example = "120000") BigDecimal amount,
            @Size(max = 1000) @Schema(example = "Globex slips to January") String note) {
    }

    @Schema(name = "ForecastAdjustment")
    @Type("ForecastAdjustment")
    public record AdjustmentView(UUID id, UUID userId, String periodId, ForecastCategory category, BigDecimal amount,
                                 String currency, String note,
                                 @Schema(description = "Who made the call") UUID adjustedBy,
                                 OffsetDateTime createdAt, OffsetDateTime updatedAt, long version)
            implements Versioned {
    }
}
