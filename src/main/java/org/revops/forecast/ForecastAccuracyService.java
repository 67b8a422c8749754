package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.forecast.ForecastAccuracy.Judged;
import org.revops.forecast.ForecastAccuracy.Measure;
import org.revops.forecast.ForecastDtos.PeriodRef;
import org.revops.forecast.ForecastDtos.ScopeView;
import org.revops.forecast.ForecastScope.Type;
import org.revops.forecast.ForecastService.Breakdown;
import org.revops.forecast.ForecastSnapshotDtos.AccuracyRow;
import org.revops.forecast.ForecastSnapshotDtos.AccuracySummary;
import org.revops.forecast.ForecastSnapshotDtos.AccuracyView;
import org.revops.opportunity.ForecastCategory;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;
import org.revops.platform.security.Visibility;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * Forecast accuracy of an ended period (see {@link ForecastAccuracy} for the formulas): each user's latest submission
 * made before the period ended, and each scope's last snapshot taken before it ended, against the closed amount of
 * the same scope computed now. Calls made after the end are no forecasts and do not count. The caller sees the rows
 * of the scopes they may see: a rep their own user's, a manager their team's users' and every territory's, admin,
 * integration and read-only keys all (the workspace's too).
 */
@ApplicationScoped
public class ForecastAccuracyService {
    private static final String SUBMISSIONS = """
            SELECT DISTINCT ON (s.user_id) s.id, s.user_id, s.submitted_at, s.closed, s.commit_amount, s.best_case
            FROM forecast_submissions s
            WHERE s.workspace_id = ? AND s.period_id = ? AND s.submitted_at < ?""";

    private static final String SNAPSHOTS = """
            SELECT DISTINCT ON (f.scope_type, f.scope_id) f.id, f.scope_type, f.scope_id, f.taken_on, f.closed,
                   f.adjusted_commit, f.adjusted_best_case
            FROM forecast_snapshots f
            WHERE f.workspace_id = ? AND f.period_id = ? AND f.taken_on < ?""";

    private final Db db;
    private final ForecastService forecasts;
    private final Clock clock;

    public ForecastAccuracyService(Db db, ForecastService forecasts, Clock clock) {
        this.db = db;
        this.forecasts = forecasts;
        this.clock = clock;
    }

    /**
     * The accuracy of {@code periodId} (parameter {@code period}, 400 unless it has ended) by {@code measureText}
     * (parameter {@code measure}: commit, the default, or bestCase).
     */
    public Uni<AccuracyView> accuracy(Caller caller, String periodId, String measureText) {
        if (periodId == null || periodId.isBlank()) {
            throw ApiProblem.badRequest("period", "is required: an ended fiscal period such as 2026-Q3");
        }
        Measure measure = parseMeasure(measureText);
        return forecasts.settings(caller).flatMap(settings -> {
            ForecastPeriod period = ForecastPeriodService.parse(settings.calendar(), periodId.trim(), "period");
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            if (period.end().isAfter(today)) {
                throw ApiProblem.badRequest("period", period.id() + " has not ended yet (last day "
                        + period.lastDay() + "): accuracy needs the actual closed amount");
            }
            // actuals of every scope: computed as the system, rows are narrowed to the caller's sight below
            Caller system = new Caller(caller.workspaceId(), caller.userId(), Role.ADMIN, caller.workspace());
            Uni<ForecastBook> actuals = forecasts.book(system, settings.currency(), period,
                    new ForecastScope(Type.workspace, caller.workspaceId()), EnumSet.of(Breakdown.territory));
            SqlPredicate users = Visibility.owned(caller, "s.user_id");
            SqlBuilder submissions = new SqlBuilder().append(SUBMISSIONS, caller.workspaceId(), period.id(),
                            period.end().atStartOfDay().atOffset(ZoneOffset.UTC))
                    .append(" AND " + users.sql(), users.args())
                    .append(" ORDER BY s.user_id, s.submitted_at DESC, s.id DESC");
            SqlPredicate scopes = visibleSnapshots(caller);
            SqlBuilder snapshots = new SqlBuilder().append(SNAPSHOTS, caller.workspaceId(), period.id(), period.end())
                    .append(" AND " + scopes.sql(), scopes.args())
                    .append(" ORDER BY f.scope_type, f.scope_id, f.taken_on DESC");
            return Uni.combine().all().unis(actuals, db.query(submissions.sql(), submissions.tuple()),
                            db.query(snapshots.sql(), snapshots.tuple())).asTuple()
                    .map(t -> view(period, measure, settings.currency(), t.getItem1(), t.getItem2(), t.getItem3()));
        });
    }

    private static Measure parseMeasure(String text) {
        if (text == null || text.isBlank()) {
            return Measure.commit;
        }
        try {
            return Measure.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("measure", "must be commit or bestCase");
        }
    }

    /** Snapshots of scopes the caller sees: users as records by owner, territories for all but reps. */
    private static SqlPredicate visibleSnapshots(Caller caller) {
        if (caller.role().seesWholeWorkspace()) {
            return SqlPredicate.NONE;
        }
        SqlPredicate user = Visibility.owned(caller, "f.scope_id");
        String territories = caller.role() == Role.MANAGER ? "f.scope_type = 'territory' OR " : "";
        return new SqlPredicate("(" + territories + "(f.scope_type = 'user' AND " + user.sql() + "))", user.args());
    }

    private static AccuracyView view(ForecastPeriod period, Measure measure, String currency, ForecastBook book,
                                     RowSet<Row> submissionRows, RowSet<Row> snapshotRows) {
        List<AccuracyRow> submissions = new ArrayList<>();
        List<BigDecimal> submissionApes = new ArrayList<>();
        for (Row row : submissionRows) {
            UUID user = row.getUUID("user_id");
            Judged judged = ForecastAccuracy.judge(ForecastAccuracy.forecast(measure, row.getBigDecimal("closed"),
                    row.getBigDecimal("commit_amount"), row.getBigDecimal("best_case")), actual(book, Type.user, user));
            submissionApes.add(judged.ape());
            submissions.add(row(judged, "submission", row.getUUID("id"), Type.user, user, book,
                    row.getOffsetDateTime("submitted_at").toLocalDate(), row.getOffsetDateTime("submitted_at")));
        }
        List<AccuracyRow> snapshots = new ArrayList<>();
        List<BigDecimal> snapshotApes = new ArrayList<>();
        for (Row row : snapshotRows) {
            Type type = Type.valueOf(row.getString("scope_type"));
            UUID scope = row.getUUID("scope_id");
            Judged judged = ForecastAccuracy.judge(ForecastAccuracy.forecast(measure, row.getBigDecimal("closed"),
                    row.getBigDecimal("adjusted_commit"), row.getBigDecimal("adjusted_best_case")),
                    actual(book, type, scope));
            snapshotApes.add(judged.ape());
            snapshots.add(row(judged, "snapshot", row.getUUID("id"), type, scope, book, row.getLocalDate("taken_on"),
                    null));
        }
        Comparator<AccuracyRow> order = Comparator.comparing((AccuracyRow r) -> Type.valueOf(r.scope().type()).ordinal())
                .thenComparing(r -> r.scope().name() == null ? "" : r.scope().name()).thenComparing(r -> r.scope().id());
        submissions.sort(order);
        snapshots.sort(order);
        return new AccuracyView(PeriodRef.of(period), measure.name(), currency, submissions, snapshots,
                new AccuracySummary(submissions.size(), ForecastAccuracy.ratio(ForecastAccuracy.mape(submissionApes)),
                        snapshots.size(), ForecastAccuracy.ratio(ForecastAccuracy.mape(snapshotApes))));
    }

    /** The scope's closed amount now; null for a scope the book does not hold (deleted, or another model's). */
    private static BigDecimal actual(ForecastBook book, Type type, UUID id) {
        ForecastFigures figures = switch (type) {
            case workspace -> book.total();
            case user -> book.users().get(id);
            case territory -> book.territories().get(id);
        };
        return figures == null ? null : figures.computed(ForecastCategory.Closed).amount();
    }

    private static AccuracyRow row(Judged judged, String source, UUID id, Type type, UUID scope, ForecastBook book,
                                   LocalDate calledOn, java.time.OffsetDateTime submittedAt) {
        String name = type == Type.workspace ? "Workspace" : book.names().get(scope);
        return new AccuracyRow(source, id.toString(), new ScopeView(type.name(), scope.toString(), name), calledOn,
                submittedAt, ForecastDtos.money(judged.forecast()), ForecastDtos.money(judged.actual()),
                ForecastDtos.money(judged.error()), ForecastAccuracy.ratio(judged.ape()));
    }
}
