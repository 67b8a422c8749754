package org.revops.territory;

/**
 * Realignment as SQL: which accounts a planning model moves away from the active one. Territories of two models are
 * different rows, so "the same territory" means the same {@code code}: an account moves when the code of its
 * territory differs between the models (being unassigned or tied counts as no territory).
 */
final class MoveSql {
    private MoveSql() {
    }

    /**
     * $1 workspace, $2 planning model, $3 active model (may be null); {@code %1$s} and {@code %2$s} limit both
     * models' assignments to the same accounts. The two assignment sets are compared directly (a full join: an account
     * assigned in one model only is a mover too, one assigned in neither is not) and the accounts table is read only
     * for the movers' owners, by key: scanning accounts by an id range reads pages all over the table, since ids are
     * random, and most accounts do not move.
     */
    private static final String MOVERS = """
            movers AS (
                SELECT coalesce(nxt.account_id, cur.account_id) AS account_id, cur.territory_id AS from_id,
                       nxt.territory_id AS to_id
                FROM (SELECT x.account_id, x.territory_id FROM territory_assignments x
                      WHERE x.workspace_id = $1 AND x.model_id = $3 AND %1$s) cur
                FULL JOIN (SELECT y.account_id, y.territory_id FROM territory_assignments y
                           WHERE y.workspace_id = $1 AND y.model_id = $2 AND %2$s) nxt
                       ON nxt.account_id = cur.account_id
                LEFT JOIN territories ct ON ct.workspace_id = $1 AND ct.id = cur.territory_id
                LEFT JOIN territories nt ON nt.workspace_id = $1 AND nt.id = nxt.territory_id
                WHERE ct.code IS DISTINCT FROM nt.code
            )""";

    /** The chunk's id range, $4 ≤ id < $5 ($5 null: no upper bound), on a column. */
    private static String chunk(String column) {
        return column + " >= $4 AND (CAST($5 AS uuid) IS NULL OR " + column + " < CAST($5 AS uuid))";
    }

    /**
     * Records the movers of one chunk with their owners and open deals; $6 is the preview job. A chunk's movers are a
     * few percent of its accounts, so their account and deals are looked up by key, one mover at a time (OFFSET 0
     * keeps each lookup a subquery of its own: joined, the planner hashes the whole accounts table for them).
     */
    static final String RECORD = "WITH " + MOVERS.formatted(chunk("x.account_id"), chunk("y.account_id")) + """

            INSERT INTO territory_moves (workspace_id, model_id, account_id, job_id, from_territory_id, to_territory_id,
                                         account_owner_id, open_deals, open_pipeline_amount)
            SELECT $1, $2, m.account_id, $6, m.from_id, m.to_id, a.owner_id, d.deals, d.amount
            FROM movers m
            CROSS JOIN LATERAL (SELECT a.owner_id FROM accounts a WHERE a.workspace_id = $1 AND a.id = m.account_id
                                OFFSET 0) a
            CROSS JOIN LATERAL (SELECT count(*) AS deals, coalesce(sum(o.amount), 0) AS amount
                                FROM opportunities o
                                JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
                                WHERE o.workspace_id = $1 AND o.account_id = m.account_id AND NOT s.is_closed
                                OFFSET 0) d""";

    /** How many accounts the activation of $2 moves, over the whole workspace ($1, $3 as above). */
    static final String COUNT = "WITH " + MOVERS.formatted("TRUE", "TRUE") + " SELECT count(*) AS moved FROM movers";

    static final String CLEAR = "DELETE FROM territory_moves WHERE workspace_id = $1 AND model_id = $2";

    /** Totals of the model's recorded moves: $1 workspace, $2 model. */
    static final String TOTALS = """
            SELECT count(*) AS movers, count(DISTINCT m.account_owner_id) AS account_owners,
                   coalesce(sum(m.open_deals), 0) AS open_deals,
                   coalesce(sum(m.open_pipeline_amount), 0) AS open_pipeline_amount,
                   (SELECT count(DISTINCT t.owner_id) FROM territories t
                    WHERE t.workspace_id = $1 AND t.owner_id IS NOT NULL
                      AND t.id IN (SELECT from_territory_id FROM territory_moves x WHERE x.workspace_id = $1 AND x.model_id = $2
                                   UNION SELECT to_territory_id FROM territory_moves x WHERE x.workspace_id = $1 AND x.model_id = $2))
                       AS territory_owners
            FROM territory_moves m
            WHERE m.workspace_id = $1 AND m.model_id = $2""";

    /**
     * Manual territories of deals follow activation: a deal pointing at a territory of another model is moved to the
     * territory with the same code in the new model, or cleared (it then follows its account). $1 workspace, $2 new
     * model.
     */
    static final String REMAP_DEALS = """
            WITH remap AS (
                SELECT o.id, nt.id AS new_id
                FROM opportunities o
                JOIN territories ot ON ot.workspace_id = o.workspace_id AND ot.id = o.territory_id
                LEFT JOIN territories nt ON nt.workspace_id = o.workspace_id AND nt.model_id = $2 AND nt.code = ot.code
                WHERE o.workspace_id = $1 AND o.territory_id IS NOT NULL AND ot.model_id <> $2
            ),
            changed AS (
                UPDATE opportunities o SET territory_id = r.new_id FROM remap r
                WHERE o.workspace_id = $1 AND o.id = r.id
                RETURNING r.new_id
            )
            SELECT count(*) FILTER (WHERE new_id IS NOT NULL) AS kept, count(*) FILTER (WHERE new_id IS NULL) AS cleared
            FROM changed""";
}
