package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.forecast.ForecastScope.Type;
import org.revops.forecast.ForecastService.Breakdown;
import org.revops.forecast.ForecastSnapshotDtos.SnapshotInput;
import org.revops.forecast.ForecastSnapshotDtos.TakenView;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Forecast snapshots: every scope of a workspace (the workspace, every user with the team below, every territory of
 * the active model) for some periods, as the numbers stand today, one row per scope, period and day. An admin takes
 * them on demand (trigger {@code manual}: a retake the same day replaces the day's rows); the weekly job takes them for
 * every workspace (trigger {@code weekly}: a day already taken is kept, so several instances never double them).
 */
@ApplicationScoped
public class ForecastSnapshotService {
    private static final String INSERT = """
            INSERT INTO forecast_snapshots (workspace_id, id, scope_type, scope_id, period_id, period_start, period_end,
                                            taken_on, taken_at, trigger, currency, closed, commit_amount, best_case,
                                            pipeline, adjusted_commit, adjusted_best_case, adjusted_pipeline,
                                            weighted_pipeline, open_count, quota)
            SELECT $1, gen_random_uuid(), r.scope_type, r.scope_id, r.period_id, r.period_start, r.period_end,
                   r.taken_on, $2, $3, r.currency, r.closed, r.commit_amount, r.best_case, r.pipeline,
                   r.adjusted_commit, r.adjusted_best_case, r.adjusted_pipeline, r.weighted_pipeline, r.open_count,
                   r.quota
            FROM unnest($4::text[], $5::uuid[], $6::text[], $7::date[], $8::date[], $9::date[], $10::text[],
                        $11::numeric[], $12::numeric[], $13::numeric[], $14::numeric[], $15::numeric[],
                        $16::numeric[], $17::numeric[], $18::numeric[], $19::int[], $20::numeric[])
                 AS r(scope_type, scope_id, period_id, period_start, period_end, taken_on, currency, closed,
                      commit_amount, best_case, pipeline, adjusted_commit, adjusted_best_case, adjusted_pipeline,
                      weighted_pipeline, open_count, quota)
            ON CONFLICT ON CONSTRAINT forecast_snapshots_day_uq DO %s""";

    private static final String REPLACE = """
            UPDATE SET taken_at = excluded.taken_at, trigger = excluded.trigger, currency = excluded.currency,
                closed = excluded.closed, commit_amount = excluded.commit_amount, best_case = excluded.best_case,
                pipeline = excluded.pipeline, adjusted_commit = excluded.adjusted_commit,
                adjusted_best_case = excluded.adjusted_best_case, adjusted_pipeline = excluded.adjusted_pipeline,
                weighted_pipeline = excluded.weighted_pipeline, open_count = excluded.open_count,
                quota = excluded.quota""";

    private final Db db;
    private final ForecastService forecasts;
    private final Clock clock;

    public ForecastSnapshotService(Db db, ForecastService forecasts, Clock clock) {
        this.db = db;
        this.forecasts = forecasts;
        this.clock = clock;
    }

    /**
     * Admin only: snapshots of every scope for {@code input.periodIds} (default: the current month, quarter and fiscal
     * year; 422 naming {@code periodIds} for ids that are no period), as of today, replacing today's.
     */
    public Uni<TakenView> take(Caller caller, SnapshotInput input) {
        if (caller.role() != Role.ADMIN) {
            throw ApiProblem.forbidden("Only an admin takes forecast snapshots");
        }
        List<String> ids = input == null || input.periodIds() == null ? null : input.periodIds();
        return take(caller.workspaceId(), ids, "manual");
    }

    /** Snapshots of every scope of workspace {@code workspaceId} for {@code periodIds} (null: the defaults). */
    public Uni<TakenView> take(UUID workspaceId, List<String> periodIds, String trigger) {
        Caller system = new Caller(workspaceId, null, Role.ADMIN);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return forecasts.settings(system).flatMap(settings -> {
            List<ForecastPeriod> periods = periods(settings.calendar(), periodIds, today);
            return compute(system, settings.currency(), periods).flatMap(rows -> {
                List<LocalDate> days = rows.stream().map(r -> today).toList();
                return insert(null, workspaceId, rows, days, trigger, !"weekly".equals(trigger));
            }).map(taken -> new TakenView(taken, today, periods.stream().map(ForecastPeriod::id).toList()));
        });
    }

    /** Every scope's numbers of each of {@code periods} as they stand, from one workspace book per period. */
    public Uni<List<ForecastSnapshot>> compute(Caller system, String currency, List<ForecastPeriod> periods) {
        ForecastScope workspace = new ForecastScope(Type.workspace, system.workspaceId());
        Uni<List<ForecastSnapshot>> chain = Uni.createFrom().item(new ArrayList<>());
        for (ForecastPeriod period : periods) {
            chain = chain.flatMap(rows -> forecasts.book(system, currency, period, workspace,
                    EnumSet.of(Breakdown.territory)).map(book -> {
                        rows.addAll(ForecastSnapshot.everyScope(system.workspaceId(), book));
                        return rows;
                    }));
        }
        return chain;
    }

    /**
     * Writes {@code rows} (through {@code client}, or the pool when null; each taken on the day at the same index of {@code takenOn}) in one statement; a row of a
     * scope, period and day already taken replaces it when {@code replace}, else is skipped. Answers the rows written.
     */
    public Uni<Integer> insert(SqlClient client, UUID workspaceId, List<ForecastSnapshot> rows, List<LocalDate> takenOn,
                               String trigger, boolean replace) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Tuple args = Tuple.from(new Object[] {workspaceId, now, trigger,
                rows.stream().map(r -> r.scopeType().name()).toArray(String[]::new),
                rows.stream().map(ForecastSnapshot::scopeId).toArray(UUID[]::new),
                rows.stream().map(r -> r.period().id()).toArray(String[]::new),
                rows.stream().map(r -> r.period().start()).toArray(LocalDate[]::new),
                rows.stream().map(r -> r.period().end()).toArray(LocalDate[]::new),
                takenOn.toArray(LocalDate[]::new),
                rows.stream().map(ForecastSnapshot::currency).toArray(String[]::new),
                amounts(rows, ForecastSnapshot::closed), amounts(rows, ForecastSnapshot::commit),
                amounts(rows, ForecastSnapshot::bestCase), amounts(rows, ForecastSnapshot::pipeline),
                amounts(rows, ForecastSnapshot::adjustedCommit), amounts(rows, ForecastSnapshot::adjustedBestCase),
                amounts(rows, ForecastSnapshot::adjustedPipeline), amounts(rows, ForecastSnapshot::weightedPipeline),
                rows.stream().map(ForecastSnapshot::openCount).toArray(Integer[]::new),
                amounts(rows, ForecastSnapshot::quota)});
        String sql = INSERT.formatted(replace ? REPLACE : "NOTHING");
        return (client == null ? db.query(sql, args) : db.query(client, sql, args)).map(done -> done.rowCount());
    }

    private static BigDecimal[] amounts(List<ForecastSnapshot> rows,
                                        java.util.function.Function<ForecastSnapshot, BigDecimal> amount) {
        return rows.stream().map(amount).toArray(BigDecimal[]::new);
    }

    /** The periods named (422 naming each bad one), or the current month, quarter and fiscal year. */
    static List<ForecastPeriod> periods(FiscalCalendar calendar, List<String> ids, LocalDate today) {
        if (ids == null) {
            return List.of(calendar.containing(ForecastPeriod.MONTH, today),
                    calendar.containing(ForecastPeriod.QUARTER, today), calendar.containing(ForecastPeriod.YEAR, today));
        }
        if (ids.isEmpty()) {
            throw ApiProblem.invalid("periodIds", "name at least one period, or leave it out for the defaults");
        }
        List<FieldError> errors = new ArrayList<>();
        LinkedHashSet<ForecastPeriod> periods = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            try {
                periods.add(calendar.parse(id == null ? "" : id.trim()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("periodIds[" + i + "]", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return List.copyOf(periods);
    }
}
