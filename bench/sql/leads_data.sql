-- bench/leads.sh: :leads leads in workspace :ws, built in SQL (psql variables: ws, leads). Deterministic: the same
-- size gives the same data (hashtext of the lead number); "now" is fixed at 2026-11-23 so recency criteria see the
-- same engagement in every run.
--
-- Leads: 10 industries (the demo's), employees skewed small (40 % under 50, 10 % 1,000 or more), 12 countries in 3
-- regions, the 6 channels, BANT fields each unknown in about a quarter of leads, engagement counters, last engagement
-- in the last 120 days (20 % never), owners spread over the workspace's users with 30 % unowned. Status: 80 % open
-- (new, working, nurturing, qualified), 12 % disqualified, 8 % converted: publishing re-scores the open 80 %.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
BEGIN;
SELECT array_agg(id ORDER BY id)::text AS user_ids FROM users WHERE workspace_id = :'ws' \gset

INSERT INTO leads (workspace_id, id, first_name, last_name, email, title, company, company_domain, industry,
                   employee_count, annual_revenue, currency, country, region, source, campaign, budget_amount,
                   budget_status, authority, need, timeline, visits, email_opens, form_fills, events_attended,
                   last_engaged_at, status, disqualified_reason, owner_id, converted_at, created_at, updated_at)
SELECT :'ws', md5('bench-lead-' || n)::uuid, 'Pat', 'Lead ' || n, 'lead' || n || '@bench.example',
       (ARRAY['CTO', 'Head of Sales', 'Analyst', 'Operations Manager', 'CFO', 'Engineer'])[1 + h.a % 6],
       'Company ' || (n % 200000), 'company' || (n % 200000) || '.example',
       (ARRAY['Software', 'Manufacturing', 'Retail', 'Financial Services', 'Healthcare', 'Energy', 'Logistics',
              'Telecommunications', 'Education', 'Media'])[1 + h.b % 10],
       e.employees, e.employees * 150000::numeric, 'USD',
       (ARRAY['US', 'US', 'CA', 'DE', 'GB', 'FR', 'NL', 'JP', 'AU', 'SG', 'IN', 'BR'])[1 + h.c % 12],
       (ARRAY['NA', 'NA', 'NA', 'EMEA', 'EMEA', 'EMEA', 'EMEA', 'APAC', 'APAC', 'APAC', 'APAC', 'NA'])[1 + h.c % 12],
       (ARRAY['web-form', 'trade-show', 'partner-referral', 'campaign', 'outbound', 'other'])[1 + h.d % 6],
       CASE WHEN h.d % 6 = 3 THEN 'Campaign ' || (h.e % 20) END,
       CASE WHEN h.e % 4 = 0 THEN NULL ELSE (h.e % 500) * 1000 END,
       (ARRAY['none', 'indicative', 'approved', NULL])[1 + h.f % 4],
       (ARRAY['user', 'influencer', 'decision-maker', 'economic-buyer', NULL])[1 + h.a % 5],
       CASE WHEN h.b % 5 < 2 THEN 'Replace spreadsheets' END,
       (ARRAY['now', 'this-quarter', 'next-quarter', 'this-year', 'later', NULL])[1 + h.f % 6],
       h.a % 30, h.b % 20, h.c % 4, h.d % 3,
       CASE WHEN h.e % 5 = 0 THEN NULL
            ELSE timestamptz '2026-11-23 00:00Z' - make_interval(days => h.e % 120, secs => h.f % 86400) END,
       s.status, CASE WHEN s.status = 'disqualified' THEN 'No fit' END,
       CASE WHEN h.g % 10 < 3 THEN NULL
            ELSE (:'user_ids'::uuid[])[1 + h.g % cardinality(:'user_ids'::uuid[])] END,
       CASE WHEN s.status = 'converted' THEN timestamptz '2026-11-01 00:00Z' END,
       timestamptz '2026-11-23 00:00Z' - make_interval(days => h.g % 365),
       timestamptz '2026-11-23 00:00Z' - make_interval(days => h.g % 30)
FROM generate_series(1, :leads) n
CROSS JOIN LATERAL (SELECT hashtext('a' || n) & 2147483647 AS a, hashtext('b' || n) & 2147483647 AS b,
                           hashtext('c' || n) & 2147483647 AS c, hashtext('d' || n) & 2147483647 AS d,
                           hashtext('e' || n) & 2147483647 AS e, hashtext('f' || n) & 2147483647 AS f,
                           hashtext('g' || n) & 2147483647 AS g) h
CROSS JOIN LATERAL (SELECT CASE WHEN h.b % 100 < 40 THEN 1 + h.c % 49
                                WHEN h.b % 100 < 90 THEN 50 + h.c % 950
                                ELSE 1000 + h.c % 20000 END AS employees) e
CROSS JOIN LATERAL (SELECT CASE WHEN h.g % 100 < 80 THEN (ARRAY['new', 'working', 'nurturing', 'qualified'])[1 + h.a % 4]
                                WHEN h.g % 100 < 92 THEN 'disqualified' ELSE 'converted' END AS status) s;
COMMIT;
VACUUM ANALYZE leads;
