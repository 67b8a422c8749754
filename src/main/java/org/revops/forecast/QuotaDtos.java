package org.revops.forecast;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.rest.Versioned;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class QuotaDtos {
    private QuotaDtos() {
    }

    @Schema(name = "QuotaInput", description = "A target for one user or one territory (exactly one) in one period, in "
            + "the workspace currency.")
    @Input("QuotaInput")
    public record QuotaInput(
            @NotBlank @Schema(description = "FY2027, 2027-Q1 or 2026-11", example = "2027-Q1") String periodId,
            @Schema(description = "The user the quota is for") UUID userId,
            @Schema(description = "Or the territory (of any model) it is for") UUID territoryId,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(example = "250000") BigDecimal amount,
            @Size(max = 500) @Schema(example = "Ramp: half quota in the first quarter") String note) {
    }

    @Schema(name = "Quota")
    @Type("Quota")
    public record QuotaView(UUID id, String periodId,
                            @Schema(enumeration = {"year", "quarter", "month"}) String periodKind,
                            LocalDate startDate, @Schema(description = "Last day (inclusive)") LocalDate endDate,
                            UUID userId, UUID territoryId, BigDecimal amount,
                            @Schema(description = "The workspace currency") String currency, String note,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Versioned {
    }

    @Schema(name = "QuotaShare", description = "A rep's share of a team target, by weight.")
    @Input("QuotaShareInput")
    public record QuotaShare(@NotNull UUID userId,
                             @NotNull @DecimalMin("0") @Schema(example = "1") BigDecimal weight) {
    }

    @Schema(name = "QuotaPlanInput", description = """
            Sets a yearly target and spreads it: over the fiscal year's quarters by `quarterWeights` (default even, \
            e.g. [20,25,25,30]), each quarter over its months by `monthWeights` (default even), and, with `shares`, \
            over reps by weight first (each rep's year is then spread the same way). Amounts are rounded to cents \
            with the largest-remainder method, so months add up to their quarter and quarters to their year exactly. \
            The quotas of those periods for those users or that territory are created or replaced, in one \
            transaction; `dryRun` answers the plan without writing.""")
    @Input("QuotaPlanInput")
    public record QuotaPlanInput(
            @NotBlank @Schema(example = "FY2027") String fiscalYear,
            @Schema(description = "The user the target is for (a manager: their team's number)") UUID userId,
            @Schema(description = "Or the territory") UUID territoryId,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(example = "1000000") BigDecimal amount,
            @Schema(description = "4 weights, one per fiscal quarter", example = "[20, 25, 25, 30]")
            List<BigDecimal> quarterWeights,
            @Schema(description = "3 weights, the months of each quarter", example = "[1, 1, 1]")
            List<BigDecimal> monthWeights,
            @Schema(description = "Spread the target over these reps too") List<@Valid QuotaShare> shares,
            @Schema(description = "Answer the plan without writing") Boolean dryRun) {
    }

    @Schema(name = "QuotaPlanLine", description = "One period's target and the cumulative target at its end.")
    @Type("QuotaPlanLine")
    public record PlanLine(String periodId, LocalDate startDate, LocalDate endDate, BigDecimal amount,
                           @Schema(description = "Cumulative target from the start of the fiscal year") BigDecimal milestone) {
    }

    @Schema(name = "QuotaPlanTarget", description = "The plan of one user or territory.")
    @Type("QuotaPlanTarget")
    public record PlanTarget(UUID userId, UUID territoryId, PlanLine year, List<PlanLine> quarters,
                             List<PlanLine> months) {
    }

    @Schema(name = "QuotaPlan")
    @Type("QuotaPlan")
    public record PlanView(String fiscalYear, String currency, boolean written, PlanTarget target,
                           @Schema(description = "One per share, in the order given") List<PlanTarget> shares) {
    }
}
