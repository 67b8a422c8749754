package org.revops.forecast;

/** The statements of the statistical forecast (see {@link ForecastProjection} for what is done with their rows). */
final class ProjectionQueries {
    private ProjectionQueries() {
    }

    /**
     * Per stage, the deals of workspace $1 closed in [$2, $3) that were ever in it: how many, how many won, and for
     * the won ones the days (UTC dates) from their last entry into the stage to closing. Closed stages show up too
     * (the closing move enters one); the service keeps the open ones.
     */
    static final String STAGE_HISTORY = """
            WITH closed AS (
                SELECT o.workspace_id, o.id, o.closed_at, s.is_won
                FROM opportunities o
                JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
                WHERE o.workspace_id = $1 AND s.is_closed AND o.closed_at >= $2 AND o.closed_at < $3
            ), visits AS (
                SELECT h.to_stage_id AS stage_id, c.id, c.is_won, c.closed_at, max(h.changed_at) AS entered_at
                FROM closed c
                JOIN opportunity_history h ON h.workspace_id = c.workspace_id AND h.opportunity_id = c.id
                WHERE h.field = 'stage' AND h.to_stage_id IS NOT NULL
                GROUP BY h.to_stage_id, c.id, c.is_won, c.closed_at
            )
            SELECT stage_id, count(*) AS closed_deals, count(*) FILTER (WHERE is_won) AS won_deals,
                   array_agg((closed_at AT TIME ZONE 'UTC')::date - (entered_at AT TIME ZONE 'UTC')::date)
                       FILTER (WHERE is_won) AS cycle_days
            FROM visits GROUP BY stage_id""";

    /** The open stages of workspace $1 with their probability, in pipeline and stage order. */
    static final String OPEN_STAGES = """
            SELECT s.id, s.name, p.name AS pipeline, s.probability FROM stages s
            JOIN pipelines p ON p.workspace_id = s.workspace_id AND p.id = s.pipeline_id
            WHERE s.workspace_id = $1 AND NOT s.is_closed ORDER BY p.name, p.id, s.position""";

    /**
     * The open deals of workspace $1 (optionally narrowed by a filter on $3) grouped by what their projection depends
     * on: stage, day they entered it (UTC), close date, and the currency when no rate converts it to $2 on the close
     * date (as the roll-up converts). Groups, not deals, come back: few per stage and day.
     */
    private static final String OPEN_DEALS = """
            WITH deals AS (
                SELECT o.stage_id, (o.stage_entered_at AT TIME ZONE 'UTC')::date AS entered_on, o.close_date,
                       o.currency, coalesce(o.amount, 0) AS amount, x.rate
                FROM opportunities o
                JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
                """ + ForecastQueries.rate("o", "o.close_date") + """

                WHERE o.workspace_id = $1 AND NOT s.is_closed%s
            )
            SELECT stage_id, entered_on, close_date, CASE WHEN rate IS NULL THEN currency END AS unconverted,
                   count(*) AS deals, sum(amount * rate) AS amount, sum(amount) AS original
            FROM deals GROUP BY 1, 2, 3, 4""";

    /** The open deals statement narrowed like the roll-up's scope (its filter's parameter moved from $5 to $3). */
    static String openDeals(ForecastQueries.ScopeFilter filter) {
        return OPEN_DEALS.formatted(filter.sql("o").replace("$5", "$3"));
    }
}
