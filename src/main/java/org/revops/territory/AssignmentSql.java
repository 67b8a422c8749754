package org.revops.territory;

/**
 * The assignment engine as SQL: one statement assigns a set of accounts to the territories of one model. Written once
 * and run by the jobs (a chunk of accounts by id range, on the reactive client), by account writes (one account, in
 * the writer's Hibernate transaction) and, read-only, over any facts ({@link #match}), so the paths cannot disagree.
 *
 * <p>The rule of the issue: a territory T matches an account when one of T's own rules matches it and, for each
 * ancestor A of T that has inherited rules, one of A's inherited rules matches it too; the deepest matching territory
 * wins, then the highest priority; several equal at the top are a tie. A rule matches when its compiled truth table
 * has a '1' at the mask of the criteria the account satisfies (see {@code AssignmentRule}).
 *
 * <p>How the statement gets there without touching every (account, rule) pair ({@link AssignmentMatchSql} has the
 * text):
 * <ol>
 * <li><b>Terms.</b> Every criterion value of the model is a term; identical terms of different rules are one term
 *   (the 310 size-band rules of the benchmark map carry 4 distinct ranges).</li>
 * <li><b>Profiles.</b> Which terms an account satisfies depends only on a few small numbers, its signature: per
 *   equality field the position of its lower-cased value among the model's listed values (0: none), per range field
 *   {@code 1 + 2·b + e} where b = width_bucket(value, sorted distinct bounds) counts the bounds ≤ value and e = 1 when
 *   the value is a bound (so b and e place the value exactly against every min and max), per postal prefix list the
 *   longest listed prefix it starts with. Accounts with equal signatures satisfy the same terms, hence match the same
 *   way: they form one profile, evaluated once (1M benchmark accounts are ~8k profiles), and every account takes
 *   its profile's result.</li>
 * <li><b>Gates first.</b> A profile's inherited rules are evaluated first; ancestor A is <i>open</i> for the profile
 *   when one of A's inherited rules matches and every ancestor of A with inherited rules is open too
 *   ({@code chain(A) ⊆ matched}). Own rules of T are then evaluated only where T's nearest ancestor with inherited
 *   rules (its gate) is open, or T has none: the join is keyed by (term, gate), so a term shared by the rules of
 *   many countries only reaches the rule under the profile's own country.</li>
 * <li><b>Winners.</b> rank() by depth desc, priority desc; one at the top wins (with its first matching rule by
 *   position), several are a tie.</li>
 * </ol>
 * The winners are upserted into {@code territory_assignments} when they differ from the stored row (rows that did not
 * change are not touched, not even locked), and the rule-made rows of accounts that now match nothing are deleted
 * (a hashed anti-join of the scope's stored rows with the winners). Manual rows are kept unless {@code $4} says
 * replace.
 *
 * <p>Parameters: $1 workspace, $2 model, $3 assigned-at instant, $4 replace manual assignments, then the account
 * scope's own ({@link Scope}). Casts are written {@code CAST(… AS …)} so Hibernate's parser reads the text too.
 */
final class AssignmentSql {
    private AssignmentSql() {
    }

    /** Which accounts one statement assigns. */
    enum Scope {
        /** $5 ≤ id < $6 (no upper bound when $6 is null): a chunk of a whole-model run. */
        ID_RANGE("%1$s >= $5 AND (CAST($6 AS uuid) IS NULL OR %1$s < CAST($6 AS uuid))"),
        /** id = ANY($5): a batch of accounts just written. */
        IDS("%1$s = ANY($5)"),
        /** id = $5: the one account just written. */
        ONE("%1$s = $5");

        private final String predicate;

        Scope(String predicate) {
            this.predicate = predicate;
        }

        String on(String column) {
            return predicate.formatted(column);
        }
    }

