-- The naive aggregate beside the API's roll-up of a manager's subtree ($4) for a quarter: as forecast_naive.sql, the
-- owners narrowed by a recursive walk of the reporting tree.
SELECT CASE WHEN s.is_won THEN 'Closed' WHEN s.is_closed THEN 'Omitted'
            ELSE coalesce(o.forecast_category_override, s.forecast_category) END AS category,
       count(*), sum(o.amount), sum(o.amount * coalesce(o.probability_override, s.probability) / 100)
FROM opportunities o JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
WHERE o.workspace_id = $1 AND o.close_date >= $2 AND o.close_date < $3
  AND o.owner_id IN (WITH RECURSIVE team(id) AS (
        SELECT id FROM users WHERE workspace_id = $1 AND id = $4
        UNION SELECT u.id FROM users u JOIN team t ON u.manager_id = t.id WHERE u.workspace_id = $1)
      SELECT id FROM team)
GROUP BY 1;
