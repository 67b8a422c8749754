-- bench/territories.sh: the assignment statement of a whole-model job, for one chunk (AssignmentSql.assign over
-- an id range). Generated: AssignmentSqlBenchTest fails when it drifts from the code
-- ($1 workspace, $2 model, $3 assigned at, $4 replace manual, $5..$6 the chunk's id range).
WITH RECURSIVE tree AS (
    SELECT t.id, t.priority, 1 AS depth, ARRAY[t.id] AS path
    FROM territories t
    WHERE t.workspace_id = $1 AND t.model_id = $2 AND t.parent_id IS NULL
    UNION ALL
    SELECT c.id, c.priority, p.depth + 1, p.path || c.id
    FROM tree p
    JOIN territories c ON c.workspace_id = $1 AND c.model_id = $2 AND c.parent_id = p.id
),
rules AS MATERIALIZED (
    SELECT r.id AS rule_id, r.territory_id, r.inherited, r.truth_table, r.criteria, r.position
    FROM territory_rules r
    WHERE r.workspace_id = $1 AND r.model_id = $2
),
places AS MATERIALIZED (
    SELECT x.territory_id, x.depth, x.priority, x.chain, x.chain[cardinality(x.chain)] AS gate
    FROM (SELECT d.id AS territory_id, d.depth, d.priority,
                 ARRAY(SELECT u.id FROM unnest(d.path) WITH ORDINALITY AS u(id, ord)
                       WHERE u.ord < d.depth
                         AND u.id IN (SELECT r.territory_id FROM rules r WHERE r.inherited)
                       ORDER BY u.ord) AS chain
          FROM tree d) x
),
terms AS MATERIALIZED (
    SELECT x.*, dense_rank() OVER (ORDER BY x.field, x.op, x.value, x.prefix, x.low, x.high, x.from_code,
                                            x.to_code) AS term
    FROM (SELECT r.rule_id, CAST(c.ord AS integer) AS bit, c.item ->> 'field' AS field,
                 c.item ->> 'operator' AS op, lower(v.value) AS value, upper(v.value) COLLATE "C" AS prefix,
                 CAST(c.item ->> 'min' AS numeric) AS low, CAST(c.item ->> 'max' AS numeric) AS high,
                 upper(c.item ->> 'from') COLLATE "C" AS from_code,
                 upper(c.item ->> 'to') COLLATE "C" AS to_code
          FROM rules r
          CROSS JOIN LATERAL jsonb_array_elements(r.criteria) WITH ORDINALITY AS c(item, ord)
          LEFT JOIN LATERAL jsonb_array_elements_text(c.item -> 'values') AS v(value) ON true) x
),
term_uses AS MATERIALIZED (
    SELECT t.term, t.rule_id, t.bit, r.inherited, p.gate
    FROM terms t JOIN rules r ON r.rule_id = t.rule_id JOIN places p ON p.territory_id = r.territory_id
),
term_set AS MATERIALIZED (
    SELECT DISTINCT ON (t.term) t.term, t.field, t.op, t.value, t.prefix, t.low, t.high, t.from_code, t.to_code
    FROM terms t ORDER BY t.term
),
term_keys AS MATERIALIZED (
    SELECT array_agg(t.value) FILTER (WHERE t.field = 'country') AS countries,
           array_agg(t.value) FILTER (WHERE t.field = 'region') AS regions,
           array_agg(t.value) FILTER (WHERE t.field = 'industry') AS industries,
           array_agg(t.value) FILTER (WHERE t.field = 'tier') AS tiers,
           array_agg(t.prefix) FILTER (WHERE t.field = 'postalCode' AND t.op = 'startsWith') AS prefixes,
           (SELECT array_agg(DISTINCT b.code ORDER BY b.code)
            FROM term_set d
            CROSS JOIN LATERAL (VALUES (d.from_code COLLATE "C"), (d.to_code COLLATE "C")) AS b(code)
            WHERE d.field = 'postalCode' AND d.op = 'between' AND b.code IS NOT NULL) AS postal_bounds,
           (SELECT array_agg(DISTINCT b.n ORDER BY b.n)
            FROM term_set d CROSS JOIN LATERAL (VALUES (d.low), (d.high)) AS b(n)
            WHERE d.field = 'employeeCount' AND b.n IS NOT NULL) AS employee_bounds,
           (SELECT array_agg(DISTINCT b.n ORDER BY b.n)
            FROM term_set d CROSS JOIN LATERAL (VALUES (d.low), (d.high)) AS b(n)
            WHERE d.field = 'annualRevenue' AND b.n IS NOT NULL) AS revenue_bounds
    FROM term_set t
),
facts AS (
    SELECT a.id, lower(a.country) AS country, lower(a.region) AS region, lower(a.industry) AS industry,
           lower(a.tier) AS tier, upper(a.postal_code) COLLATE "C" AS postal_code,
           CAST(a.employee_count AS numeric) AS employee_count, a.annual_revenue
    FROM (SELECT id, country, region, industry, tier, postal_code, employee_count, annual_revenue FROM accounts WHERE workspace_id = $1 AND id >= $5 AND (CAST($6 AS uuid) IS NULL OR id < CAST($6 AS uuid))) a
),
signed AS (
    SELECT f.*,
           ARRAY[coalesce(array_position((SELECT k.countries FROM term_keys k), f.country), 0),
                 coalesce(array_position((SELECT k.regions FROM term_keys k), f.region), 0),
                 coalesce(array_position((SELECT k.industries FROM term_keys k), f.industry), 0),
                 coalesce(array_position((SELECT k.tiers FROM term_keys k), f.tier), 0),
                 CASE WHEN (SELECT k.prefixes FROM term_keys k) IS NULL OR f.postal_code IS NULL THEN 0
                      ELSE coalesce((SELECT p.ord FROM unnest((SELECT k.prefixes FROM term_keys k)) WITH ORDINALITY AS p(code, ord)
                                     WHERE starts_with(f.postal_code, p.code)
                                     ORDER BY length(p.code) DESC LIMIT 1), 0) END,
                 CASE WHEN (SELECT k.postal_bounds FROM term_keys k) IS NULL OR f.postal_code IS NULL THEN 0
                      ELSE 1 + 2 * width_bucket(f.postal_code, (SELECT k.postal_bounds FROM term_keys k))
                           + CAST(array_position((SELECT k.postal_bounds FROM term_keys k), f.postal_code) IS NOT NULL AS integer) END,
                 CASE WHEN (SELECT k.employee_bounds FROM term_keys k) IS NULL OR f.employee_count IS NULL THEN 0
                      ELSE 1 + 2 * width_bucket(f.employee_count, (SELECT k.employee_bounds FROM term_keys k))
                           + CAST(array_position((SELECT k.employee_bounds FROM term_keys k), f.employee_count) IS NOT NULL AS integer) END,
                 CASE WHEN (SELECT k.revenue_bounds FROM term_keys k) IS NULL OR f.annual_revenue IS NULL THEN 0
                      ELSE 1 + 2 * width_bucket(f.annual_revenue, (SELECT k.revenue_bounds FROM term_keys k))
                           + CAST(array_position((SELECT k.revenue_bounds FROM term_keys k), f.annual_revenue) IS NOT NULL AS integer) END] AS signature
    FROM facts f
    OFFSET 0
),
profiles AS MATERIALIZED (
    SELECT row_number() OVER () AS profile, array_agg(s.id) AS ids,
           any_value(s.country) AS country, any_value(s.region) AS region,
           any_value(s.industry) AS industry, any_value(s.tier) AS tier,
           any_value(s.postal_code) AS postal_code, any_value(s.employee_count) AS employee_count,
           any_value(s.annual_revenue) AS annual_revenue
    FROM signed s
    GROUP BY s.signature
),
profile_terms AS MATERIALIZED (
    SELECT p.profile, t.term FROM profiles p JOIN term_set t ON t.field = 'country' AND t.value = p.country
    UNION ALL
    SELECT p.profile, t.term FROM profiles p JOIN term_set t ON t.field = 'region' AND t.value = p.region
    UNION ALL
    SELECT p.profile, t.term FROM profiles p JOIN term_set t ON t.field = 'industry' AND t.value = p.industry
    UNION ALL
    SELECT p.profile, t.term FROM profiles p JOIN term_set t ON t.field = 'tier' AND t.value = p.tier
    UNION ALL
    SELECT p.profile, t.term FROM profiles p
    JOIN term_set t ON t.field = 'postalCode' AND t.op = 'startsWith' AND starts_with(p.postal_code, t.prefix)
    UNION ALL
    SELECT p.profile, t.term FROM profiles p
    JOIN term_set t ON t.field = 'postalCode' AND t.op = 'between' AND p.postal_code IS NOT NULL
         AND (t.from_code IS NULL OR p.postal_code >= t.from_code)
         AND (t.to_code IS NULL OR p.postal_code <= t.to_code)
    UNION ALL
    SELECT p.profile, t.term FROM profiles p
    JOIN term_set t ON t.field = 'employeeCount' AND p.employee_count IS NOT NULL
         AND (t.low IS NULL OR p.employee_count >= t.low) AND (t.high IS NULL OR p.employee_count <= t.high)
    UNION ALL
    SELECT p.profile, t.term FROM profiles p
    JOIN term_set t ON t.field = 'annualRevenue' AND p.annual_revenue IS NOT NULL
         AND (t.low IS NULL OR p.annual_revenue >= t.low) AND (t.high IS NULL OR p.annual_revenue <= t.high)
),
inherited_matches AS (
    SELECT h.profile, r.territory_id
    FROM (SELECT h.profile, u.rule_id, bit_or(1 << (u.bit - 1)) AS mask
          FROM profile_terms h JOIN term_uses u ON u.term = h.term AND u.inherited
          GROUP BY h.profile, u.rule_id) h
    JOIN rules r ON r.rule_id = h.rule_id
    WHERE substr(r.truth_table, h.mask + 1, 1) = '1'
),
open_gates AS MATERIALIZED (
    SELECT g.profile, u.id AS gate
    FROM (SELECT m.profile, array_agg(DISTINCT m.territory_id) AS ids FROM inherited_matches m
          GROUP BY m.profile) g
    CROSS JOIN LATERAL unnest(g.ids) AS u(id)
    JOIN places p ON p.territory_id = u.id
    WHERE p.chain <@ g.ids
),
gated_terms AS MATERIALIZED (
    SELECT h.profile, h.term, g.gate FROM profile_terms h JOIN open_gates g ON g.profile = h.profile
),
own_hits AS (
    SELECT h.profile, u.rule_id, u.bit FROM profile_terms h JOIN term_uses u ON u.term = h.term AND u.gate IS NULL
    UNION ALL
    SELECT h.profile, u.rule_id, u.bit FROM gated_terms h JOIN term_uses u ON u.term = h.term AND u.gate = h.gate
),
own_matches AS (
    SELECT h.profile, r.territory_id, (array_agg(r.rule_id ORDER BY r.position, r.rule_id))[1] AS rule_id
    FROM (SELECT h.profile, h.rule_id, bit_or(1 << (h.bit - 1)) AS mask FROM own_hits h
          GROUP BY h.profile, h.rule_id) h
    JOIN rules r ON r.rule_id = h.rule_id
    WHERE substr(r.truth_table, h.mask + 1, 1) = '1'
    GROUP BY h.profile, r.territory_id
),
candidates AS (
    SELECT o.profile, o.territory_id, o.rule_id,
           rank() OVER (PARTITION BY o.profile ORDER BY p.depth DESC, p.priority DESC) AS place
    FROM own_matches o JOIN places p ON p.territory_id = o.territory_id
),
profile_winners AS MATERIALIZED (
    SELECT c.profile,
           CASE WHEN count(*) = 1 THEN (array_agg(c.territory_id))[1] END AS territory_id,
           CASE WHEN count(*) = 1 THEN 'rule' ELSE 'tie' END AS cause,
           CASE WHEN count(*) = 1 THEN (array_agg(c.rule_id))[1] END AS rule_id,
           CASE WHEN count(*) > 1 THEN array_agg(c.territory_id ORDER BY c.territory_id) END AS tied
    FROM candidates c
    WHERE c.place = 1
    GROUP BY c.profile
),
winners AS (
    SELECT u.id AS account_id, w.territory_id, w.cause, w.rule_id, w.tied
    FROM profile_winners w JOIN profiles p ON p.profile = w.profile CROSS JOIN LATERAL unnest(p.ids) AS u(id)
),
stored AS (
    SELECT ta.account_id, ta.territory_id, ta.cause, ta.rule_id, ta.tied_territory_ids
    FROM territory_assignments ta
    WHERE ta.workspace_id = $1 AND ta.model_id = $2 AND ta.account_id >= $5 AND (CAST($6 AS uuid) IS NULL OR ta.account_id < CAST($6 AS uuid))
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
       (SELECT count(*) FROM diff d WHERE d.action = 'keep') AS manual;
