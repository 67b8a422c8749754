package org.revops.opportunity;

import org.revops.opportunity.AnalyticsDtos.FunnelFilter;
import org.revops.opportunity.AnalyticsDtos.WinLossGroupBy;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Visibility;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The analytics SQL: each report is one statement that aggregates in the database and returns a handful of rows,
 * whatever the number of deals. bench/funnel.sh times the funnel statement beside the API.
 */
final class AnalyticsQueries {
    private AnalyticsQueries() {
    }

    /**
     * The funnel, one row per open step of the pipeline (or a single row with null step columns when it has none),
     * each carrying the cohort's totals. $1 is the workspace, $2 the pipeline.
     * <ul>
     * <li>{@code steps}: the pipeline's open stages numbered 1.. by position;</li>
     * <li>{@code cohort}: the visible, filtered deals of the pipeline, with the whole days of a won deal's cycle;</li>
     * <li>{@code entered}: for each deal not won, the furthest step its stage history entered (history rows of field
     * 'stage' whose to_stage_id is one of the steps);</li>
     * <li>{@code buckets}: deals counted by (furthest step, current step, closed, won) - a won deal is past every
     * step, an open deal has at least reached its current step - so the per-step figures read a few dozen rows;</li>
     * <li>reached(n) = deals in buckets with furthest &ge; n; current(n) = open deals whose stage is step n.</li>
     * </ul>
     */
    static SqlBuilder funnel(Caller caller, FunnelFilter filter) {
        UUID ws = caller.workspaceId();
        SqlBuilder sql = new SqlBuilder();
        sql.append("""
                WITH steps AS (
                    SELECT s.workspace_id, s.id, s.name, row_number() OVER (ORDER BY s.position, s.id)::int AS step
                    FROM stages s
                    WHERE s.workspace_id = ? AND s.pipeline_id = ? AND NOT s.is_closed),
                cohort AS (
                    SELECT o.workspace_id, o.id, o.stage_id, o.amount, cs.is_closed, cs.is_won,
                           CASE WHEN cs.is_won THEN floor(extract(epoch FROM o.closed_at - o.created_at) / 86400)::int
                           END AS cycle_days
                    FROM opportunities o
                    JOIN stages cs ON cs.workspace_id = o.workspace_id AND cs.id = o.stage_id
                    WHERE o.workspace_id = $1 AND o.pipeline_id = $2""", ws, filter.pipelineId());
        cohortFilters(sql, caller, filter);
        sql.append("""
                ),
                entered AS (
                    SELECT c.id, max(st.step) AS step
                    FROM cohort c
                    JOIN opportunity_history h ON h.workspace_id = c.workspace_id AND h.opportunity_id = c.id
                                              AND h.field = 'stage'
                    JOIN steps st ON st.workspace_id = h.workspace_id AND st.id = h.to_stage_id
                    WHERE NOT c.is_won
                    GROUP BY c.id),
                buckets AS (
                    SELECT CASE WHEN c.is_won THEN 2147483647 ELSE greatest(e.step, cur.step, 0) END AS furthest,
                           cur.step AS current_step, c.is_closed, c.is_won, count(*) AS deals, sum(c.amount) AS amount,
                           count(c.cycle_days) AS cycle_deals, sum(c.cycle_days) AS cycle_days
                    FROM cohort c
                    LEFT JOIN entered e ON e.id = c.id
                    LEFT JOIN steps cur ON cur.workspace_id = c.workspace_id AND cur.id = c.stage_id
                    GROUP BY 1, 2, 3, 4),
                totals AS (
                    SELECT EXISTS (SELECT 1 FROM pipelines p WHERE p.workspace_id = $1 AND p.id = $2) AS pipeline_found,
                           coalesce(sum(b.deals), 0)::int AS deals,
                           coalesce(sum(b.deals) FILTER (WHERE NOT b.is_closed), 0)::int AS open_deals,
                           coalesce(sum(b.deals) FILTER (WHERE b.is_won), 0)::int AS won_deals,
                           coalesce(sum(b.deals) FILTER (WHERE b.is_closed AND NOT b.is_won), 0)::int AS lost_deals,
                           sum(b.amount) FILTER (WHERE b.is_won) AS won_amount,
                           coalesce(sum(b.cycle_deals), 0)::bigint AS cycle_deals,
                           coalesce(sum(b.cycle_days), 0)::bigint AS cycle_days_sum,
                           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY c.cycle_days) FROM cohort c
                            WHERE c.is_won) AS median_cycle_days
                    FROM buckets b)
                SELECT st.step, st.id AS stage_id, st.name,
                       (SELECT coalesce(sum(b.deals), 0) FROM buckets b WHERE b.furthest >= st.step)::int AS reached,
                       (SELECT coalesce(sum(b.deals), 0) FROM buckets b WHERE b.current_step = st.step)::int
                           AS current_count,
                       (SELECT coalesce(sum(b.amount), 0) FROM buckets b WHERE b.current_step = st.step)
                           AS current_amount,
                       t.*
                FROM totals t
                LEFT JOIN steps st ON TRUE
                ORDER BY st.step""");
        return sql;
    }

