package org.revops.forecast;

import org.revops.opportunity.ForecastCategory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The forecast of one scope in one period: per category the deals as computed and the amount as adjusted by people,
 * and the quota. Everything else derives from these, by the formulas below (amounts in the workspace currency):
 * <pre>
 *   closed        = Closed
 *   commit        = Commit + Closed                       (cumulative, as forecasters say "my commit")
 *   bestCase      = BestCase + Commit + Closed
 *   openPipeline  = Pipeline + BestCase + Commit          (open deals; Omitted never counts)
 *   attainment    = closed ÷ quota                         (none without a positive quota)
 *   gap           = quota − closed                         (negative once the quota is beaten)
 *   coverage      = openPipeline ÷ (quota − closed)        (none once nothing remains to close)
 * </pre>
 * The adjusted views use the adjusted amount of Pipeline, BestCase and Commit; Closed is a fact and never adjusted.
 */
public record ForecastFigures(Map<ForecastCategory, CategoryAmounts> computed,
                              Map<ForecastCategory, BigDecimal> adjusted, BigDecimal quota, QuotaSource quotaSource) {

    /** Where a quota comes from: set for the scope itself, the sum of the team's or child territories', or none. */
    public enum QuotaSource { explicit, team, none }

    public static final int RATIO_SCALE = 4;

    public static ForecastFigures of(Map<ForecastCategory, CategoryAmounts> computed) {
        return new ForecastFigures(computed, asComputed(computed), null, QuotaSource.none);
    }

    public CategoryAmounts computed(ForecastCategory category) {
        return computed.getOrDefault(category, CategoryAmounts.NONE);
    }

    public BigDecimal adjusted(ForecastCategory category) {
        return adjusted.getOrDefault(category, computed(category).amount());
    }

    public Cumulative cumulativeComputed() {
        return Cumulative.of(c -> computed(c).amount());
    }

    public Cumulative cumulativeAdjusted() {
        return Cumulative.of(this::adjusted);
    }

    public BigDecimal attainment() {
        return quota == null || quota.signum() <= 0 ? null
                : computed(ForecastCategory.Closed).amount().divide(quota, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    public BigDecimal gap() {
        return quota == null ? null : quota.subtract(computed(ForecastCategory.Closed).amount());
    }

    public BigDecimal coverage() {
        BigDecimal remaining = gap();
        return remaining == null || remaining.signum() <= 0 ? null
                : cumulativeComputed().openPipeline().divide(remaining, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    public ForecastFigures withQuota(BigDecimal amount, QuotaSource source) {
        return new ForecastFigures(computed, adjusted, amount, amount == null ? QuotaSource.none : source);
    }

    /** The cumulative views of a forecast (see the class comment). */
    public record Cumulative(BigDecimal closed, BigDecimal commit, BigDecimal bestCase, BigDecimal openPipeline) {
        static Cumulative of(java.util.function.Function<ForecastCategory, BigDecimal> amount) {
            BigDecimal closed = amount.apply(ForecastCategory.Closed);
            BigDecimal commit = amount.apply(ForecastCategory.Commit);
            BigDecimal bestCase = amount.apply(ForecastCategory.BestCase);
            BigDecimal pipeline = amount.apply(ForecastCategory.Pipeline);
            return new Cumulative(closed, commit.add(closed), bestCase.add(commit).add(closed),
                    pipeline.add(bestCase).add(commit));
        }
    }

    static Map<ForecastCategory, BigDecimal> asComputed(Map<ForecastCategory, CategoryAmounts> computed) {
        Map<ForecastCategory, BigDecimal> adjusted = new EnumMap<>(ForecastCategory.class);
        computed.forEach((category, amounts) -> adjusted.put(category, amounts.amount()));
        return adjusted;
    }
}
