-- The naive aggregate beside the API's roll-up of the whole workspace for a quarter: per forecast category, count,
-- amount and weighted amount straight from the deals ($1 workspace, [$2, $3) close dates). No currency conversion,
-- no quotas, no adjustments, no hierarchy: the least a roll-up has to read.
SELECT CASE WHEN s.is_won THEN 'Closed' WHEN s.is_closed THEN 'Omitted'
            ELSE coalesce(o.forecast_category_override, s.forecast_category) END AS category,
       count(*), sum(o.amount), sum(o.amount * coalesce(o.probability_override, s.probability) / 100)
FROM opportunities o JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
WHERE o.workspace_id = $1 AND o.close_date >= $2 AND o.close_date < $3
GROUP BY 1;
