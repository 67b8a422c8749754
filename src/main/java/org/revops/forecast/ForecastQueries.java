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

    /**
     * The rate of a row's currency in effect on {@code dateColumn}, 1 in the workspace currency ($2); OFFSET 0 keeps
     * the subquery from being pulled up, so each row looks its rate up once, not once per use.
     */
    private static String rate(String alias, String dateColumn) {
        return """
                LEFT JOIN LATERAL (SELECT CASE WHEN %1$s.currency = $2 THEN 1 ELSE (
                        SELECT r.rate FROM exchange_rates r
                        WHERE r.workspace_id = %1$s.workspace_id AND r.currency = %1$s.currency
                          AND r.effective_date <= %2$s
                        ORDER BY r.effective_date DESC LIMIT 1) END AS rate OFFSET 0) x ON true""".formatted(alias,
                dateColumn);
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
                           o.amount, o.amount * coalesce(o.probability_override, s.probability) / 100 AS weighted,
                           x.rate
                    FROM opportunities o
                    JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
                    """ + rate("o", "o.close_date") + """

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
                           f.amount, f.amount * coalesce(f.probability_override, s.probability) / 100 AS weighted,
                           x.rate
                    FROM forecast_facts f
                    JOIN stages s ON s.workspace_id = f.workspace_id AND s.id = f.stage_id
                    """ + rate("f", "f.rate_date") + """

                    WHERE f.workspace_id = $1 AND f.month >= $3 AND f.month < $4 AND f.deals <> 0%s
                )""", "f");

        final String cte;
        final String alias;

        Source(String cte, String alias) {
            this.cte = cte;
            this.alias = alias;
        }
    }

    private static final String AGGREGATE = """
            , rated AS (
                SELECT *, CASE WHEN rate IS NULL THEN currency END AS unconverted FROM deals
            )
            SELECT GROUPING(%s) AS grouping_set, %s, category, unconverted, sum(n) AS deals,
                   sum(amount * rate) AS amount, sum(weighted * rate) AS weighted, sum(amount) AS original
            FROM rated
            GROUP BY GROUPING SETS (%s)""";

    private ForecastQueries() {
    }

    /**
     * The aggregate statement over {@code groupings}; {@code scopeFilter} is empty (the workspace), or narrows the
     * deals by owner ({@code owners}) or territory ({@code territories}) to the array in $5.
     */
    static String facts(EnumSet<Grouping> groupings, ScopeFilter scopeFilter, Source source) {
        String sets = groupings.stream().map(g -> "(" + g.column + ", category, unconverted)")
                .collect(Collectors.joining(", "));
        String columns = groupings.stream().map(g -> g.column).collect(Collectors.joining(", "));
        String select = java.util.Arrays.stream(Grouping.values())
                .map(g -> groupings.contains(g) ? g.column : "NULL::" + g.type + " AS " + g.column)
                .collect(Collectors.joining(", "));
        return source.cte.formatted(scopeFilter.sql(source.alias)) + AGGREGATE.formatted(columns, select, sets);
    }

    enum ScopeFilter {
        NONE(null), OWNERS("owner_id"), TERRITORIES("territory_id");

        final String column;

        ScopeFilter(String column) {
            this.column = column;
        }

        String sql(String alias) {
            return column == null ? "" : " AND " + alias + "." + column + " = ANY($5)";
        }
    }

    static final String SETTINGS = "SELECT currency, fiscal_year_start_month FROM workspaces WHERE id = $1";

    static final String USERS = "SELECT id, manager_id, name FROM users WHERE workspace_id = $1";

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

    static final String ADJUSTMENTS = """
            SELECT user_id, category, amount, adjusted_by, updated_at FROM forecast_adjustments
            WHERE workspace_id = $1 AND period_id = $2""";
}
