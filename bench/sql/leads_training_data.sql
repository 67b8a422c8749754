-- bench/leads_training.sh: :closed closed leads (won or lost) and :open open leads in workspace :ws, built in SQL
-- (psql variables: ws, closed, open). Deterministic: the same sizes give the same data (hashtext of the lead number).
--
-- Leads are spread over the last 700 days; channel, campaign, industry (10), country (13, with their regions), size
-- (log-normal, median 200 employees), revenue, BANT and engagement are drawn per lead. A closed lead is won with
-- probability 1 / (1 + e^-logit), logit = -1.2 + channel + authority + budget + timeline effects (the demo's shape,
-- see DemoLeadGenerator): won leads are converted with a deal closed won; lost ones are converted with a deal closed
-- lost (40 %) or disqualified (60 %). Deals live in the demo's "New business" pipeline, on one account.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
BEGIN;
SELECT id AS owner FROM users WHERE workspace_id = :'ws' AND role = 'rep' ORDER BY id LIMIT 1 \gset
SELECT id AS account FROM accounts WHERE workspace_id = :'ws' ORDER BY id LIMIT 1 \gset
SELECT p.id AS pipeline,
       (SELECT id FROM stages s WHERE s.workspace_id = p.workspace_id AND s.pipeline_id = p.id AND s.is_won) AS won_stage,
       (SELECT id FROM stages s WHERE s.workspace_id = p.workspace_id AND s.pipeline_id = p.id AND s.is_closed
            AND NOT s.is_won) AS lost_stage
FROM pipelines p WHERE p.workspace_id = :'ws' AND p.name = 'New business' \gset

-- u(key): a uniform draw in [0, 1) from the key
CREATE FUNCTION pg_temp.u(key text) RETURNS double precision LANGUAGE sql IMMUTABLE
    AS $$ SELECT (hashtext(key)::bigint + 2147483648) / 4294967296.0 $$;

CREATE TEMP TABLE bench_leads ON COMMIT DROP AS
SELECT x.*,
       x.g <= :closed AS closed,
       pg_temp.u('w' || x.g) < 1 / (1 + exp(-(-1.2
           + CASE x.source WHEN 'partner-referral' THEN 1.4 WHEN 'trade-show' THEN 0.4 WHEN 'web-form' THEN 0.2
                           WHEN 'campaign' THEN -0.2 WHEN 'outbound' THEN -0.9 ELSE -0.4 END
           + CASE x.authority WHEN 'economic-buyer' THEN 1.0 WHEN 'decision-maker' THEN 0.8 WHEN 'influencer' THEN 0
                              WHEN 'user' THEN -0.8 ELSE -0.4 END
           + CASE x.budget_status WHEN 'approved' THEN 0.8 WHEN 'indicative' THEN 0.2 WHEN 'none' THEN -1.0 ELSE -0.2 END
           + CASE x.timeline WHEN 'now' THEN 0.6 WHEN 'this-quarter' THEN 0.4 WHEN 'next-quarter' THEN 0
                             WHEN 'this-year' THEN -0.3 WHEN 'later' THEN -0.9 ELSE -0.2 END))) AS won,
       pg_temp.u('c' || x.g) < 0.4 AS lost_as_deal
FROM (
    SELECT g, md5('bench-lead-' || g)::uuid AS id,
           CASE WHEN r.s < 0.30 THEN 'web-form' WHEN r.s < 0.52 THEN 'campaign' WHEN r.s < 0.66 THEN 'trade-show'
                WHEN r.s < 0.76 THEN 'partner-referral' WHEN r.s < 0.95 THEN 'outbound' ELSE 'other' END AS source,
           CASE WHEN r.a < 0.25 THEN 'user' WHEN r.a < 0.55 THEN 'influencer' WHEN r.a < 0.77 THEN 'decision-maker'
                WHEN r.a < 0.87 THEN 'economic-buyer' END AS authority,
           CASE WHEN r.b < 0.25 THEN 'none' WHEN r.b < 0.60 THEN 'indicative' WHEN r.b < 0.80 THEN 'approved'
                END AS budget_status,
           CASE WHEN r.t < 0.10 THEN 'now' WHEN r.t < 0.30 THEN 'this-quarter' WHEN r.t < 0.50 THEN 'next-quarter'
                WHEN r.t < 0.70 THEN 'this-year' WHEN r.t < 0.85 THEN 'later' END AS timeline,
           (ARRAY['Software', 'Manufacturing', 'Retail', 'Financial Services', 'Healthcare', 'Energy', 'Logistics',
                  'Telecommunications', 'Education', 'Media'])[1 + floor(r.i * 10)::int] AS industry,
           (ARRAY['DE', 'DE', 'FR', 'GB', 'NL', 'US', 'US', 'US', 'CA', 'JP', 'AU', 'SG', 'BR'])[1 + floor(r.c * 13)::int]
               AS country,
           (ARRAY['EMEA', 'EMEA', 'EMEA', 'EMEA', 'EMEA', 'NA', 'NA', 'NA', 'NA', 'APAC', 'APAC', 'APAC', 'LATAM'])
               [1 + floor(r.c * 13)::int] AS region,
           round(exp(ln(200) + 1.4 * sqrt(-2 * ln(1 - r.e)) * cos(2 * pi() * r.e2)))::int AS employees,
           r.s2, r.v, r.d, r.k
    FROM generate_series(1, :closed + :open) g
    CROSS JOIN LATERAL (SELECT pg_temp.u('s' || g) s, pg_temp.u('a' || g) a, pg_temp.u('b' || g) b,
                               pg_temp.u('t' || g) t, pg_temp.u('i' || g) i, pg_temp.u('k' || g) c,
                               pg_temp.u('e' || g) e, pg_temp.u('f' || g) e2, pg_temp.u('x' || g) s2,
                               pg_temp.u('v' || g) v, pg_temp.u('d' || g) d, pg_temp.u('y' || g) k) r) x;