    /** Visibility, then the cohort filters; each is appended only when given, so the planner sees plain SQL. */
    private static void cohortFilters(SqlBuilder sql, Caller caller, FunnelFilter filter) {
        SqlPredicate visible = Visibility.owned(caller, "o.owner_id");
        if (visible != SqlPredicate.NONE) {
            sql.append(" AND " + visible.sql(), visible.args());
        }
        if (filter.from() != null) {
            sql.append(" AND o.created_at >= ?", startOf(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND o.created_at < ?", startOf(filter.to()));
        }
        if (!filter.ownerId().isEmpty()) {
            sql.append(" AND o.owner_id = ANY(?)", (Object) filter.ownerId().toArray(UUID[]::new));
        }
        if (filter.managerId() != null) {
            SqlPredicate team = Visibility.ownedWithin("o.owner_id", caller.workspaceId(), filter.managerId());
            sql.append(" AND " + team.sql(), team.args());
        }
        List<String> account = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (!filter.accountIndustry().isEmpty()) {
            account.add("fa.industry = ANY(?)");
            values.add(filter.accountIndustry().toArray(String[]::new));
        }
        if (!filter.accountRegion().isEmpty()) {
            account.add("fa.region = ANY(?)");
            values.add(filter.accountRegion().toArray(String[]::new));
        }
        if (!account.isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM accounts fa WHERE fa.workspace_id = o.workspace_id"
                    + " AND fa.id = o.account_id AND " + String.join(" AND ", account) + ")", values.toArray());
        }
    }

    /**
     * Win/loss by group: the deals the caller sees, closed in [from, to); one row per group, most closed deals
     * first, then by label, the group without a key last among equals. $1 is the workspace.
     */
    static SqlBuilder winLoss(Caller caller, LocalDate from, LocalDate to, WinLossGroupBy groupBy) {
        String[] keyAndLabel = switch (groupBy) {
            case REASON -> new String[] {"o.close_reason_id::text", "r.name",
                    " LEFT JOIN close_reasons r ON r.workspace_id = o.workspace_id AND r.id = o.close_reason_id"};
            case OWNER -> new String[] {"o.owner_id::text", "u.name",
                    " LEFT JOIN users u ON u.workspace_id = o.workspace_id AND u.id = o.owner_id"};
            case COMPETITOR -> new String[] {"o.competitor", "o.competitor", ""};
            case SOURCE -> new String[] {"o.source", "o.source", ""};
        };
        SqlPredicate visible = Visibility.owned(caller, "o.owner_id");
        return new SqlBuilder().append("""
                        SELECT g.key, coalesce(g.label, '(none)') AS label,
                               count(*) FILTER (WHERE g.is_won)::int AS won,
                               count(*) FILTER (WHERE NOT g.is_won)::int AS lost,
                               coalesce(sum(g.amount) FILTER (WHERE g.is_won), 0) AS won_amount,
                               coalesce(sum(g.amount) FILTER (WHERE NOT g.is_won), 0) AS lost_amount
                        FROM (SELECT %s AS key, %s AS label, s.is_won, o.amount
                              FROM opportunities o
                              JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id%s
                              WHERE o.workspace_id = ? AND o.closed_at >= ? AND o.closed_at < ?"""
                        .formatted(keyAndLabel[0], keyAndLabel[1], keyAndLabel[2]),
                        caller.workspaceId(), startOf(from), startOf(to))
                .append(" AND " + visible.sql(), visible.args())
                .append("""
                        ) g
                        GROUP BY g.key, g.label
                        ORDER BY count(*) DESC, g.key IS NULL, g.label, g.key""");
    }

    /** A day's first instant in UTC: every analytics period is made of UTC days. */
    static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
