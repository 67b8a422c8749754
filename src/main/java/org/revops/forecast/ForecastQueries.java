package org.revops.forecast;

import java.util.EnumSet;
import java.util.stream.Collectors;

/**
 * The statements of forecast roll-ups. One statement reads the deals of a period once and aggregates them by the
 * grouping sets a roll-up needs (owner, territory, stage, month), each per forecast category, converting every amount
 * to the workspace currency at the rate in effect on the deal's close date. A deal in a currency without such a rate
 * is not converted: its rows carry the currency in {@code unconverted} and a null amount, so it is reported.
 * <p>
 * A deal's category: Closed when its stage is won, Omitted when lost, else the override or the stage's category;
 * its weighted amount is amount × (override or stage probability) ÷ 100.
 */
final class ForecastQueries {
    /** The dimensions a roll-up can group deals by, with the grouping bit PostgreSQL reports for each. */
    enum Grouping {
        OWNER("owner_id", "uuid"), TERRITORY("territory_id", "uuid"), STAGE("stage_id", "uuid"), MONTH("month", "text");

        final String column;
        final String type;

        Grouping(String column, String type) {
            this.column = column;
            this.type = type;
        }

        /**
         * GROUPING(…) over the columns of {@code included} (in declaration order) for the rows grouped by this
         * dimension alone: every bit set but this column's.
         */
        int bits(java.util.Set<Grouping> included) {
            int n = included.size();
            int position = (int) included.stream().filter(g -> g.ordinal() < ordinal()).count();
            return ((1 << n) - 1) & ~(1 << (n - 1 - position));
        }
    }

    /** The latest rate of a row's currency in effect on {@code dateColumn}, as a scalar subquery. */
    private static String latestRate(String alias, String dateColumn) {
        return """
                (SELECT r.rate FROM exchange_rates r
                 WHERE r.workspace_id = %1$s.workspace_id AND r.currency = %1$s.currency AND r.effective_date <= %2$s
                 ORDER BY r.effective_date DESC LIMIT 1)""".formatted(alias, dateColumn);
    }

    /**
     * The rate of a row's currency in effect on {@code dateColumn}, 1 in the workspace currency ($2), as the column
     * {@code x.rate} of a lateral join; OFFSET 0 keeps the subquery from being pulled up, so each row looks its rate up
     * once, not once per use. For rows of any date; rows dated within the period use {@link #periodRate}.
     */
    static String rate(String alias, String dateColumn) {
        return "LEFT JOIN LATERAL (SELECT CASE WHEN %1$s.currency = $2 THEN 1 ELSE %2$s END AS rate OFFSET 0) x ON true"
                .formatted(alias, latestRate(alias, dateColumn));
    }

    /**
     * The rate of a row's currency in effect on {@code dateColumn}, for rows dated within the period [$3, $4), as an
     * expression over {@link #periodRateJoin}: 1 in the workspace currency ($2), else the rate of that very day, else
     * (a day without a rate of its own) the latest before it. Dated rates are mostly daily, so most rows take the day's
     * rate from the period's rates, hashed once; a per-row lookup of the latest rate cost a forecast roll-up more than
     * its deals (bench-forecast, a 10-rep team: 0.54 ms of a 0.87 ms statement).
     */
    static String periodRate(String alias, String dateColumn) {
        return "CASE WHEN %1$s.currency = $2 THEN 1 WHEN day_rate.rate IS NOT NULL THEN day_rate.rate ELSE %2$s END"
                .formatted(alias, latestRate(alias, dateColumn));
    }

    /** The join {@link #periodRate} reads: the rate of the row's own day, among the period's rates. */
    static String periodRateJoin(String alias, String dateColumn) {
        return """
                LEFT JOIN exchange_rates day_rate
                       ON day_rate.workspace_id = %1$s.workspace_id AND day_rate.currency = %1$s.currency
                      AND day_rate.effective_date = %2$s AND day_rate.effective_date >= $3 AND day_rate.effective_date < $4"""
                .formatted(alias, dateColumn);
    }

