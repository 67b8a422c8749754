package org.revops.territory;

import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.security.Caller;
import org.revops.platform.security.TerritoryVisibility;
import org.revops.platform.security.Visibility;
import org.revops.territory.CoverageDtos.CoverageGroupBy;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The coverage report as one statement. Every row it returns carries the same columns:
 * kind, key, label, code, depth, parent_id, the direct figures (accounts, with_open, open_deals, open_amount,
 * won_deals, won_amount, reps, untouched), the subtree figures ({@code sub_*}, territory rows only) and
 * {@code model_id} (the model used, null when none was found).
 *
 * <p>How, in set form:
 * <ol>
 * <li>{@code visible}: the accounts the caller may read, each with its group: the territory of its assignment in the
 *   model (null without one or on a tie), or its industry or region (blank counts as none);</li>
 * <li>{@code deals}: per account, the open deals and their amount, and the deals won in the period and their
 *   amount, over the deals the caller may read;</li>
 * <li>{@code touched}: the accounts with an activity whose occurred_at is in [since, now], or a deal created or
 *   updated at or after since: any deal or activity, not only readable ones, since being worked is a fact of the
 *   account. One hashed set (an index range scan of each table's window), not a probe per account: at 100k accounts
 *   the probes cost more than the rest of the statement;</li>
 * <li>{@code per_account}: one row per visible account with its deal figures and whether it is untouched;</li>
 * <li>{@code direct}: per group, counts and sums of per_account, and the distinct account owners (aggregated by
 *   (group, owner) first, so both steps hash instead of sorting for a count(DISTINCT));</li>
 * <li>territory grouping: {@code tree} walks the model from its roots (depth, path of ids, sort key of codes);
 *   {@code closure} pairs every territory with each of its ancestors and itself; subtree figures sum {@code direct}
 *   over the closure (an account has one territory per model, so sums do not double count); reps are distinct
 *   members with role rep or owner, directly and over the closure.</li>
 * </ol>
 *
 * <p>EXPLAIN ANALYZE on one workspace of 100k accounts, 250k deals, 600k activities and 200 territories (PostgreSQL
 * 15, 2 busy cores): about 0.5 s for an admin by territory or industry, 0.2 s for a rep. The time goes to
 * whole-workspace scans and hash aggregates (accounts, deals, assignments) that no index shortens; the two windows
 * of {@code touched} already have their indexes (activities_occurred_idx, opportunities_created_idx and
 * _updated_idx, about 20 ms), so no migration adds one. A manager's visibility predicate
 * ({@link Visibility#readableAccount}) costs more than the report itself. On a server with JIT the statement's cost
 * passes jit_above_cost and compiling it took about 1 s more; the embedded PostgreSQL has no JIT.
 */
final class CoverageSql {
    private CoverageSql() {
    }

    /** The figure columns of {@code direct}, and how the report's rows read them (alias d). */
    private static final String DIRECT_FIGURES = """
            coalesce(d.accounts, 0) AS accounts, coalesce(d.with_open, 0) AS with_open,
            coalesce(d.open_deals, 0) AS open_deals, coalesce(d.open_amount, 0) AS open_amount,
            coalesce(d.won_deals, 0) AS won_deals, coalesce(d.won_amount, 0) AS won_amount,
            coalesce(d.untouched, 0) AS untouched""";

    private static final String NO_SUBTREE = """
            NULL::int AS sub_accounts, NULL::int AS sub_with_open, NULL::int AS sub_open_deals,
            NULL::numeric AS sub_open_amount, NULL::int AS sub_won_deals, NULL::numeric AS sub_won_amount,
            NULL::int AS sub_reps, NULL::int AS sub_untouched""";

    /**
     * @param modelId       the model of territory rows; null: the active one (ignored for industry and region)
     * @param wonStart      first instant of the won period, included
     * @param wonEnd        first instant after the won period
     */
    static SqlBuilder coverage(Caller caller, CoverageGroupBy groupBy, UUID modelId, OffsetDateTime now,
                               OffsetDateTime since, OffsetDateTime wonStart, OffsetDateTime wonEnd) {
        SqlBuilder sql = new SqlBuilder();
        String ws = sql.param(caller.workspaceId());
        String at = sql.param(now);
        String from = sql.param(since);
        String wonFrom = sql.param(wonStart);
        String wonTo = sql.param(wonEnd);
        boolean territories = groupBy == CoverageGroupBy.TERRITORY;
        String model = territories && modelId != null ? "m.id = " + sql.param(modelId) : "m.state = 'active'";
        // blank text is no value: it joins the unassigned row
        String group = groupBy == CoverageGroupBy.REGION ? "nullif(btrim(a.region), '')"
                : "nullif(btrim(a.industry), '')";
        if (territories) {
            sql.append("""
                    WITH RECURSIVE model AS (
                        SELECT m.workspace_id, m.id FROM territory_models m WHERE m.workspace_id = %1$s AND %2$s
                    ),
                    visible AS (
                        SELECT a.workspace_id, a.id, a.owner_id, ta.territory_id::text AS grp
                        FROM accounts a
                        LEFT JOIN model m ON m.workspace_id = a.workspace_id
                        LEFT JOIN territory_assignments ta ON ta.workspace_id = a.workspace_id AND ta.model_id = m.id
                                                          AND ta.account_id = a.id
                        WHERE a.workspace_id = %1$s""".formatted(ws, model));
        } else {
            sql.append("""
                    WITH RECURSIVE visible AS (
                        SELECT a.workspace_id, a.id, a.owner_id, %2$s AS grp
                        FROM accounts a
                        WHERE a.workspace_id = %1$s""".formatted(ws, group));
        }
        SqlPredicate readable = Visibility.readableAccount(caller, "a");
        sql.append(" AND " + readable.sql(), readable.args());
        sql.append("""
                ),
                deals AS (
                    SELECT o.account_id,
                           count(*) FILTER (WHERE NOT s.is_closed) AS open_deals,
                           sum(o.amount) FILTER (WHERE NOT s.is_closed) AS open_amount,
                           count(*) FILTER (WHERE s.is_won) AS won_deals,
                           sum(o.amount) FILTER (WHERE s.is_won) AS won_amount
                    FROM opportunities o
                    JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
                    WHERE o.workspace_id = %1$s
                      AND (NOT s.is_closed OR (s.is_won AND o.closed_at >= %2$s AND o.closed_at < %3$s))"""
                .formatted(ws, wonFrom, wonTo));
        SqlPredicate deal = Visibility.owned(caller, "o.owner_id");
        sql.append(" AND " + deal.sql(), deal.args());
        sql.append("""
                    GROUP BY o.account_id
                ),
                touched AS (
                    SELECT x.account_id FROM activities x
                    WHERE x.workspace_id = %1$s AND x.occurred_at >= %3$s AND x.occurred_at <= %2$s
                    UNION
                    SELECT y.account_id FROM opportunities y
                    WHERE y.workspace_id = %1$s AND (y.created_at >= %3$s OR y.updated_at >= %3$s)
                ),
                per_account AS (
                    SELECT v.grp, v.owner_id, coalesce(d.open_deals, 0) AS open_deals,
                           coalesce(d.open_amount, 0) AS open_amount, coalesce(d.won_deals, 0) AS won_deals,
                           coalesce(d.won_amount, 0) AS won_amount, th.account_id IS NULL AS untouched
                    FROM visible v
                    LEFT JOIN deals d ON d.account_id = v.id
                    LEFT JOIN touched th ON th.account_id = v.id
                ),
                by_owner AS (
                    SELECT grp, owner_id, count(*) AS accounts, count(*) FILTER (WHERE open_deals > 0) AS with_open,
                           sum(open_deals) AS open_deals, sum(open_amount) AS open_amount,
                           sum(won_deals) AS won_deals, sum(won_amount) AS won_amount,
                           count(*) FILTER (WHERE untouched) AS untouched
                    FROM per_account
                    GROUP BY grp, owner_id
                ),
                direct AS (
                    SELECT grp, sum(accounts)::int AS accounts, sum(with_open)::int AS with_open,
                           sum(open_deals)::int AS open_deals, sum(open_amount) AS open_amount,
                           sum(won_deals)::int AS won_deals, sum(won_amount) AS won_amount,
                           sum(untouched)::int AS untouched, count(*)::int AS owners
                    FROM by_owner
                    GROUP BY grp
                )""".formatted(ws, at, from));
        if (territories) {
            territoryRows(sql, caller, ws);
        } else {
            valueRows(sql);
        }
        return sql;
    }

    /** Rows per distinct value, then the unassigned row; values in byte order. */
    private static void valueRows(SqlBuilder sql) {
        sql.append("""

                SELECT * FROM (
                SELECT 0 AS ord, '%1$s' AS kind, d.grp AS key, d.grp AS label, NULL::text AS code, NULL::int AS depth,
                       NULL::uuid AS parent_id, %2$s, d.owners AS reps, %3$s, NULL::uuid AS model_id
                FROM direct d
                WHERE d.grp IS NOT NULL
                UNION ALL
                SELECT 2, '%4$s', NULL, '(unassigned)', NULL, NULL, NULL, %2$s, coalesce(d.owners, 0), %3$s, NULL
                FROM (SELECT 1) one
                LEFT JOIN direct d ON d.grp IS NULL
                ) report
                ORDER BY ord, key COLLATE "C\"""".formatted(CoverageDtos.VALUE, DIRECT_FIGURES, NO_SUBTREE,
                CoverageDtos.UNASSIGNED));
    }

    /**
     * Every territory of the model the caller may read (a rep: those they own or are a member of) in tree order, with
     * direct and subtree figures; for a rep, one row for their accounts in the other territories; the unassigned row.
     */
    private static void territoryRows(SqlBuilder sql, Caller caller, String ws) {
        sql.append("""
                ,
                tree AS (
                    SELECT t.workspace_id, t.model_id, t.id, t.parent_id, t.name, t.code, 1 AS depth,
                           ARRAY[t.id] AS path, t.code AS sort_key
                    FROM territories t
                    JOIN model m ON m.workspace_id = t.workspace_id AND m.id = t.model_id
                    WHERE t.workspace_id = %1$s AND t.parent_id IS NULL
                    UNION ALL
                    SELECT c.workspace_id, c.model_id, c.id, c.parent_id, c.name, c.code, p.depth + 1, p.path || c.id,
                           p.sort_key || chr(1) || c.code
                    FROM tree p
                    JOIN territories c ON c.workspace_id = p.workspace_id AND c.model_id = p.model_id
                                      AND c.parent_id = p.id
                ),
                closure AS (
                    SELECT unnest(t.path) AS ancestor_id, t.id AS territory_id FROM tree t
                ),
                staff AS (
                    SELECT DISTINCT mb.territory_id, mb.user_id
                    FROM territory_members mb
                    JOIN tree t ON t.workspace_id = mb.workspace_id AND t.id = mb.territory_id
                    WHERE mb.workspace_id = %1$s AND mb.role IN ('rep', 'owner')
                ),
                rolled AS (
                    SELECT c.ancestor_id AS id, sum(d.accounts)::int AS accounts, sum(d.with_open)::int AS with_open,
                           sum(d.open_deals)::int AS open_deals, sum(d.open_amount) AS open_amount,
                           sum(d.won_deals)::int AS won_deals, sum(d.won_amount) AS won_amount,
                           sum(d.untouched)::int AS untouched
                    FROM closure c
                    JOIN direct d ON d.grp = c.territory_id::text
                    GROUP BY c.ancestor_id
                ),
                rolled_staff AS (
                    SELECT c.ancestor_id AS id, count(DISTINCT s.user_id)::int AS reps
                    FROM closure c
                    JOIN staff s ON s.territory_id = c.territory_id
                    GROUP BY c.ancestor_id
                ),
                readable AS (
                    SELECT tt.id FROM territories tt JOIN tree t ON t.workspace_id = tt.workspace_id AND t.id = tt.id
                    WHERE """.formatted(ws));
        SqlPredicate readable = TerritoryVisibility.readableTerritory(caller, "tt");
        sql.append(" " + readable.sql(), readable.args());
        sql.append("""
                )
                SELECT * FROM (
                SELECT 0 AS ord, '%1$s' AS kind, t.id::text AS key, t.name AS label, t.code, t.depth, t.parent_id,
                       %2$s,
                       (SELECT count(*) FROM staff s WHERE s.territory_id = t.id)::int AS reps,
                       coalesce(r.accounts, 0) AS sub_accounts, coalesce(r.with_open, 0) AS sub_with_open,
                       coalesce(r.open_deals, 0) AS sub_open_deals, coalesce(r.open_amount, 0) AS sub_open_amount,
                       coalesce(r.won_deals, 0) AS sub_won_deals, coalesce(r.won_amount, 0) AS sub_won_amount,
                       coalesce(rs.reps, 0) AS sub_reps, coalesce(r.untouched, 0) AS sub_untouched,
                       (SELECT m.id FROM model m) AS model_id, t.sort_key
                FROM tree t
                JOIN readable rd ON rd.id = t.id
                LEFT JOIN direct d ON d.grp = t.id::text
                LEFT JOIN rolled r ON r.id = t.id
                LEFT JOIN rolled_staff rs ON rs.id = t.id""".formatted(CoverageDtos.TERRITORY, DIRECT_FIGURES));
        if (readable != SqlPredicate.NONE) {
            // the rep's accounts in territories they may not read: one row, without names or reps
            sql.append("""

                    UNION ALL
                    SELECT 1, '%1$s', NULL, '(other territories)', NULL, NULL, NULL,
                           coalesce(sum(d.accounts), 0)::int, coalesce(sum(d.with_open), 0)::int,
                           coalesce(sum(d.open_deals), 0)::int, coalesce(sum(d.open_amount), 0),
                           coalesce(sum(d.won_deals), 0)::int, coalesce(sum(d.won_amount), 0),
                           coalesce(sum(d.untouched), 0)::int, NULL, %2$s, (SELECT m.id FROM model m), NULL
                    FROM direct d
                    WHERE d.grp IS NOT NULL AND d.grp NOT IN (SELECT rd.id::text FROM readable rd)"""
                    .formatted(CoverageDtos.OTHER_TERRITORIES, NO_SUBTREE));
        }
        sql.append("""

                UNION ALL
                SELECT 2, '%1$s', NULL, '(unassigned)', NULL, NULL, NULL, %2$s, coalesce(d.owners, 0), %3$s,
                       (SELECT m.id FROM model m), NULL
                FROM (SELECT 1) one
                LEFT JOIN direct d ON d.grp IS NULL
                ) report
                ORDER BY ord, sort_key COLLATE "C\"""".formatted(CoverageDtos.UNASSIGNED, DIRECT_FIGURES, NO_SUBTREE));
    }
}
