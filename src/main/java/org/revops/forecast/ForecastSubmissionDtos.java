package org.revops.forecast;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.forecast.ForecastDtos.CumulativeView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Requests and responses of forecast submissions. Amounts are in the workspace currency. */
public final class ForecastSubmissionDtos {
    private ForecastSubmissionDtos() {
    }

    @Schema(name = "ForecastSubmissionInput", description = "Submit your forecast (you and your team) for a period.")
    @Input("ForecastSubmissionInput")
    public record SubmissionInput(
            @NotBlank @Schema(description = "FY2027, 2027-Q1 or 2026-11", example = "2026-Q4") String periodId,
            @Size(max = 2000) @Schema(example = "Two commits slip to January; best case holds") String note) {
    }

    @Schema(name = "ForecastCall", description = "Amounts per forecast category as called (adjusted): Closed, Commit, "
            + "BestCase and Pipeline each on their own, not cumulative.")
    @Type("ForecastCall")
    public record CallView(@NonNull BigDecimal closed, @NonNull BigDecimal commit, @NonNull BigDecimal bestCase,
                           @NonNull BigDecimal pipeline) {
    }

    @Schema(name = "ForecastSubmission", description = "A user's forecast for a period as they called it, frozen at "
            + "submission: the categories as adjusted, their cumulative views (commit = Closed + Commit, bestCase = "
            + "Closed + Commit + BestCase, openPipeline = Commit + BestCase + Pipeline) and the quota of their scope.")
    @Type("ForecastSubmission")
    public record SubmissionView(@NonNull UUID id, @NonNull UUID userId, @NonNull String periodId,
                                 @NonNull LocalDate startDate,
                                 @NonNull @Schema(description = "Last day (inclusive)") LocalDate endDate,
                                 @NonNull String currency, @NonNull CallView categories,
                                 @NonNull CumulativeView cumulative, BigDecimal quota, String note,
                                 @NonNull UUID submittedBy, @NonNull OffsetDateTime submittedAt) {
    }
}
