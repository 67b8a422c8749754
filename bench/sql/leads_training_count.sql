-- bench/leads_training.sh: the frequency table of a training job (PredictiveSql.COUNT). Generated:
-- PredictiveSqlBenchTest fails when it drifts from the code ($1 workspace, $2 window start, $3 held-out
-- percent, $4 model, $5 fields, $6 now).
INSERT INTO predictive_frequencies (workspace_id, model_id, field, value, won, lost)
SELECT $1, $4, f.field, f.value, count(*) FILTER (WHERE c.won), count(*) FILTER (WHERE NOT c.won)
FROM (SELECT l.*, coalesce(l.status = 'converted' AND s.is_won, false) AS won, ((get_byte(uuid_send(l.id), 14) * 256 + get_byte(uuid_send(l.id), 15)) % 100 < $3) AS held_out
FROM leads l
LEFT JOIN opportunities o ON o.workspace_id = l.workspace_id AND o.id = l.converted_opportunity_id
LEFT JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
WHERE l.workspace_id = $1 AND l.created_at >= $2
  AND (l.status = 'disqualified' OR (l.status = 'converted' AND s.is_closed))) c
CROSS JOIN LATERAL unnest(ARRAY['source', 'campaign', 'industry', 'country', 'region', 'budgetStatus', 'authority', 'timeline', 'employeeCount', 'annualRevenue', 'budgetAmount', 'visits', 'emailOpens', 'formFills', 'eventsAttended', 'daysSinceLastEngaged']::text[],
  ARRAY[coalesce(c.source, '(unknown)'),
    coalesce(c.campaign, '(none)'),
    coalesce(c.industry, '(unknown)'),
    coalesce(c.country, '(unknown)'),
    coalesce(c.region, '(unknown)'),
    coalesce(c.budget_status, '(unknown)'),
    coalesce(c.authority, '(unknown)'),
    coalesce(c.timeline, '(unknown)'),
    CASE WHEN c.employee_count IS NULL THEN '(unknown)' WHEN c.employee_count >= 5000 THEN '5000+' WHEN c.employee_count >= 1000 THEN '1000-4999' WHEN c.employee_count >= 200 THEN '200-999' WHEN c.employee_count >= 50 THEN '50-199' WHEN c.employee_count >= 10 THEN '10-49' ELSE '0-9' END,
    CASE WHEN c.annual_revenue IS NULL THEN '(unknown)' WHEN c.annual_revenue >= 1000000000 THEN '1B+' WHEN c.annual_revenue >= 100000000 THEN '100M-1B' WHEN c.annual_revenue >= 10000000 THEN '10M-100M' WHEN c.annual_revenue >= 1000000 THEN '1M-10M' ELSE '<1M' END,
    CASE WHEN c.budget_amount IS NULL THEN '(unknown)' WHEN c.budget_amount >= 1000000 THEN '1M+' WHEN c.budget_amount >= 250000 THEN '250k-1M' WHEN c.budget_amount >= 50000 THEN '50k-250k' WHEN c.budget_amount >= 10000 THEN '10k-50k' ELSE '<10k' END,
    CASE WHEN c.visits IS NULL THEN '(unknown)' WHEN c.visits >= 11 THEN '11+' WHEN c.visits >= 6 THEN '6-10' WHEN c.visits >= 3 THEN '3-5' WHEN c.visits >= 1 THEN '1-2' ELSE '0' END,
    CASE WHEN c.email_opens IS NULL THEN '(unknown)' WHEN c.email_opens >= 11 THEN '11+' WHEN c.email_opens >= 6 THEN '6-10' WHEN c.email_opens >= 3 THEN '3-5' WHEN c.email_opens >= 1 THEN '1-2' ELSE '0' END,
    CASE WHEN c.form_fills IS NULL THEN '(unknown)' WHEN c.form_fills >= 11 THEN '11+' WHEN c.form_fills >= 6 THEN '6-10' WHEN c.form_fills >= 3 THEN '3-5' WHEN c.form_fills >= 1 THEN '1-2' ELSE '0' END,
    CASE WHEN c.events_attended IS NULL THEN '(unknown)' WHEN c.events_attended >= 11 THEN '11+' WHEN c.events_attended >= 6 THEN '6-10' WHEN c.events_attended >= 3 THEN '3-5' WHEN c.events_attended >= 1 THEN '1-2' ELSE '0' END,
    CASE WHEN floor(extract(epoch FROM (coalesce(c.converted_at, CASE WHEN c.status = 'disqualified' THEN c.updated_at END, CAST($6 AS timestamptz)) - c.last_engaged_at)) / 86400) IS NULL THEN 'never' WHEN floor(extract(epoch FROM (coalesce(c.converted_at, CASE WHEN c.status = 'disqualified' THEN c.updated_at END, CAST($6 AS timestamptz)) - c.last_engaged_at)) / 86400) >= 91 THEN '91+' WHEN floor(extract(epoch FROM (coalesce(c.converted_at, CASE WHEN c.status = 'disqualified' THEN c.updated_at END, CAST($6 AS timestamptz)) - c.last_engaged_at)) / 86400) >= 31 THEN '31-90' WHEN floor(extract(epoch FROM (coalesce(c.converted_at, CASE WHEN c.status = 'disqualified' THEN c.updated_at END, CAST($6 AS timestamptz)) - c.last_engaged_at)) / 86400) >= 8 THEN '8-30' ELSE '0-7' END]::text[]) AS f(field, value)
WHERE NOT c.held_out AND f.field = ANY($5)
GROUP BY f.field, f.value
RETURNING field, value, won, lost;