    /** Where a roll-up reads deals from: every deal, or the maintained {@code forecast_facts} (V12). */
    enum Source {
        /** Each deal of the workspace ($1) closing in [$3, $4); needed for territories, which facts do not keep. */
        DEALS("""
                WITH deals AS (
                    SELECT o.owner_id, o.territory_id, o.stage_id, to_char(o.close_date, 'YYYY-MM') AS month,
                           o.currency, 1 AS n,
                           CASE WHEN s.is_won THEN 'Closed' WHEN s.is_closed THEN 'Omitted'
                                ELSE coalesce(o.forecast_category_override, s.forecast_category) END AS category,
                           o.amount, o.amount * coalesce(o.probability_override, s.probability) AS weighted,
                           """ + periodRate("o", "o.close_date") + " AS rate\n" + """
                    FROM opportunities o
                    JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
                    """ + periodRateJoin("o", "o.close_date") + """

                    WHERE o.workspace_id = $1 AND o.close_date >= $3 AND o.close_date < $4%s
                )""", "o"),
        /**
         * Deals summed per month, owner, stage, currency and override ({@code forecast_facts}): the same numbers from
         * a fraction of the rows, for user and workspace scopes. Periods are whole months, so months select them.
         */
        FACTS("""
                WITH deals AS (
                    SELECT f.owner_id, NULL::uuid AS territory_id, f.stage_id, to_char(f.month, 'YYYY-MM') AS month,
                           f.currency, f.deals AS n,
                           CASE WHEN s.is_won THEN 'Closed' WHEN s.is_closed THEN 'Omitted'
                                ELSE coalesce(f.forecast_category_override, s.forecast_category) END AS category,
                           f.amount, f.amount * coalesce(f.probability_override, s.probability) AS weighted,
                           """ + periodRate("f", "f.rate_date") + " AS rate\n" + """
                    FROM forecast_facts f
                    JOIN stages s ON s.workspace_id = f.workspace_id AND s.id = f.stage_id
                    """ + periodRateJoin("f", "f.rate_date") + """

                    WHERE f.workspace_id = $1 AND f.month >= $3 AND f.month < $4 AND f.deals <> 0%s
                )""", "f");

        final String cte;
        final String alias;

        Source(String cte, String alias) {
            this.cte = cte;
            this.alias = alias;
        }
    }

    /**
     * The deals as they stood before the instant $5 (or $6 after a scope array): per deal and tracked field the last
     * history row before it ({@code DISTINCT ON}, latest first, the identity breaking ties), pivoted back to one row
     * per deal, then read exactly like the live deals. A deal without rows then did not exist yet. A field with no
     * row at all (deals from before history was kept) falls back to today's value; owner, territory and currency are
     * not tracked and are today's.
     */
    private static final String PAST_DEALS = """
            WITH latest AS (
                SELECT DISTINCT ON (h.opportunity_id, h.field) h.opportunity_id, h.field, h.to_value
                FROM opportunity_history h
                JOIN opportunities o ON o.workspace_id = h.workspace_id AND o.id = h.opportunity_id
                WHERE h.workspace_id = $1 AND h.changed_at < %2$s%1$s
                ORDER BY h.opportunity_id, h.field, h.changed_at DESC, h.id DESC
            ), past AS (
                SELECT opportunity_id AS id,
                       max(to_value) FILTER (WHERE field = 'stage')::uuid AS stage_id,
                       count(*) FILTER (WHERE field = 'amount') > 0 AS has_amount,
                       max(to_value) FILTER (WHERE field = 'amount')::numeric AS amount,
                       count(*) FILTER (WHERE field = 'closeDate') > 0 AS has_close_date,
                       max(to_value) FILTER (WHERE field = 'closeDate')::date AS close_date,
                       count(*) FILTER (WHERE field = 'probability') > 0 AS has_probability,
                       max(to_value) FILTER (WHERE field = 'probability')::numeric AS probability,
                       max(to_value) FILTER (WHERE field = 'forecastCategory') AS category
                FROM latest GROUP BY opportunity_id
            ), known AS (
                SELECT o.workspace_id, o.owner_id, o.territory_id, p.stage_id, o.currency,
                       CASE WHEN p.has_amount THEN p.amount ELSE o.amount END AS amount,
                       CASE WHEN p.has_close_date THEN p.close_date ELSE o.close_date END AS close_date,
                       CASE WHEN p.has_probability THEN p.probability END AS probability,
                       coalesce(p.category, o.forecast_category_override) AS category,
                       o.probability_override
                FROM past p
                JOIN opportunities o ON o.workspace_id = $1 AND o.id = p.id
            ), deals AS (
                SELECT o.owner_id, o.territory_id, o.stage_id, to_char(o.close_date, 'YYYY-MM') AS month, o.currency,
                       1 AS n,
                       CASE WHEN s.is_won THEN 'Closed' WHEN s.is_closed THEN 'Omitted'
                            ELSE coalesce(o.category, s.forecast_category) END AS category,
                       o.amount,
                       o.amount * coalesce(o.probability, o.probability_override, s.probability) AS weighted,
                       """ + periodRate("o", "o.close_date") + " AS rate\n" + """
                FROM known o
                JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
                """ + periodRateJoin("o", "o.close_date") + """

                WHERE o.close_date >= $3 AND o.close_date < $4
            )""";

