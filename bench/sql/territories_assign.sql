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
    FROM (SELECT id, country, region, industry, tier, postal_code, employee_count, annual_revenue FROM accounts WHERE workspace_id = $1 AND id >= $5 AND (CAST($6 AS uuid) IS NULL OR id < CAST($6 AS uuid))) a
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
    WHERE ta.workspace_id = $1 AND ta.model_id = $2 AND ta.account_id >= $5 AND (CAST($6 AS uuid) IS NULL OR ta.account_id < CAST($6 AS uuid)) AND (ta.cause <> 'manual' OR $4)
      AND NOT EXISTS (SELECT 1 FROM winners w WHERE w.account_id = ta.account_id)
    RETURNING ta.account_id
)
SELECT (SELECT count(*) FROM chunk) AS accounts,
       (SELECT count(*) FROM winners WHERE cause = 'rule') AS matched,
       (SELECT count(*) FROM winners WHERE cause = 'tie') AS ties,
       (SELECT count(*) FROM written) + (SELECT count(*) FROM removed) AS changed,
       CASE WHEN $4 THEN 0 ELSE (SELECT count(*) FROM territory_assignments ta
                                 WHERE ta.workspace_id = $1 AND ta.model_id = $2 AND ta.account_id >= $5 AND (CAST($6 AS uuid) IS NULL OR ta.account_id < CAST($6 AS uuid))
                                   AND ta.cause = 'manual') END AS manual;
