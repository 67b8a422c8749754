package org.revops.opportunity;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.opportunity.ActivityAnalyticsDtos.ActivityAnalyticsView;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Visibility;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Activity against targets for one user and one week or month. */
@ApplicationScoped
public class ActivityAnalyticsService {
    /**
     * Per metric, in the order of {@code $1}: the actual count in [$4, $5) and the user's target for the period kind
     * $6. Activity types count the user's activities by occurred_at; {@code signing} counts the user's deals in a won
     * stage by closed_at. One statement.
     */
    private static final String ACTUALS = """
            SELECT m.metric, coalesce(n.actual, 0)::int AS actual, t.target
            FROM unnest($1::text[]) WITH ORDINALITY AS m(metric, ord)
            LEFT JOIN (SELECT a.type AS metric, count(*) AS actual
                       FROM activities a
                       WHERE a.workspace_id = $2 AND a.owner_id = $3 AND a.occurred_at >= $4 AND a.occurred_at < $5
                       GROUP BY a.type
                       UNION ALL
                       SELECT 'signing', count(*)
                       FROM opportunities o
                       JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
                       WHERE o.workspace_id = $2 AND o.owner_id = $3 AND o.closed_at >= $4 AND o.closed_at < $5
                         AND s.is_closed AND s.is_won) n ON n.metric = m.metric
            LEFT JOIN activity_targets t ON t.workspace_id = $2 AND t.user_id = $3 AND t.period = $6
                                        AND t.metric = m.metric
            ORDER BY m.ord""";

    private final Db db;

    public ActivityAnalyticsService(Db db) {
        this.db = db;
    }

    /**
     * What {@code userId} (default: the caller) did in {@code period} against their targets for that kind of
     * period. Per metric: actual = activities of that type with start &le; occurred_at &lt; end (for {@code signing}:
     * deals owned and won with start &le; closed_at &lt; end); target = the user's target for the metric and
     * period kind, or null; attainment = actual / target rounded to 4 places, null without a (non-zero) target.
     * The period must parse (400 naming {@code period}); the user must exist (404) and be the caller or, for a
     * manager, in their subtree (403); admin, integration and read-only keys see everyone.
     */
    public Uni<ActivityAnalyticsView> activity(Caller caller, UUID userId, String periodText) {
        ReportingPeriod period;
        try {
            period = ReportingPeriod.parse(periodText);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("period", e.getMessage());
        }
        UUID user = userId != null ? userId : caller.userId();
        return checkUser(caller, user)
                .flatMap(ok -> db.query(ACTUALS, Tuple.from(List.of(
                        ActivityTarget.METRICS.toArray(String[]::new), caller.workspaceId(), user,
                        utc(period.start()), utc(period.end()), period.kind()))))
                .map(rows -> {
                    Map<String, Integer> actuals = new HashMap<>();
                    Map<String, Integer> targets = new HashMap<>();
                    for (Row row : rows) {
                        actuals.put(row.getString("metric"), row.getInteger("actual"));
                        if (row.getInteger("target") != null) {
                            targets.put(row.getString("metric"), row.getInteger("target"));
                        }
                    }
                    return new ActivityAnalyticsView(user, period.text(), period.kind(), utc(period.start()),
                            utc(period.end()), ActivityAttainment.lines(ActivityTarget.METRICS, actuals, targets));
                });
    }

    /** 404 for a user not in the workspace, 403 for one outside what the caller may see. */
    private Uni<Void> checkUser(Caller caller, UUID userId) {
        SqlPredicate scope = Visibility.owned(caller, "u.id");
        SqlBuilder sql = new SqlBuilder().append("SELECT " + scope.sql() + " AS in_scope", scope.args())
                .append(" FROM users u WHERE u.workspace_id = ? AND u.id = ?", caller.workspaceId(), userId);
        return db.query(sql.sql(), sql.tuple()).map(rows -> {
            if (rows.size() == 0) {
                throw ApiProblem.notFound("User");
            }
            if (!rows.iterator().next().getBoolean("in_scope")) {
                throw ApiProblem.forbidden("You may see the activity of yourself and, as a manager, of the users "
                        + "in your reporting subtree");
            }
            return null;
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
