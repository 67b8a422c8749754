-- GET /api/v1/analytics/funnel?pipelineId=…&from=…&to=…&managerId=…&account.region=… as an admin key
-- sends it. Parameters: $1 workspace, $2 pipeline, $3 from, $4 to (timestamptz, UTC midnight),
-- $5 workspace, $6 manager, $7 workspace, $8 regions (text[]). Kept in step by AnalyticsQueriesTest.
WITH steps AS (
    SELECT s.workspace_id, s.id, s.name, row_number() OVER (ORDER BY s.position, s.id)::int AS step
    FROM stages s
    WHERE s.workspace_id = $1 AND s.pipeline_id = $2 AND NOT s.is_closed),
cohort AS (
    SELECT o.workspace_id, o.id, o.stage_id, o.amount, cs.is_closed, cs.is_won,
           CASE WHEN cs.is_won THEN floor(extract(epoch FROM o.closed_at - o.created_at) / 86400)::int
           END AS cycle_days
    FROM opportunities o
    JOIN stages cs ON cs.workspace_id = o.workspace_id AND cs.id = o.stage_id
    WHERE o.workspace_id = $1 AND o.pipeline_id = $2 AND o.created_at >= $3 AND o.created_at < $4 AND o.owner_id IN (WITH RECURSIVE team(id) AS (
    SELECT id FROM users WHERE workspace_id = $5 AND id = $6
    UNION
    SELECT u.id FROM users u JOIN team t ON u.manager_id = t.id WHERE u.workspace_id = $7)
 SELECT id FROM team) AND EXISTS (SELECT 1 FROM accounts fa WHERE fa.workspace_id = o.workspace_id AND fa.id = o.account_id AND fa.region = ANY($8))),
entered AS (
    SELECT c.id, max(st.step) AS step
    FROM cohort c
    JOIN opportunity_history h ON h.workspace_id = c.workspace_id AND h.opportunity_id = c.id
                              AND h.field = 'stage'
    JOIN steps st ON st.workspace_id = h.workspace_id AND st.id = h.to_stage_id
    WHERE NOT c.is_won
    GROUP BY c.id),
buckets AS (
    SELECT CASE WHEN c.is_won THEN 2147483647 ELSE greatest(e.step, cur.step, 0) END AS furthest,
           cur.step AS current_step, c.is_closed, c.is_won, count(*) AS deals, sum(c.amount) AS amount,
           count(c.cycle_days) AS cycle_deals, sum(c.cycle_days) AS cycle_days
    FROM cohort c
    LEFT JOIN entered e ON e.id = c.id
    LEFT JOIN steps cur ON cur.workspace_id = c.workspace_id AND cur.id = c.stage_id
    GROUP BY 1, 2, 3, 4),
totals AS (
    SELECT EXISTS (SELECT 1 FROM pipelines p WHERE p.workspace_id = $1 AND p.id = $2) AS pipeline_found,
           coalesce(sum(b.deals), 0)::int AS deals,
           coalesce(sum(b.deals) FILTER (WHERE NOT b.is_closed), 0)::int AS open_deals,
           coalesce(sum(b.deals) FILTER (WHERE b.is_won), 0)::int AS won_deals,
           coalesce(sum(b.deals) FILTER (WHERE b.is_closed AND NOT b.is_won), 0)::int AS lost_deals,
           sum(b.amount) FILTER (WHERE b.is_won) AS won_amount,
           coalesce(sum(b.cycle_deals), 0)::bigint AS cycle_deals,
           coalesce(sum(b.cycle_days), 0)::bigint AS cycle_days_sum,
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY c.cycle_days) FROM cohort c
            WHERE c.is_won) AS median_cycle_days
    FROM buckets b)
SELECT st.step, st.id AS stage_id, st.name,
       (SELECT coalesce(sum(b.deals), 0) FROM buckets b WHERE b.furthest >= st.step)::int AS reached,
       (SELECT coalesce(sum(b.deals), 0) FROM buckets b WHERE b.current_step = st.step)::int
           AS current_count,
       (SELECT coalesce(sum(b.amount), 0) FROM buckets b WHERE b.current_step = st.step)
           AS current_amount,
       t.*
FROM totals t
LEFT JOIN steps st ON TRUE
ORDER BY st.step;
