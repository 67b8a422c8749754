package org.revops.opportunity;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

public final class SalesPolicyDtos {
    private SalesPolicyDtos() {
    }

    /** How a deal's grade is computed, for the OpenAPI and GraphQL descriptions. */
    static final String FORMULA = """
            Grade of an open or closed deal, computed on every read: value level v = high (0) when amount >= \
            gradeAAmount, medium (1) when amount >= gradeBAmount, else low (2); intent level i = high (0) when the \
            effective probability (the deal's override, else its stage's) >= gradeAProbability, medium (1) when >= \
            gradeBProbability, else low (2); computedGrade = gradeMatrix[v][i]. Amounts are compared as they are, in \
            the deal's currency. A grade set by a person on the deal wins (gradeSource = manual). An open deal's \
            nextFollowUpAt = (lastActivityAt, else createdAt) + cadenceDays[grade] days. An open deal is stalled when \
            its whole days in the current stage exceed the stage's stallAfterDays, or its whole days since the last \
            activity (else creation) exceed inactivityStallDays. A change applies to every deal at once.""";

    @Schema(name = "CadenceDays", description = "Days from the last activity (else creation) to the next follow-up, "
            + "per grade; each 1-365.")
    @Type("CadenceDays")
    @Input("CadenceDaysInput")
    public record CadenceDays(
            @JsonProperty("A") @NotNull @Min(1) @Max(365) @Schema(example = "1") Integer A,
            @JsonProperty("B") @NotNull @Min(1) @Max(365) @Schema(example = "7") Integer B,
            @JsonProperty("C") @NotNull @Min(1) @Max(365) @Schema(example = "30") Integer C) {
    }

    @Schema(name = "SalesPolicyInput", description = "The workspace's sales policy, changed with a JSON Merge Patch. "
            + FORMULA)
    public record SalesPolicyInput(
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4)
            @Schema(description = "Amount from which a deal's value level is high", example = "50000")
            BigDecimal gradeAAmount,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4)
            @Schema(description = "Amount from which the value level is medium; at most gradeAAmount", example = "10000")
            BigDecimal gradeBAmount,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            @Schema(description = "Probability (0-100) from which the intent level is high", example = "60")
            BigDecimal gradeAProbability,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            @Schema(description = "Probability from which the intent level is medium; at most gradeAProbability",
                    example = "25")
            BigDecimal gradeBProbability,
            @NotNull @Schema(description = "Three rows (value high, medium, low) of three grades (intent high, medium, "
                    + "low), each A, B or C", example = "[[\"A\",\"A\",\"B\"],[\"A\",\"B\",\"C\"],[\"B\",\"C\",\"C\"]]")
            List<List<String>> gradeMatrix,
            @NotNull @Valid CadenceDays cadenceDays,
            @Min(1) @Max(3650) @Schema(description = "An open deal without activity for more than this many days is "
                    + "stalled; null turns the rule off", example = "30")
            Integer inactivityStallDays) {
    }

    @Schema(name = "SalesPolicy", description = "The workspace's grading thresholds and matrix, follow-up cadence and "
            + "inactivity rule. " + FORMULA)
    @Type("SalesPolicy")
    public record SalesPolicyView(
            @Schema(description = "Amount from which a deal's value level is high") BigDecimal gradeAAmount,
            @Schema(description = "Amount from which the value level is medium") BigDecimal gradeBAmount,
            @Schema(description = "Effective probability (0-100) from which the intent level is high")
            BigDecimal gradeAProbability,
            @Schema(description = "Effective probability from which the intent level is medium")
            BigDecimal gradeBProbability,
            @Schema(description = "gradeMatrix[v][i]: rows are the value level (high, medium, low), columns the "
                    + "intent level (high, medium, low)") List<List<String>> gradeMatrix,
            CadenceDays cadenceDays,
            @Schema(description = "Days without activity after which an open deal is stalled; null: rule off")
            Integer inactivityStallDays,
            OffsetDateTime updatedAt,
            @Schema(description = "Optimistic-locking version, also the ETag") long version) {
    }
}
