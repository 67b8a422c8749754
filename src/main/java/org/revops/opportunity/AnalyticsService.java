package org.revops.opportunity;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.opportunity.AnalyticsDtos.FunnelDrop;
import org.revops.opportunity.AnalyticsDtos.FunnelFilter;
import org.revops.opportunity.AnalyticsDtos.FunnelStep;
import org.revops.opportunity.AnalyticsDtos.FunnelView;
import org.revops.opportunity.AnalyticsDtos.WinLossGroup;
import org.revops.opportunity.AnalyticsDtos.WinLossGroupBy;
import org.revops.opportunity.AnalyticsDtos.WinLossView;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.security.Caller;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Funnel and win/loss analytics over the deals a caller may see. Each report is one SQL statement that aggregates in
 * the database ({@link AnalyticsQueries}); the ratios, the largest drop and the velocity are derived from its counts
 * and sums by {@link FunnelMetrics}. Any role may read them: visibility decides which deals count.
 */
@ApplicationScoped
public class AnalyticsService {
    /** The default win/loss period: this many days, up to and including today (UTC). */
    public static final int DEFAULT_PERIOD_DAYS = 90;

    private final Db db;
    private final Clock clock;

    public AnalyticsService(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The funnel of a pipeline over the cohort of {@code filter} (see {@link AnalyticsDtos#COHORT}).
     * <ul>
     * <li>steps: the open stages by position, then won; reached(n) = deals whose stage history entered step n or a
     * later open step, or that are won; conversion(n) = reached(n+1) / reached(n);</li>
     * <li>win rate = won / (won + lost); sales cycle of a won deal = whole days from createdAt to closedAt, averaged
     * and its median (percentile_cont 0.5); average won amount = won amount / won;</li>
     * <li>velocity = open × win rate × average won amount ÷ average cycle days; largest drop = the step with the
     * lowest conversion (the earliest on a tie), drop rate = 1 − conversion.</li>
     * </ul>
     * 422 when the pipeline is not one of the workspace's, or {@code to} is not after {@code from}.
     */
    public Uni<FunnelView> funnel(Caller caller, FunnelFilter filter) {
        if (filter.pipelineId() == null) {
            throw ApiProblem.badRequest("pipelineId", "is required");
        }
        checkPeriod(filter.from(), filter.to());
        SqlBuilder sql = AnalyticsQueries.funnel(caller, filter);
        return db.query(sql.sql(), sql.tuple()).map(rows -> toFunnel(filter, rows));
    }

    /**
     * Win/loss of the deals closed in [from, to) (UTC days), grouped by close reason, competitor, owner or source.
     * Per group and in total: won, lost, their amounts, and win rate = won / (won + lost). Without {@code to} the
     * period ends after today; without {@code from} it starts {@value #DEFAULT_PERIOD_DAYS} days before its end.
     * 422 when {@code to} is not after {@code from}.
     */
    public Uni<WinLossView> winLoss(Caller caller, LocalDate from, LocalDate to, WinLossGroupBy groupBy) {
        LocalDate end = to != null ? to : LocalDate.now(clock).plusDays(1);
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_PERIOD_DAYS);
        checkPeriod(start, end);
        WinLossGroupBy by = groupBy != null ? groupBy : WinLossGroupBy.REASON;
        SqlBuilder sql = AnalyticsQueries.winLoss(caller, start, end, by);
        return db.query(sql.sql(), sql.tuple()).map(rows -> {
            List<WinLossGroup> groups = new ArrayList<>();
            int won = 0;
            int lost = 0;
            BigDecimal wonAmount = BigDecimal.ZERO;
            BigDecimal lostAmount = BigDecimal.ZERO;
            for (Row row : rows) {
                WinLossGroup group = new WinLossGroup(row.getString("key"), row.getString("label"),
                        row.getInteger("won"), row.getInteger("lost"), money(row.getBigDecimal("won_amount")),
                        money(row.getBigDecimal("lost_amount")),
                        FunnelMetrics.winRate(row.getInteger("won"), row.getInteger("lost")));
                groups.add(group);
                won += group.won();
                lost += group.lost();
                wonAmount = wonAmount.add(group.wonAmount());
                lostAmount = lostAmount.add(group.lostAmount());
            }
            return new WinLossView(start, end, by.value(), groups, won, lost, money(wonAmount), money(lostAmount),
                    FunnelMetrics.winRate(won, lost));
        });
    }

    /** Amounts at the scale of the money columns, also when a sum is empty (0.0000, not 0). */
    private static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(FunnelMetrics.AMOUNT_SCALE, RoundingMode.HALF_UP);
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiProblem.invalid("to", "must be after from (the period is [from, to))");
        }
    }

    private static FunnelView toFunnel(FunnelFilter filter, RowSet<Row> rows) {
        List<Row> stepRows = new ArrayList<>();
        rows.forEach(stepRows::add);
        Row totals = stepRows.get(0);
        if (!totals.getBoolean("pipeline_found")) {
            throw ApiProblem.invalid("pipelineId", "no such pipeline in this workspace");
        }
        if (totals.getInteger("step") == null) {
            stepRows.clear();   // a pipeline without open stages: the won step only
        }
        int won = totals.getInteger("won_deals");
        int lost = totals.getInteger("lost_deals");
        int open = totals.getInteger("open_deals");
        BigDecimal wonAmount = totals.getBigDecimal("won_amount");
        long cycleDeals = totals.getLong("cycle_deals");
        long cycleDays = totals.getLong("cycle_days_sum");

        List<Integer> reached = new ArrayList<>();
        stepRows.forEach(row -> reached.add(row.getInteger("reached")));
        reached.add(won);
        List<BigDecimal> conversions = FunnelMetrics.conversions(reached);
        List<FunnelStep> steps = new ArrayList<>();
        for (int n = 0; n < stepRows.size(); n++) {
            Row row = stepRows.get(n);
            steps.add(new FunnelStep(n + 1, row.getUUID("stage_id"), row.getString("name"), false, reached.get(n),
                    row.getInteger("current_count"), money(row.getBigDecimal("current_amount")), conversions.get(n)));
        }
        steps.add(new FunnelStep(stepRows.size() + 1, null, "Won", true, won, won, money(wonAmount), null));

        OptionalInt drop = FunnelMetrics.largestDrop(reached);
        FunnelDrop largestDrop = drop.isEmpty() ? null : new FunnelDrop(drop.getAsInt() + 1,
                steps.get(drop.getAsInt()).stageId(), steps.get(drop.getAsInt()).name(),
                conversions.get(drop.getAsInt()), FunnelMetrics.dropRate(reached, drop.getAsInt()));
        Double median = totals.getDouble("median_cycle_days");
        return new FunnelView(filter.pipelineId(), filter.from(), filter.to(), steps, totals.getInteger("deals"), open,
                won, lost, FunnelMetrics.winRate(won, lost),
                FunnelMetrics.average(BigDecimal.valueOf(cycleDays), cycleDeals, FunnelMetrics.DAYS_SCALE),
                median == null ? null : BigDecimal.valueOf(median).setScale(FunnelMetrics.DAYS_SCALE,
                        RoundingMode.HALF_UP),
                FunnelMetrics.average(wonAmount, won, FunnelMetrics.AMOUNT_SCALE),
                FunnelMetrics.velocity(open, won, lost, wonAmount, cycleDays, cycleDeals), largestDrop);
    }
}
