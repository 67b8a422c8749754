package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.forecast.ForecastDtos.CumulativeView;
import org.revops.forecast.ForecastDtos.PeriodRef;
import org.revops.forecast.ForecastDtos.ScopeView;
import org.revops.forecast.ForecastService.Breakdown;
import org.revops.forecast.ForecastSnapshotDtos.TrendPoint;
import org.revops.forecast.ForecastSnapshotDtos.TrendView;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.Caller;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * A forecast's trend: the snapshots of one scope and period by day, beside today's live numbers. Who may ask for which
 * scope: as for the roll-up ({@link ForecastService#checkScope}).
 */
@ApplicationScoped
public class ForecastTrendService {
    private static final String POINTS = """
            SELECT taken_on, trigger, closed, commit_amount, best_case, pipeline, adjusted_commit, adjusted_best_case,
                   adjusted_pipeline, weighted_pipeline, open_count, quota
            FROM forecast_snapshots
            WHERE workspace_id = $1 AND scope_type = $2 AND scope_id = $3 AND period_id = $4
            ORDER BY taken_on""";

    private final Db db;
    private final ForecastService forecasts;
    private final Clock clock;

    public ForecastTrendService(Db db, ForecastService forecasts, Clock clock) {
        this.db = db;
        this.forecasts = forecasts;
        this.clock = clock;
    }

    /** The trend of {@code periodId} (parameter {@code period}) for {@code scopeText} (parameter {@code scope}). */
    public Uni<TrendView> trend(Caller caller, String periodId, String scopeText) {
        if (periodId == null || periodId.isBlank()) {
            throw ApiProblem.badRequest("period", "is required: a fiscal period such as 2026-Q4, 2026-11 or FY2027");
        }
        return forecasts.checkScope(caller, scopeText).flatMap(scope -> forecasts.settings(caller).flatMap(settings -> {
            ForecastPeriod period = ForecastPeriodService.parse(settings.calendar(), periodId.trim(), "period");
            Uni<List<TrendPoint>> points = db.query(POINTS, Tuple.of(caller.workspaceId(), scope.type().name(),
                    scope.id(), period.id())).map(rows -> {
                        List<TrendPoint> out = new ArrayList<>();
                        for (Row row : rows) {
                            out.add(point(row));
                        }
                        return out;
                    });
            Uni<ForecastBook> live = forecasts.book(caller, settings.currency(), period, scope,
                    EnumSet.noneOf(Breakdown.class));
            return Uni.combine().all().unis(points, live).asTuple().map(t -> {
                ForecastBook book = t.getItem2();
                ForecastSnapshot now = ForecastSnapshot.of(scope.type(), scope.id(), period, settings.currency(),
                        book.total());
                TrendPoint latest = new TrendPoint(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), "live",
                        ForecastSubmissionService.cumulative(now.closed(), now.commit(), now.bestCase(), now.pipeline()),
                        ForecastSubmissionService.cumulative(now.closed(), now.adjustedCommit(), now.adjustedBestCase(),
                                now.adjustedPipeline()), ForecastDtos.money(now.weightedPipeline()), now.openCount(),
                        ForecastDtos.money(now.quota()));
                return new TrendView(PeriodRef.of(period), new ScopeView(scope.type().name(), scope.id().toString(),
                        book.scopeName()), settings.currency(), t.getItem1(), latest);
            });
        }));
    }

    private static TrendPoint point(Row row) {
        BigDecimal closed = row.getBigDecimal("closed");
        CumulativeView computed = ForecastSubmissionService.cumulative(closed, row.getBigDecimal("commit_amount"),
                row.getBigDecimal("best_case"), row.getBigDecimal("pipeline"));
        CumulativeView adjusted = ForecastSubmissionService.cumulative(closed, row.getBigDecimal("adjusted_commit"),
                row.getBigDecimal("adjusted_best_case"), row.getBigDecimal("adjusted_pipeline"));
        return new TrendPoint(row.getLocalDate("taken_on"), row.getString("trigger"), computed, adjusted,
                row.getBigDecimal("weighted_pipeline"), row.getInteger("open_count"), row.getBigDecimal("quota"));
    }
}