INSERT INTO opportunities (workspace_id, id, name, account_id, owner_id, pipeline_id, stage_id, amount, currency,
                           close_date, source, created_at, updated_at, stage_entered_at, closed_at)
SELECT :'ws', md5('bench-deal-' || b.g)::uuid, 'Bench lead deal ' || b.g, :'account', :'owner', :'pipeline',
       CASE WHEN b.won THEN CAST(:'won_stage' AS uuid) ELSE CAST(:'lost_stage' AS uuid) END,
       1000 + (b.g % 50) * 500, 'USD', (now() - interval '1 day' * floor(b.d * 650))::date, b.source,
       now() - interval '1 day' * floor(b.d * 650 + 40), now(), now(), now() - interval '1 day' * floor(b.d * 650)
FROM bench_leads b
WHERE b.closed AND (b.won OR b.lost_as_deal);

INSERT INTO leads (workspace_id, id, last_name, company, currency, source, campaign, industry, employee_count,
                   annual_revenue, country, region, budget_amount, budget_status, authority, timeline, visits,
                   email_opens, form_fills, events_attended, last_engaged_at, status, disqualified_reason, owner_id,
                   converted_at, converted_account_id, converted_opportunity_id, created_at, updated_at)
SELECT :'ws', b.id, 'Bench ' || b.g, 'Bench company ' || (b.g % 50000), 'USD', b.source,
       CASE b.source WHEN 'campaign' THEN 'Campaign ' || (1 + floor(b.s2 * 8)::int)
                     WHEN 'trade-show' THEN 'Show ' || (1 + floor(b.s2 * 5)::int) END,
       b.industry, b.employees, b.employees * (100000 + floor(b.s2 * 150000)), b.country, b.region,
       CASE WHEN b.budget_status IN ('indicative', 'approved') THEN 5000 + floor(b.k * 200000) END,
       b.budget_status, b.authority, b.timeline, floor(b.v * 15)::int, floor(b.v * 37)::int % 20,
       floor(b.k * 4)::int, CASE WHEN b.source = 'trade-show' THEN 1 ELSE floor(b.s2 * 1.2)::int END,
       CASE WHEN b.k < 0.1 THEN NULL ELSE now() - interval '1 day' * (floor(b.d * 650) + 50 - floor(b.v * 10)) END,
       CASE WHEN NOT b.closed THEN (ARRAY['new', 'working', 'nurturing', 'qualified'])[1 + floor(b.v * 4)::int]
            WHEN b.won OR b.lost_as_deal THEN 'converted' ELSE 'disqualified' END,
       CASE WHEN b.closed AND NOT b.won AND NOT b.lost_as_deal THEN 'No budget' END,
       :'owner',
       CASE WHEN b.closed AND (b.won OR b.lost_as_deal) THEN now() - interval '1 day' * floor(b.d * 650 + 40) END,
       CASE WHEN b.closed AND (b.won OR b.lost_as_deal) THEN CAST(:'account' AS uuid) END,
       CASE WHEN b.closed AND (b.won OR b.lost_as_deal) THEN md5('bench-deal-' || b.g)::uuid END,
       now() - interval '1 day' * (floor(b.d * 650) + 50), now() - interval '1 day' * floor(b.d * 650)
FROM bench_leads b;
COMMIT;
VACUUM ANALYZE leads;
VACUUM ANALYZE opportunities;