    private static final String AGGREGATE = """
            , rated AS (
                SELECT *, CASE WHEN rate IS NULL THEN currency END AS unconverted FROM deals
            )
            -- weighted is amount × probability per row; dividing the sums by 100 spares a numeric division per row
            SELECT GROUPING(%s) AS grouping_set, %s, category, unconverted, sum(n) AS deals,
                   sum(amount * rate) AS amount, sum(weighted * rate) / 100 AS weighted, sum(amount) AS original
            FROM rated
            GROUP BY GROUPING SETS (%s)""";

    private ForecastQueries() {
    }

    /**
     * The aggregate statement over {@code groupings}; {@code scopeFilter} is empty (the workspace), or narrows the
     * deals by owner ({@code owners}) or territory ({@code territories}) to the array in $5.
     */
    static String facts(EnumSet<Grouping> groupings, ScopeFilter scopeFilter, Source source) {
        return source.cte.formatted(scopeFilter.sql(source.alias)) + aggregate(groupings);
    }

    /**
     * As {@link #facts} over the deals as they stood just before the instant in the parameter after the others
     * ($5 for the workspace, $6 after the scope array): see {@link #PAST_DEALS}.
     */
    static String factsAsOf(EnumSet<Grouping> groupings, ScopeFilter scopeFilter) {
        String instant = scopeFilter == ScopeFilter.NONE ? "$5" : "$6";
        return PAST_DEALS.formatted(scopeFilter.sql("o"), instant) + aggregate(groupings);
    }

    private static String aggregate(EnumSet<Grouping> groupings) {
        String sets = groupings.stream().map(g -> "(" + g.column + ", category, unconverted)")
                .collect(Collectors.joining(", "));
        String columns = groupings.stream().map(g -> g.column).collect(Collectors.joining(", "));
        String select = java.util.Arrays.stream(Grouping.values())
                .map(g -> groupings.contains(g) ? g.column : "NULL::" + g.type + " AS " + g.column)
                .collect(Collectors.joining(", "));
        return AGGREGATE.formatted(columns, select, sets);
    }

    /** Which deals a roll-up reads, beside the workspace ($1) and the period. */
    enum ScopeFilter {
        /** Every deal. */
        NONE,
        /** The deals of user $5 and of everyone below them. */
        TEAM,
        /** The deals of the territories in the array $5. */
        TERRITORIES;

        String sql(String alias) {
            return switch (this) {
                case NONE -> "";
                case TEAM -> " AND " + alias + ".owner_id = ANY(" + team("$5") + ")";
                case TERRITORIES -> " AND " + alias + ".territory_id = ANY($5)";
            };
        }
    }

    /** The ids of user {@code user} (a parameter) and of everyone below them in workspace $1, as an array. */
    static String team(String user) {
        return "ARRAY(WITH RECURSIVE team AS (SELECT " + user + "::uuid AS id UNION SELECT u.id FROM team t "
                + "JOIN users u ON u.workspace_id = $1 AND u.manager_id = t.id) SELECT id FROM team)";
    }

