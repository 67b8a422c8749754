package org.revops.forecast;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.forecast.ForecastFigures.Cumulative;
import org.revops.opportunity.ForecastCategory;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of the forecast export: a user (with the team below) or a territory (with its subtree) in a period. Flat
 * and stable: scripts read these columns by name, so new columns are only ever appended.
 */
@Schema(description = "One user (with their team) or territory (with its subtree) in a period. category* are the "
        + "amounts per forecast category; closed, commit, bestCase, openPipeline the cumulative views; adjusted* the "
        + "same as adjusted by people; attainment = closed ÷ quota, gap = quota − closed, coverage = openPipeline ÷ gap.")
public record ForecastExportRow(String periodId, String kind, UUID id, String name, UUID parentId, int depth,
                                String currency, BigDecimal quota, String quotaSource, BigDecimal categoryPipeline,
                                BigDecimal categoryBestCase, BigDecimal categoryCommit, BigDecimal categoryClosed,
                                BigDecimal categoryOmitted, BigDecimal weightedOpenPipeline, BigDecimal closed,
                                BigDecimal commit, BigDecimal bestCase, BigDecimal openPipeline,
                                BigDecimal adjustedCommit, BigDecimal adjustedBestCase,
                                BigDecimal adjustedOpenPipeline, BigDecimal attainment, BigDecimal gap,
                                BigDecimal coverage, long openDeals, long wonDeals) {

    static ForecastExportRow of(ForecastPeriod period, String kind, UUID id, String name, UUID parentId, int depth,
                                String currency, ForecastFigures f) {
        Cumulative computed = f.cumulativeComputed();
        Cumulative adjusted = f.cumulativeAdjusted();
        BigDecimal weighted = f.computed(ForecastCategory.Pipeline).weighted()
                .add(f.computed(ForecastCategory.BestCase).weighted())
                .add(f.computed(ForecastCategory.Commit).weighted());
        long open = f.computed(ForecastCategory.Pipeline).count() + f.computed(ForecastCategory.BestCase).count()
                + f.computed(ForecastCategory.Commit).count();
        return new ForecastExportRow(period.id(), kind, id, name, parentId, depth, currency,
                ForecastDtos.money(f.quota()), f.quotaSource().name(),
                m(f, ForecastCategory.Pipeline), m(f, ForecastCategory.BestCase), m(f, ForecastCategory.Commit),
                m(f, ForecastCategory.Closed), m(f, ForecastCategory.Omitted), ForecastDtos.money(weighted),
                ForecastDtos.money(computed.closed()), ForecastDtos.money(computed.commit()),
                ForecastDtos.money(computed.bestCase()), ForecastDtos.money(computed.openPipeline()),
                ForecastDtos.money(adjusted.commit()), ForecastDtos.money(adjusted.bestCase()),
                ForecastDtos.money(adjusted.openPipeline()), f.attainment(), ForecastDtos.money(f.gap()),
                f.coverage(), open, f.computed(ForecastCategory.Closed).count());
    }

    private static BigDecimal m(ForecastFigures f, ForecastCategory category) {
        return ForecastDtos.money(f.computed(category).amount());
    }
}
