package org.revops.forecast;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.forecast.ForecastDtos.CumulativeView;
import org.revops.forecast.ForecastDtos.PeriodRef;
import org.revops.forecast.ForecastDtos.ScopeView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Requests and responses of forecast snapshots, trends and accuracy. Amounts are in the workspace currency. */
public final class ForecastSnapshotDtos {
    private ForecastSnapshotDtos() {
    }

    @Schema(name = "ForecastSnapshotInput", description = "The periods to snapshot; default: the current month, "
            + "quarter and fiscal year.")
    @Input("ForecastSnapshotInput")
    public record SnapshotInput(@Schema(example = "[\"2026-Q4\", \"FY2027\"]") List<String> periodIds) {
    }

    @Schema(name = "ForecastSnapshotsTaken", description = "How many scope snapshots were written (every scope of every "
            + "period), the day they stand for, and the periods.")
    @Type("ForecastSnapshotsTaken")
    public record TakenView(int taken, @NonNull LocalDate takenOn, @NonNull List<@NonNull String> periodIds) {
    }

    @Schema(name = "ForecastTrendPoint", description = "A scope's numbers on a day: cumulative views as computed "
            + "(closed, commit = Closed + Commit, bestCase = Closed + Commit + BestCase, openPipeline = Commit + "
            + "BestCase + Pipeline) and as adjusted, the open deals' weighted amount and count, and the quota.")
    @Type("ForecastTrendPoint")
    public record TrendPoint(@NonNull LocalDate takenOn,
                             @NonNull @Schema(enumeration = {"weekly", "manual", "demo", "live"}) String trigger,
                             @NonNull CumulativeView computed, @NonNull CumulativeView adjusted,
                             @NonNull BigDecimal weightedPipeline, int openCount, BigDecimal quota) {
    }

    @Schema(name = "ForecastTrend", description = "The snapshots of a scope and period by day, oldest first, and the "
            + "live numbers of today (trigger live) to compare them with.")
    @Type("ForecastTrend")
    public record TrendView(@NonNull PeriodRef period, @NonNull ScopeView scope, @NonNull String currency,
                            @NonNull List<@NonNull TrendPoint> points, @NonNull TrendPoint latest) {
    }

    @Schema(name = "ForecastAccuracyRow", description = "One call against what closed: forecast = the measure as "
            + "called (commit: Closed + Commit; bestCase: Closed + Commit + BestCase, adjusted), actual = the closed "
            + "amount of the same scope in the period, computed now; error = forecast − actual; "
            + "absolutePercentageError = |error| ÷ actual (null when actual is 0 or the scope is gone).")
    @Type("ForecastAccuracyRow")
    public record AccuracyRow(@NonNull @Schema(enumeration = {"submission", "snapshot"}) String source,
                              @NonNull String id, @NonNull ScopeView scope, @NonNull LocalDate calledOn,
                              OffsetDateTime submittedAt, @NonNull BigDecimal forecast, BigDecimal actual,
                              BigDecimal error, BigDecimal absolutePercentageError) {
    }

    @Schema(name = "ForecastAccuracySummary", description = "MAPE = mean of the absolute percentage errors of the rows "
            + "that have one, for submissions and snapshots apart (null without such rows).")
    @Type("ForecastAccuracySummary")
    public record AccuracySummary(int submissions, BigDecimal submissionsMape, int snapshots,
                                  BigDecimal snapshotsMape) {
    }

    @Schema(name = "ForecastAccuracy", description = "For an ended period: each user's latest submission made before "
            + "the period ended, and each scope's last snapshot taken before it ended, against the actual closed "
            + "amount; only the rows the caller may see.")
    @Type("ForecastAccuracy")
    public record AccuracyView(@NonNull PeriodRef period, @NonNull @Schema(enumeration = {"commit", "bestCase"})
                               String measure, @NonNull String currency,
                               @NonNull List<@NonNull AccuracyRow> submissions,
                               @NonNull List<@NonNull AccuracyRow> snapshots, @NonNull AccuracySummary summary) {
    }
}
