package org.revops.territory;

/**
 * The assignment engine as SQL: one statement assigns a set of accounts to the territories of one model. Written once
 * and run by the jobs (a chunk of accounts by id range, on the reactive client) and by account writes (one account,
 * in the writer's Hibernate transaction), so both paths cannot disagree.
 *
 * <p>How an account is matched, in set form:
 * <ol>
 * <li>every criterion of every rule of the model becomes "terms" (one row per listed value); accounts join the terms
 *   on equality (country, region, industry, tier: hash joins) or on ranges and prefixes, giving the criteria each
 *   account satisfies, as a bit mask per (account, rule);</li>
 * <li>a rule matches when its compiled truth table has a '1' at that mask (rules are monotone, so an account that
 *   satisfies no criterion of a rule never matches it and never needs a row);</li>
 * <li>a territory matches when one of its own rules matches and, for each ancestor with inherited rules, one of those
 *   matches too ("groups": its own, plus one per such ancestor);</li>
 * <li>the deepest matching territory wins, then the highest priority; several equal at the top are a tie.</li>
 * </ol>
 * The winners are upserted into {@code territory_assignments} (rows that did not change are not rewritten), and the
 * rule-made rows of accounts that now match nothing are deleted. Manual rows are kept unless {@code $4} says replace.
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

    private static final String MATCH = """
            WITH RECURSIVE tree AS (
                SELECT t.id, t.priority, 1 AS depth, ARRAY[t.id] AS path
                FROM territories t
                WHERE t.workspace_id = $1 AND t.model_id = $2 AND t.parent_id IS NULL
                UNION ALL
                SELECT c.id, c.priority, p.depth + 1, p.path || c.id
                FROM tree p
                JOIN territories c ON c.workspace_id = $1 AND c.model_id = $2 AND c.parent_id = p.id
            ),
            rules AS (
                SELECT r.id AS rule_id, r.territory_id, r.inherited, r.truth_table, r.criteria, r.position
                FROM territory_rules r
                WHERE r.workspace_id = $1 AND r.model_id = $2
            ),
            scope AS (
                SELECT r.rule_id, r.territory_id, r.territory_id AS group_id FROM rules r
                UNION ALL
                SELECT r.rule_id, d.id, r.territory_id
                FROM rules r JOIN tree d ON r.inherited AND d.id <> r.territory_id AND r.territory_id = ANY (d.path)
            ),
            required AS (
                SELECT s.territory_id, count(DISTINCT s.group_id) AS groups FROM scope s GROUP BY s.territory_id
            ),
            terms AS (
                SELECT r.rule_id, CAST(c.ord AS integer) AS bit, c.item ->> 'field' AS field, c.item ->> 'operator' AS op,
                       lower(v.value) AS value, upper(v.value) COLLATE "C" AS prefix, CAST(c.item ->> 'min' AS numeric) AS low,
                       CAST(c.item ->> 'max' AS numeric) AS high,
                       upper(c.item ->> 'from') COLLATE "C" AS from_code, upper(c.item ->> 'to') COLLATE "C" AS to_code
                FROM rules r
                CROSS JOIN LATERAL jsonb_array_elements(r.criteria) WITH ORDINALITY AS c(item, ord)
                LEFT JOIN LATERAL jsonb_array_elements_text(c.item -> 'values') AS v(value) ON true
            ),
            chunk AS MATERIALIZED (
                SELECT a.id, lower(a.country) AS country, lower(a.region) AS region, lower(a.industry) AS industry,
                       lower(a.tier) AS tier, upper(a.postal_code) COLLATE "C" AS postal_code, a.employee_count,
                       a.annual_revenue
                FROM (%1$s) a
            ),
            hits AS (
                SELECT a.id AS account_id, t.rule_id, t.bit FROM chunk a JOIN terms t ON t.field = 'country' AND t.value = a.country
                UNION ALL
                SELECT a.id, t.rule_id, t.bit FROM chunk a JOIN terms t ON t.field = 'region' AND t.value = a.region
                UNION ALL
                SELECT a.id, t.rule_id, t.bit FROM chunk a JOIN terms t ON t.field = 'industry' AND t.value = a.industry
                UNION ALL
                SELECT a.id, t.rule_id, t.bit FROM chunk a JOIN terms t ON t.field = 'tier' AND t.value = a.tier
                UNION ALL
                SELECT a.id, t.rule_id, t.bit FROM chunk a
                JOIN terms t ON t.field = 'postalCode' AND t.op = 'startsWith' AND starts_with(a.postal_code, t.prefix)
                UNION ALL
                SELECT a.id, t.rule_id, t.bit FROM chunk a
                JOIN terms t ON t.field = 'postalCode' AND t.op = 'between' AND a.postal_code IS NOT NULL
                     AND (t.from_code IS NULL OR a.postal_code >= t.from_code)
                     AND (t.to_code IS NULL OR a.postal_code <= t.to_code)
                UNION ALL
                SELECT a.id, t.rule_id, t.bit FROM chunk a
                JOIN terms t ON t.field = 'employeeCount' AND a.employee_count IS NOT NULL
                     AND (t.low IS NULL OR a.employee_count >= t.low) AND (t.high IS NULL OR a.employee_count <= t.high)
                UNION ALL
                SELECT a.id, t.rule_id, t.bit FROM chunk a
                JOIN terms t ON t.field = 'annualRevenue' AND a.annual_revenue IS NOT NULL
                     AND (t.low IS NULL OR a.annual_revenue >= t.low) AND (t.high IS NULL OR a.annual_revenue <= t.high)
            ),
            rule_hits AS (
                SELECT h.account_id, h.rule_id, bit_or(1 << (h.bit - 1)) AS mask FROM hits h GROUP BY h.account_id, h.rule_id
            ),
            rule_matches AS (
                SELECT h.account_id, h.rule_id, r.position
                FROM rule_hits h JOIN rules r ON r.rule_id = h.rule_id
                WHERE substr(r.truth_table, h.mask + 1, 1) = '1'
            ),
            territory_matches AS (
                SELECT m.account_id, s.territory_id, count(DISTINCT s.group_id) AS groups,
                       (array_agg(m.rule_id ORDER BY m.position, m.rule_id)
                            FILTER (WHERE s.group_id = s.territory_id))[1] AS rule_id
                FROM rule_matches m JOIN scope s ON s.rule_id = m.rule_id
                GROUP BY m.account_id, s.territory_id
            ),
            candidates AS (
                SELECT tm.account_id, tm.territory_id, tm.rule_id,
                       rank() OVER (PARTITION BY tm.account_id ORDER BY tr.depth DESC, tr.priority DESC) AS place
                FROM territory_matches tm
                JOIN required q ON q.territory_id = tm.territory_id
                JOIN tree tr ON tr.id = tm.territory_id
                WHERE tm.rule_id IS NOT NULL AND tm.groups = q.groups
            ),
            winners AS (
                SELECT c.account_id,
                       CASE WHEN count(*) = 1 THEN (array_agg(c.territory_id))[1] END AS territory_id,
                       CASE WHEN count(*) = 1 THEN 'rule' ELSE 'tie' END AS cause,
                       CASE WHEN count(*) = 1 THEN (array_agg(c.rule_id))[1] END AS rule_id,
                       CASE WHEN count(*) > 1 THEN array_agg(c.territory_id ORDER BY c.territory_id) END AS tied
                FROM candidates c
                WHERE c.place = 1
                GROUP BY c.account_id
            )
            """;

    private static final String WRITE = """
            , written AS (
                INSERT INTO territory_assignments AS ta (workspace_id, model_id, account_id, territory_id, cause, rule_id,
                                                         tied_territory_ids, assigned_at, assigned_by)
                SELECT $1, $2, w.account_id, w.territory_id, w.cause, w.rule_id, w.tied, $3, NULL FROM winners w
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
                WHERE ta.workspace_id = $1 AND ta.model_id = $2 AND %1$s AND (ta.cause <> 'manual' OR $4)
                  AND NOT EXISTS (SELECT 1 FROM winners w WHERE w.account_id = ta.account_id)
                RETURNING ta.account_id
            )
            SELECT (SELECT count(*) FROM chunk) AS accounts,
                   (SELECT count(*) FROM winners WHERE cause = 'rule') AS matched,
                   (SELECT count(*) FROM winners WHERE cause = 'tie') AS ties,
                   (SELECT count(*) FROM written) + (SELECT count(*) FROM removed) AS changed,
                   CASE WHEN $4 THEN 0 ELSE (SELECT count(*) FROM territory_assignments ta
                                             WHERE ta.workspace_id = $1 AND ta.model_id = $2 AND %1$s
                                               AND ta.cause = 'manual') END AS manual""";

    /** The firmographics the rules read, as raw columns; any record with these columns can be matched. */
    static final String FACT_COLUMNS = "id, country, region, industry, tier, postal_code, employee_count, annual_revenue";

    /** The statement that assigns the accounts of {@code scope} (reactive-client placeholders $n). */
    static String assign(Scope scope) {
        String accounts = "SELECT " + FACT_COLUMNS + " FROM accounts WHERE workspace_id = $1 AND " + scope.on("id");
        return MATCH.formatted(accounts) + WRITE.formatted(scope.on("ta.account_id"));
    }

    /**
     * Matching only, nothing written: the winning territory of each row of {@code facts}, a SELECT of
     * {@link #FACT_COLUMNS} (leads use it with their company fields). $1 is the workspace, $2 the model; {@code facts}
     * may use $1 and its own parameters from $3 on. Answers (id, territory_id, cause rule|tie, rule_id, tied) for the
     * rows that matched; a row that matched nothing has no answer.
     */
    static String match(String facts) {
        return MATCH.formatted(facts) + """
                 SELECT w.account_id AS id, w.territory_id, w.cause, w.rule_id, w.tied FROM winners w""";
    }

    /** The same text with Hibernate's ordinal placeholders (?n), for a native query in an entity transaction. */
    static String assignForHibernate(Scope scope) {
        return assign(scope).replaceAll("\\$(\\d+)", "?$1");
    }
}