    /**
     * The scope's stored rows against the winners, in one hashed full join: {@code diff} keeps only what to write (new
     * or different), what to delete (rule-made, no winner any more) and the manual rows that stay (to count them).
     * Deletes go by primary key from an array, so no plan can turn them into a scan per row.
     */
    private static final String WRITE = """
            ,
            stored AS (
                SELECT ta.account_id, ta.territory_id, ta.cause, ta.rule_id, ta.tied_territory_ids
                FROM territory_assignments ta
                WHERE ta.workspace_id = $1 AND ta.model_id = $2 AND %1$s
            ),
            diff AS MATERIALIZED (
                SELECT coalesce(w.account_id, s.account_id) AS account_id, w.territory_id, w.cause, w.rule_id, w.tied,
                       CASE WHEN s.cause = 'manual' AND NOT $4 THEN 'keep'
                            WHEN w.account_id IS NULL THEN 'delete' ELSE 'write' END AS action
                FROM winners w FULL JOIN stored s ON s.account_id = w.account_id
                WHERE (s.cause = 'manual' AND NOT $4) OR w.account_id IS NULL OR s.account_id IS NULL
                   OR (s.territory_id, s.cause, s.rule_id, s.tied_territory_ids)
                      IS DISTINCT FROM (w.territory_id, w.cause, w.rule_id, w.tied)
            ),
            written AS (
                INSERT INTO territory_assignments AS ta (workspace_id, model_id, account_id, territory_id, cause, rule_id,
                                                         tied_territory_ids, assigned_at, assigned_by)
                SELECT $1, $2, d.account_id, d.territory_id, d.cause, d.rule_id, d.tied, $3, NULL
                FROM diff d WHERE d.action = 'write' ORDER BY d.account_id
                ON CONFLICT (workspace_id, model_id, account_id) DO UPDATE
                SET territory_id = excluded.territory_id, cause = excluded.cause, rule_id = excluded.rule_id,
                    tied_territory_ids = excluded.tied_territory_ids, assigned_at = excluded.assigned_at,
                    assigned_by = NULL
                WHERE (ta.cause <> 'manual' OR $4)
                  AND (ta.territory_id, ta.cause, ta.rule_id, ta.tied_territory_ids)
                      IS DISTINCT FROM (excluded.territory_id, excluded.cause, excluded.rule_id, excluded.tied_territory_ids)
                RETURNING ta.account_id
            ),
            removed AS (
                DELETE FROM territory_assignments ta
                WHERE ta.workspace_id = $1 AND ta.model_id = $2 AND (ta.cause <> 'manual' OR $4)
                  AND ta.account_id = ANY (ARRAY(SELECT d.account_id FROM diff d WHERE d.action = 'delete'))
                RETURNING ta.account_id
            )
            SELECT (SELECT coalesce(sum(cardinality(p.ids)), 0) FROM profiles p) AS accounts,
                   (SELECT coalesce(sum(cardinality(p.ids)) FILTER (WHERE w.cause = 'rule'), 0)
                    FROM profile_winners w JOIN profiles p ON p.profile = w.profile) AS matched,
                   (SELECT coalesce(sum(cardinality(p.ids)) FILTER (WHERE w.cause = 'tie'), 0)
                    FROM profile_winners w JOIN profiles p ON p.profile = w.profile) AS ties,
                   (SELECT count(*) FROM written) + (SELECT count(*) FROM removed) AS changed,
                   (SELECT count(*) FROM diff d WHERE d.action = 'keep') AS manual""";

    /** The firmographics the rules read, as raw columns; any record with these columns can be matched. */
    static final String FACT_COLUMNS = "id, country, region, industry, tier, postal_code, employee_count, annual_revenue";

    /** The statement that assigns the accounts of {@code scope} (reactive-client placeholders $n). */
    static String assign(Scope scope) {
        String accounts = "SELECT " + FACT_COLUMNS + " FROM accounts WHERE workspace_id = $1 AND " + scope.on("id");
        return AssignmentMatchSql.over(accounts) + WRITE.formatted(scope.on("ta.account_id"));
    }

    /**
     * Matching only, nothing written: the winning territory of each row of {@code facts}, a SELECT of
     * {@link #FACT_COLUMNS} (leads use it with their company fields). $1 is the workspace, $2 the model; {@code facts}
     * may use $1 and its own parameters from $3 on. Answers (id, territory_id, cause rule|tie, rule_id, tied) for the
     * rows that matched; a row that matched nothing has no answer.
     */
    static String match(String facts) {
        return AssignmentMatchSql.over(facts) + """
                 SELECT w.account_id AS id, w.territory_id, w.cause, w.rule_id, w.tied FROM winners w""";
    }

    /** The same text with Hibernate's ordinal placeholders (?n), for a native query in an entity transaction. */
    static String assignForHibernate(Scope scope) {
        return assign(scope).replaceAll("\\$(\\d+)", "?$1");
    }
}
