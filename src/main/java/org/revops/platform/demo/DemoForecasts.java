package org.revops.platform.demo;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.forecast.FiscalCalendar;
import org.revops.forecast.ForecastPeriod;
import org.revops.forecast.ForecastScope;
import org.revops.forecast.ForecastService;
import org.revops.forecast.ForecastSnapshot;
import org.revops.forecast.ForecastSnapshotService;
import org.revops.forecast.QuotaDtos.PlanLine;
import org.revops.forecast.QuotaDtos.PlanTarget;
import org.revops.forecast.QuotaPlanner;
import org.revops.platform.db.Db;
import org.revops.platform.demo.DemoDataGenerator.Dataset;
import org.revops.platform.demo.DemoDataGenerator.OpportunityRow;
import org.revops.platform.demo.DemoDataGenerator.UserRow;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's forecasts, once its deals are committed: quotas for the current fiscal year (a rep's is 80 % of their
 * deals closing in the year, rounded to thousands; a manager's the sum of the team's), six weekly snapshots of the
 * current and the previous quarter (trigger {@code demo}) and a submission per manager and rep for each, so trend and
 * accuracy show numbers. Past numbers are today's walked back deterministically ({@link #weeksBefore}); the calls
 * carry a per-person bias, so some are trusted more than others.
 */
