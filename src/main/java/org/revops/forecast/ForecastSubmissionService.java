package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.forecast.ForecastDtos.CumulativeView;
import org.revops.forecast.ForecastScope.Type;
import org.revops.forecast.ForecastSubmissionDtos.CallView;
import org.revops.forecast.ForecastSubmissionDtos.SubmissionInput;
import org.revops.forecast.ForecastSubmissionDtos.SubmissionView;
import org.revops.opportunity.ForecastCategory;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;
import org.revops.platform.security.Visibility;
import org.revops.platform.write.MergePatch;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

/**
 * Forecast submissions: a manager or rep (or an admin, for their own user) calls their forecast for a period, and
 * the numbers of their scope (them and the team below) are frozen as they stand, as adjusted, with the quota. Every
 * submission is a row; the latest of a user and period is their current call. Who reads them: a rep their own, a
 * manager their team's, admin, integration and read-only keys every one.
 */
@ApplicationScoped
public class ForecastSubmissionService {
    static final String SELECT = """
            SELECT s.id, s.user_id, s.period_id, s.period_start, s.period_end, s.currency, s.closed, s.commit_amount,
                   s.best_case, s.pipeline, s.quota, s.note, s.submitted_by, s.submitted_at
            FROM forecast_submissions s""";

    public static final ListSpec LIST = ListSpec.builder("listForecastSubmissions", SELECT, "s.workspace_id", "s.id")
            .anyOf("userId", ValueType.UUID_, "s.user_id", "Whose forecast; repeat for several.")
            .anyOf("periodId", ValueType.TEXT, "s.period_id", "Period (FY2027, 2027-Q1, 2026-11); repeat for several.")
            .single("submittedFrom", ValueType.TIMESTAMP, "s.submitted_at >= ?", "Submitted at or after this instant.")
            .single("submittedTo", ValueType.TIMESTAMP, "s.submitted_at < ?", "Submitted before this instant.")
            .sort("submittedAt", "s.submitted_at", "submitted_at", ValueType.TIMESTAMP)
            .build("-submittedAt");

    private static final String INSERT = """
            INSERT INTO forecast_submissions (workspace_id, id, user_id, period_id, period_start, period_end, currency,
                                              closed, commit_amount, best_case, pipeline, quota, note, submitted_by,
                                              submitted_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $3, $14)""";

    private final Db db;
    private final ForecastService forecasts;
    private final MergePatch mergePatch;
    private final Clock clock;

    public ForecastSubmissionService(Db db, ForecastService forecasts, MergePatch mergePatch, Clock clock) {
        this.db = db;
        this.forecasts = forecasts;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    /**
     * Freezes the caller's forecast of {@code input.periodId} (422 naming {@code periodId} when it is no period): per
     * category as adjusted (Closed is never adjusted), and the quota of the caller's scope. Integration and read-only
     * keys, and keys without a user, have no forecast of their own (403).
     */
    public Uni<SubmissionView> submit(Caller caller, SubmissionInput input) {
        if (caller.role() == Role.INTEGRATION || caller.role() == Role.READ_ONLY || caller.userId() == null) {
            throw ApiProblem.forbidden("Only users with a forecast of their own (managers, reps, admins) submit one");
        }
        mergePatch.validate(input);
        ForecastScope scope = new ForecastScope(Type.user, caller.userId());
        return forecasts.settings(caller).flatMap(settings -> {
            ForecastPeriod period = ForecastPeriodService.parseField(settings.calendar(), input.periodId().trim(),
                    "periodId");
            return forecasts.book(caller, settings.currency(), period, scope, EnumSet.noneOf(ForecastService.Breakdown.class))
                    .flatMap(book -> {
                        ForecastFigures f = book.total();
                        UUID id = UUID.randomUUID();
                        Tuple args = Tuple.from(new Object[] {caller.workspaceId(), id, caller.userId(), period.id(),
                                period.start(), period.end(), settings.currency(),
                                f.adjusted(ForecastCategory.Closed), f.adjusted(ForecastCategory.Commit),
                                f.adjusted(ForecastCategory.BestCase), f.adjusted(ForecastCategory.Pipeline),
                                f.quota(), input.note(), clock.instant().atOffset(ZoneOffset.UTC)});
                        return db.query(INSERT, args).flatMap(done -> get(caller, id));
                    });
        });
    }

    public Uni<Slice<SubmissionView>> list(Caller caller, ListRequest request) {
        return ListQuery.run(db, LIST, caller.workspaceId(), Visibility.owned(caller, "s.user_id"), request,
                ForecastSubmissionService::toView);
    }

    public Uni<SubmissionView> get(Caller caller, UUID id) {
        SqlPredicate visible = Visibility.owned(caller, "s.user_id");
        SqlBuilder sql = new SqlBuilder().append(SELECT + " WHERE s.workspace_id = ? AND s.id = ?", caller.workspaceId(), id)
                .append(" AND " + visible.sql(), visible.args());
        return db.query(sql.sql(), sql.tuple()).map(rows -> Rows.single(rows, ForecastSubmissionService::toView,
                "Forecast submission"));
    }

    /** The cumulative views of amounts per category (see {@link ForecastFigures}). */
    static CumulativeView cumulative(BigDecimal closed, BigDecimal commit, BigDecimal bestCase, BigDecimal pipeline) {
        Map<ForecastCategory, BigDecimal> amounts = new EnumMap<>(ForecastCategory.class);
        amounts.put(ForecastCategory.Closed, closed);
        amounts.put(ForecastCategory.Commit, commit);
        amounts.put(ForecastCategory.BestCase, bestCase);
        amounts.put(ForecastCategory.Pipeline, pipeline);
        return CumulativeView.of(ForecastFigures.Cumulative.of(amounts::get));
    }

    static SubmissionView toView(Row row) {
        BigDecimal closed = row.getBigDecimal("closed");
        BigDecimal commit = row.getBigDecimal("commit_amount");
        BigDecimal bestCase = row.getBigDecimal("best_case");
        BigDecimal pipeline = row.getBigDecimal("pipeline");
        return new SubmissionView(row.getUUID("id"), row.getUUID("user_id"), row.getString("period_id"),
                row.getLocalDate("period_start"), row.getLocalDate("period_end").minusDays(1), row.getString("currency"),
                new CallView(closed, commit, bestCase, pipeline), cumulative(closed, commit, bestCase, pipeline),
                row.getBigDecimal("quota"), row.getString("note"), row.getUUID("submitted_by"),
                row.getOffsetDateTime("submitted_at"));
    }
}
