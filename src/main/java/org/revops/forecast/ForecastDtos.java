package org.revops.forecast;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.forecast.ForecastFigures.Cumulative;
import org.revops.opportunity.ForecastCategory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Responses of forecast roll-ups. Amounts are in the workspace currency, rounded to 4 decimals; ratios to 4. */
public final class ForecastDtos {
    private ForecastDtos() {
    }

    @Schema(description = "One forecast category: the deals in it, their amount, amount × probability, and the amount "
            + "as adjusted by people (Pipeline, BestCase and Commit can be adjusted; Closed and Omitted never are).")
    public record CategoryView(@NonNull ForecastCategory category, long count, @NonNull BigDecimal amount,
                               @NonNull BigDecimal weightedAmount, @NonNull BigDecimal adjustedAmount) {
    }

    @Schema(description = "Cumulative views: closed = Closed; commit = Commit + Closed; bestCase = BestCase + Commit + "
            + "Closed; openPipeline = Pipeline + BestCase + Commit.")
    public record CumulativeView(@NonNull BigDecimal closed, @NonNull BigDecimal commit, @NonNull BigDecimal bestCase,
                                 @NonNull BigDecimal openPipeline) {
        static CumulativeView of(Cumulative c) {
            return new CumulativeView(money(c.closed()), money(c.commit()), money(c.bestCase()), money(c.openPipeline()));
        }
    }

    @Schema(description = "The forecast of a scope: categories, cumulative views as computed and as adjusted, quota "
            + "(set for the scope, else the sum of the team's or child territories'), attainment = closed ÷ quota, "
            + "gap = quota − closed, coverage = open pipeline ÷ (quota − closed).")
    public record FiguresView(@NonNull List<@NonNull CategoryView> categories, @NonNull CumulativeView computed,
                              @NonNull CumulativeView adjusted, BigDecimal quota,
                              @Schema(enumeration = {"explicit", "team", "none"}) @NonNull String quotaSource,
                              BigDecimal attainment, BigDecimal gap, BigDecimal coverage) {
        static FiguresView of(ForecastFigures f) {
            List<CategoryView> categories = Arrays.stream(ForecastCategory.values()).map(c -> new CategoryView(c,
                    f.computed(c).count(), money(f.computed(c).amount()), money(f.computed(c).weighted()),
                    money(f.adjusted(c)))).toList();
            return new FiguresView(categories, CumulativeView.of(f.cumulativeComputed()),
                    CumulativeView.of(f.cumulativeAdjusted()), money(f.quota()), f.quotaSource().name(),
                    f.attainment(), money(f.gap()), f.coverage());
        }
    }

    @Schema(description = "Whose forecast: type workspace, user (with the team below) or territory (with its subtree).")
    public record ScopeView(@NonNull String type, @NonNull String id, String name) {
    }

    @Schema(description = "A fiscal period.")
    public record PeriodRef(@NonNull String id, @NonNull String kind, @NonNull LocalDate startDate,
                            @NonNull LocalDate endDate) {
        static PeriodRef of(ForecastPeriod p) {
            return new PeriodRef(p.id(), p.kind(), p.start(), p.lastDay());
        }
    }

    @Schema(description = "A part of the scope: a direct report with their team (kind user), the scope user's own deals "
            + "(own), a child territory (territory), deals without a territory (unassigned), a stage, or a month. Parts "
            + "of one breakdown add up to the scope's computed numbers.")
    public record BreakdownRow(@NonNull String kind, String id, @NonNull String name, @NonNull FiguresView figures) {
    }

    public record Breakdowns(List<@NonNull BreakdownRow> users, List<@NonNull BreakdownRow> territories,
                             List<@NonNull BreakdownRow> stages, List<@NonNull BreakdownRow> months) {
    }

    @Schema(description = "Deals left out because no exchange rate of their currency was in effect on their close date.")
    public record UnconvertedView(@NonNull String currency, long count, @NonNull BigDecimal amount) {
    }

    @Schema(description = "A forecast roll-up of one scope in one period.")
    public record RollupView(@NonNull PeriodRef period, @NonNull ScopeView scope, @NonNull String currency,
                             @NonNull FiguresView totals, @NonNull List<@NonNull UnconvertedView> unconverted,
                             @NonNull Breakdowns breakdowns) {
    }

    @Schema(description = "The forecast export: one flat row per user (with their team) or territory of the scope.")
    public record ExportView(@NonNull PeriodRef period, @NonNull ScopeView scope, @NonNull String currency,
                             @NonNull List<@NonNull ForecastExportRow> data) {
    }

    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(4, RoundingMode.HALF_EVEN);
    }
}
