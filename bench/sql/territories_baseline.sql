-- bench/territories.sh: the hand-written baseline. Assigns every account of workspace $1 to the territories of model
-- $2 in one INSERT … SELECT into a scratch table (bench_baseline), written for the rule shape of
-- territories_data.sql only: every rule is one region/country/industry list, an employee band, or the Enterprise
-- overlay "employeeCount ≥ min OR annualRevenue ≥ min"; region, country and industry rules are inherited. So each
-- territory flattens to (region, country, industry, band/overlay) along its path, and accounts join it on equality
-- (hash joins), then the deepest match wins, then the highest priority (DISTINCT ON). No truth tables, no generic
-- criteria. Prepared as "baseline" by the script; the result is compared with the engine's.
WITH RECURSIVE rule AS (
    SELECT r.territory_id,
           max(lower(c.item -> 'values' ->> 0)) FILTER (WHERE c.item ->> 'field' = 'region') AS region,
           max(c.item -> 'values' ->> 0) FILTER (WHERE c.item ->> 'field' = 'country') AS country,
           (array_agg(c.item -> 'values') FILTER (WHERE c.item ->> 'field' = 'industry'))[1] AS industries,
           max((c.item ->> 'min')::numeric) FILTER (WHERE c.item ->> 'field' = 'employeeCount') AS emp_min,
           max((c.item ->> 'max')::numeric) FILTER (WHERE c.item ->> 'field' = 'employeeCount') AS emp_max,
           max((c.item ->> 'min')::numeric) FILTER (WHERE c.item ->> 'field' = 'annualRevenue') AS rev_min
    FROM territory_rules r CROSS JOIN LATERAL jsonb_array_elements(r.criteria) c(item)
    WHERE r.workspace_id = $1 AND r.model_id = $2
    GROUP BY r.territory_id
),
tree AS (
    SELECT t.id, t.priority, 1 AS depth, r.region, r.country, r.industries, r.emp_min, r.emp_max, r.rev_min,
           r.territory_id IS NOT NULL AS has_rule
    FROM territories t LEFT JOIN rule r ON r.territory_id = t.id
    WHERE t.workspace_id = $1 AND t.model_id = $2 AND t.parent_id IS NULL
    UNION ALL
    SELECT c.id, c.priority, p.depth + 1, coalesce(r.region, p.region), coalesce(r.country, p.country),
           coalesce(r.industries, p.industries), r.emp_min, r.emp_max, r.rev_min, r.territory_id IS NOT NULL
    FROM tree p
    JOIN territories c ON c.workspace_id = $1 AND c.model_id = $2 AND c.parent_id = p.id
    LEFT JOIN rule r ON r.territory_id = c.id
),
flat AS MATERIALIZED (
    SELECT t.id, t.depth, t.priority, t.region, t.country, lower(i.industry) AS industry, t.emp_min, t.emp_max, t.rev_min
    FROM tree t LEFT JOIN LATERAL jsonb_array_elements_text(t.industries) i(industry) ON true
    WHERE t.has_rule
),
matches AS (
    SELECT a.id AS account_id, f.id, f.depth, f.priority
    FROM accounts a JOIN flat f ON f.country IS NULL AND f.region = lower(a.region)
    WHERE a.workspace_id = $1
    UNION ALL
    SELECT a.id, f.id, f.depth, f.priority
    FROM accounts a JOIN flat f ON f.industry IS NULL AND f.country = a.country AND f.region = lower(a.region)
    WHERE a.workspace_id = $1
      AND (f.emp_min IS NULL OR a.employee_count >= f.emp_min OR a.annual_revenue >= f.rev_min)
    UNION ALL
    SELECT a.id, f.id, f.depth, f.priority
    FROM accounts a
    JOIN flat f ON f.industry = lower(a.industry) AND f.country = a.country AND f.region = lower(a.region)
    WHERE a.workspace_id = $1
      AND (f.emp_min IS NULL OR a.employee_count BETWEEN f.emp_min AND f.emp_max)
)
INSERT INTO bench_baseline (account_id, territory_id)
SELECT DISTINCT ON (m.account_id) m.account_id, m.id
FROM matches m
ORDER BY m.account_id, m.depth DESC, m.priority DESC;