@ApplicationScoped
public class DemoForecasts {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DemoForecasts.class);
    private static final int WEEKS = 6;

    private final Db db;
    private final ForecastService forecasts;
    private final ForecastSnapshotService snapshots;

    public DemoForecasts(Db db, ForecastService forecasts, ForecastSnapshotService snapshots) {
        this.db = db;
        this.forecasts = forecasts;
        this.snapshots = snapshots;
    }

    /**
     * Seeds the forecast history of the committed demo workspace. A failure is logged, not passed on: the demo works
     * without it, and its key must still be announced.
     */
    public Uni<Void> seed(UUID workspaceId, Dataset data, LocalDate today, OffsetDateTime now) {
        Caller system = new Caller(workspaceId, null, Role.ADMIN);
        return forecasts.settings(system).<Void>flatMap(settings -> {
            FiscalCalendar calendar = settings.calendar();
            ForecastPeriod year = calendar.containing(ForecastPeriod.YEAR, today);
            ForecastPeriod quarter = calendar.containing(ForecastPeriod.QUARTER, today);
            ForecastPeriod previous = calendar.containing(ForecastPeriod.QUARTER, quarter.start().minusDays(1));
            return insertQuotas(workspaceId, calendar, year, data, now)
                    .flatMap(done -> snapshots.compute(system, settings.currency(), List.of(quarter, previous)))
                    .flatMap(current -> history(workspaceId, data, current, quarter, today, previous));
        }).onFailure().recoverWithUni(failure -> {
            LOG.warn("The demo's forecast history could not be seeded", failure);
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> history(UUID workspaceId, Dataset data, List<ForecastSnapshot> now, ForecastPeriod quarter,
                              LocalDate today, ForecastPeriod previous) {
        List<ForecastSnapshot> rows = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        Map<UUID, Double> bias = bias(data);
        List<Object[]> calls = new ArrayList<>();
        for (ForecastSnapshot row : now) {
            LocalDate asOf = row.period().equals(quarter) ? today : previous.end();
            for (int k = WEEKS; k >= 1; k--) {
                rows.add(weeksBefore(row, k));
                days.add(asOf.minusWeeks(k));
            }
            Double b = bias.get(row.scopeId());
            if (row.scopeType() == ForecastScope.Type.user && b != null) {
                ForecastSnapshot then = weeksBefore(row, row.period().equals(quarter) ? 1 : 2);
                OffsetDateTime at = asOf.minusWeeks(row.period().equals(quarter) ? 1 : 2).atTime(16, 0)
                        .atOffset(ZoneOffset.UTC);
                calls.add(new Object[] {row.scopeId(), row.period(), row.currency(), then.closed(),
                        round(then.adjustedCommit().multiply(BigDecimal.valueOf(b))), then.adjustedBestCase(),
                        then.adjustedPipeline(), then.quota(), at});
            }
        }
        return snapshots.insert(null, workspaceId, rows, days, "demo", false)
                .flatMap(done -> insertSubmissions(workspaceId, calls)).replaceWithVoid();
    }

    /**
     * A scope's numbers {@code k} weeks ago, from today's: less had closed (10 % fewer per week), most of it was then
     * in Commit (70 %), some in BestCase (20 %) and Pipeline (10 %), and Pipeline and BestCase were fuller (6 % and 3 %
     * per week) before deals were lost or slipped.
     */
    static ForecastSnapshot weeksBefore(ForecastSnapshot s, int k) {
        BigDecimal closed = round(s.closed().multiply(BigDecimal.valueOf(1 - 0.1 * k)));
        BigDecimal moved = s.closed().subtract(closed);
        BigDecimal toCommit = round(moved.multiply(BigDecimal.valueOf(0.7)));
        BigDecimal toBestCase = round(moved.multiply(BigDecimal.valueOf(0.2)));
        BigDecimal toPipeline = moved.subtract(toCommit).subtract(toBestCase);
        BigDecimal bestCaseGrowth = BigDecimal.valueOf(1 + 0.03 * k);
        BigDecimal pipelineGrowth = BigDecimal.valueOf(1 + 0.06 * k);
        return new ForecastSnapshot(s.scopeType(), s.scopeId(), s.period(), s.currency(), closed,
                s.commit().add(toCommit), round(s.bestCase().multiply(bestCaseGrowth)).add(toBestCase),
                round(s.pipeline().multiply(pipelineGrowth)).add(toPipeline), s.adjustedCommit().add(toCommit),
                round(s.adjustedBestCase().multiply(bestCaseGrowth)).add(toBestCase),
                round(s.adjustedPipeline().multiply(pipelineGrowth)).add(toPipeline),
                round(s.weightedPipeline().multiply(BigDecimal.valueOf(1 + 0.04 * k)).add(moved.multiply(
                        BigDecimal.valueOf(0.6)))), s.openCount() + k, s.quota());
    }

    /** How optimistic each manager and rep calls their commit: 0.85 to 1.20 of it, the same on every seed. */
    private static Map<UUID, Double> bias(Dataset data) {
        java.util.Random random = new java.util.Random(DemoSeeder.SEED + 6);
        Map<UUID, Double> out = new HashMap<>();
        for (UserRow user : data.users()) {
            if (user.role().equals("rep") || user.role().equals("manager")) {
                out.put(user.id(), 0.85 + random.nextInt(36) / 100.0);
            }
        }
        return out;
    }

    private Uni<?> insertSubmissions(UUID ws, List<Object[]> calls) {
        if (calls.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return db.query("""
                INSERT INTO forecast_submissions (workspace_id, id, user_id, period_id, period_start, period_end,
                                                  currency, closed, commit_amount, best_case, pipeline, quota, note,
                                                  submitted_by, submitted_at)
                SELECT $1, gen_random_uuid(), c.user_id, c.period_id, c.period_start, c.period_end, c.currency, c.closed,
                       c.commit_amount, c.best_case, c.pipeline, c.quota, 'Demo call', c.user_id, c.submitted_at
                FROM unnest($2::uuid[], $3::text[], $4::date[], $5::date[], $6::text[], $7::numeric[], $8::numeric[],
                            $9::numeric[], $10::numeric[], $11::numeric[], $12::timestamptz[])
                     AS c(user_id, period_id, period_start, period_end, currency, closed, commit_amount, best_case,
                          pipeline, quota, submitted_at)""",
                Tuple.from(new Object[] {ws, calls.stream().map(c -> (UUID) c[0]).toArray(UUID[]::new),
                        calls.stream().map(c -> ((ForecastPeriod) c[1]).id()).toArray(String[]::new),
                        calls.stream().map(c -> ((ForecastPeriod) c[1]).start()).toArray(LocalDate[]::new),
                        calls.stream().map(c -> ((ForecastPeriod) c[1]).end()).toArray(LocalDate[]::new),
                        calls.stream().map(c -> (String) c[2]).toArray(String[]::new), amounts(calls, 3),
                        amounts(calls, 4), amounts(calls, 5), amounts(calls, 6), amounts(calls, 7),
                        calls.stream().map(c -> (OffsetDateTime) c[8]).toArray(OffsetDateTime[]::new)}));
    }

    private static BigDecimal[] amounts(List<Object[]> calls, int index) {
        return calls.stream().map(c -> (BigDecimal) c[index]).toArray(BigDecimal[]::new);
    }

    /** Every rep's and manager's quota of the year, spread evenly over quarters and months by {@link QuotaPlanner}. */
    private Uni<?> insertQuotas(UUID ws, FiscalCalendar calendar, ForecastPeriod year, Dataset data,
                                OffsetDateTime now) {
        Map<UUID, BigDecimal> deals = new HashMap<>();
        for (OpportunityRow deal : data.opportunities()) {
            if (year.contains(deal.closeDate())) {
                deals.merge(deal.ownerId(), deal.amount(), BigDecimal::add);
            }
        }
        Map<UUID, UserRow> users = new LinkedHashMap<>();
        data.users().forEach(user -> users.put(user.id(), user));
        Map<UUID, BigDecimal> quotas = new LinkedHashMap<>();
        for (UserRow user : data.users()) {
            if (!user.role().equals("rep")) {
                continue;
            }
            BigDecimal amount = deals.getOrDefault(user.id(), BigDecimal.ZERO).multiply(BigDecimal.valueOf(0.8))
                    .setScale(-3, RoundingMode.HALF_EVEN).max(BigDecimal.valueOf(50_000)).setScale(0);
            // the rep's own, and the same again in every manager's above them
            for (UserRow at = user; at != null; at = at.managerId() == null ? null : users.get(at.managerId())) {
                quotas.merge(at.id(), amount, BigDecimal::add);
            }
        }
        List<PlanLine> lines = new ArrayList<>();
        List<UUID> owners = new ArrayList<>();
        quotas.forEach((user, amount) -> {
            PlanTarget plan = QuotaPlanner.plan(calendar, year, user, null, amount, null, null);
            List<PlanLine> all = new ArrayList<>(List.of(plan.year()));
            all.addAll(plan.quarters());
            all.addAll(plan.months());
            all.forEach(line -> owners.add(user));
            lines.addAll(all);
        });
        return db.query("""
                INSERT INTO quotas (workspace_id, id, period_id, period_kind, period_start, period_end, user_id, amount,
                                    created_at, updated_at)
                SELECT $1, gen_random_uuid(), q.period_id, CASE WHEN q.period_id LIKE 'FY%' THEN 'year'
                       WHEN q.period_id LIKE '%-Q%' THEN 'quarter' ELSE 'month' END, q.start_date, q.end_date + 1,
                       q.user_id, q.amount, $7, $7
                FROM unnest($2::text[], $3::date[], $4::date[], $5::uuid[], $6::numeric[])
                     AS q(period_id, start_date, end_date, user_id, amount)""",
                Tuple.from(new Object[] {ws, lines.stream().map(PlanLine::periodId).toArray(String[]::new),
                        lines.stream().map(PlanLine::startDate).toArray(LocalDate[]::new),
                        lines.stream().map(PlanLine::endDate).toArray(LocalDate[]::new), owners.toArray(UUID[]::new),
                        lines.stream().map(PlanLine::amount).toArray(BigDecimal[]::new), now}));
    }

    private static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