    static final String SETTINGS = "SELECT currency, fiscal_year_start_month FROM workspaces WHERE id = $1";

    static final String USERS = "SELECT id, manager_id, name FROM users WHERE workspace_id = $1";

    /**
     * The users a user scope ($2) needs: the user and everyone below (the roll-up), and the managers above (whose
     * sight decides who may look), not the rest of the organisation.
     */
    static final String SCOPE_USERS = """
            WITH RECURSIVE below AS (
                SELECT u.id, u.manager_id, u.name FROM users u WHERE u.workspace_id = $1 AND u.id = $2
                UNION
                SELECT u.id, u.manager_id, u.name FROM below b JOIN users u ON u.workspace_id = $1 AND u.manager_id = b.id
            ), above AS (
                SELECT u.id, u.manager_id, u.name FROM users u
                WHERE u.workspace_id = $1 AND u.id = (SELECT manager_id FROM below WHERE id = $2)
                UNION
                SELECT u.id, u.manager_id, u.name FROM above a JOIN users u ON u.workspace_id = $1 AND u.id = a.manager_id
            )
            SELECT id, manager_id, name FROM below UNION ALL SELECT id, manager_id, name FROM above""";

    /** The territories of the model of territory $2, or of the active model when $2 is null. */
    static final String TERRITORIES = """
            SELECT t.id, t.parent_id, t.name FROM territories t
            WHERE t.workspace_id = $1 AND t.model_id = (
                SELECT coalesce((SELECT x.model_id FROM territories x WHERE x.workspace_id = $1 AND x.id = $2),
                                (SELECT m.id FROM territory_models m WHERE m.workspace_id = $1 AND m.state = 'active'
                                 AND $2::uuid IS NULL)))""";

    static final String STAGES = """
            SELECT s.id, s.name, p.name AS pipeline FROM stages s
            JOIN pipelines p ON p.workspace_id = s.workspace_id AND p.id = s.pipeline_id
            WHERE s.workspace_id = $1 ORDER BY p.name, p.id, s.position""";

    static final String QUOTAS = """
            SELECT user_id, territory_id, amount FROM quotas WHERE workspace_id = $1 AND period_id = $2""";

    /** The quotas of user $3 and of everyone below them: all a user scope's quota rolls up from. */
    static final String TEAM_QUOTAS = QUOTAS + " AND user_id = ANY(" + team("$3") + ")";

    /** The quotas of the territories in the array $3: all a territory scope's quota rolls up from. */
    static final String TERRITORY_QUOTAS = QUOTAS + " AND territory_id = ANY($3)";

    /**
     * The adjustments of a period ($2), each with how many levels below the top of the reporting lines its adjuster
     * sits ({@code adjuster_depth}: 0 for a user without a manager; null for an adjuster no longer a user), found by
     * walking up from each adjuster: the roll-up of a team need not load the organisation above it to rank the calls.
     */
    static final String ADJUSTMENTS = """
            WITH RECURSIVE adjusted AS (
                SELECT user_id, category, amount, adjusted_by, updated_at FROM forecast_adjustments
                WHERE workspace_id = $1 AND period_id = $2
            ), line AS (
                SELECT u.id AS adjuster, u.manager_id, 0 AS depth FROM users u
                WHERE u.workspace_id = $1 AND u.id IN (SELECT adjusted_by FROM adjusted)
                UNION ALL
                SELECT l.adjuster, u.manager_id, l.depth + 1 FROM line l
                JOIN users u ON u.workspace_id = $1 AND u.id = l.manager_id
                WHERE l.depth < 256   -- writes refuse reporting cycles; should one exist, it ranks last, not forever
            )
            SELECT a.user_id, a.category, a.amount, a.adjusted_by, a.updated_at,
                   (SELECT CASE WHEN max(l.depth) < 256 THEN max(l.depth) END FROM line l
                    WHERE l.adjuster = a.adjusted_by) AS adjuster_depth
            FROM adjusted a""";
}
