-- bench/funnel.sh: :opps opportunities of the pipeline 'New business' of workspace :ws with their stage histories,
-- built in SQL (psql variables: ws, opps, accounts). The demo seed's own deals are removed first: they have no
-- history. Deterministic: the same sizes give the same data.
--
-- Deal n: furthest open stage f in 1..5 (35/25/18/12/10 %), then open in stage f (35 %), lost from it (25 %) or
-- won (40 %); every 7th deal that goes past stage 2 skips it. History: the creation row into stage 1, one row per
-- later stage entered (7 days apart), a close row for closed deals, and two rows of other fields (amount, close
-- date), which the funnel must skip: about 5 rows per deal.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
BEGIN;
DELETE FROM opportunities WHERE workspace_id = :'ws';

SELECT array_agg(s.id ORDER BY s.position)::text AS stage_ids, p.id AS pipeline
FROM stages s JOIN pipelines p ON p.workspace_id = s.workspace_id AND p.id = s.pipeline_id
WHERE s.workspace_id = :'ws' AND p.name = 'New business' GROUP BY p.id \gset
SELECT array_agg(id ORDER BY id)::text AS user_ids FROM users WHERE workspace_id = :'ws' \gset

INSERT INTO accounts (workspace_id, id, name, industry, currency, region, tier, owner_id, created_at, updated_at)
SELECT :'ws', md5('bench-account-' || a)::uuid, 'Bench account ' || a,
       (ARRAY['Software', 'Manufacturing', 'Retail', 'Financial Services', 'Healthcare', 'Energy', 'Logistics',
              'Telecommunications', 'Education', 'Media'])[1 + a % 10],
       'USD', (ARRAY['EMEA', 'NA', 'APAC', 'LATAM'])[1 + (a / 10) % 4], (ARRAY['A', 'B', 'C'])[1 + a % 3],
       (:'user_ids'::uuid[])[1 + a % cardinality(:'user_ids'::uuid[])],
       timestamptz '2024-01-01 00:00Z', timestamptz '2024-01-01 00:00Z'
FROM generate_series(0, :accounts - 1) a;

CREATE TEMP TABLE bench_deals ON COMMIT DROP AS
SELECT g.*, (:'stage_ids'::uuid[])[CASE g.outcome WHEN 'open' THEN g.furthest WHEN 'won' THEN 6 ELSE 7 END] AS stage_id,
       CASE WHEN g.outcome <> 'open' THEN g.created_at + make_interval(days => 7 * g.furthest + g.n % 40) END
           AS closed_at
FROM (SELECT n, md5('bench-deal-' || n)::uuid AS id,
             CASE WHEN r1 < 35 THEN 1 WHEN r1 < 60 THEN 2 WHEN r1 < 78 THEN 3 WHEN r1 < 90 THEN 4 ELSE 5 END
                 AS furthest,
             CASE WHEN r2 < 35 THEN 'open' WHEN r2 < 60 THEN 'lost' ELSE 'won' END AS outcome,
             n % 7 = 0 AS skips_second,
             timestamptz '2024-01-01 00:00Z' + make_interval(days => n % 730, secs => n % 86400) AS created_at
      FROM (SELECT n, abs(hashtext('furthest' || n)) % 100 AS r1, abs(hashtext('outcome' || n)) % 100 AS r2
            FROM generate_series(0, :opps - 1) n) r) g;

INSERT INTO opportunities (workspace_id, id, name, account_id, owner_id, pipeline_id, stage_id, amount, currency,
                           close_date, source, competitor, created_at, updated_at, stage_entered_at, closed_at)
SELECT :'ws', d.id, 'Bench deal ' || d.n, md5('bench-account-' || (d.n % :accounts))::uuid,
       (:'user_ids'::uuid[])[1 + d.n % cardinality(:'user_ids'::uuid[])], :'pipeline', d.stage_id,
       1000 + (d.n * 37) % 99000, 'USD', (d.created_at + interval '90 days')::date,
       (ARRAY['web', 'trade-show', 'partner', 'campaign', 'outbound', 'referral'])[1 + d.n % 6],
       CASE WHEN d.outcome = 'lost' THEN (ARRAY['Initech', 'Globex', 'Hooli'])[1 + d.n % 3] END,
       d.created_at, coalesce(d.closed_at, d.created_at + make_interval(days => 7 * (d.furthest - 1))),
       coalesce(d.closed_at, d.created_at + make_interval(days => 7 * (d.furthest - 1))), d.closed_at
FROM bench_deals d;

-- the stages entered: the creation row, then one update per later open stage
INSERT INTO opportunity_history (workspace_id, opportunity_id, action, field, from_value, to_value, from_stage_id,
                                 to_stage_id, changed_at)
SELECT :'ws', d.id, CASE WHEN k = 1 THEN 'create' ELSE 'update' END, 'stage', prev::text, cur::text, prev, cur,
       d.created_at + make_interval(days => 7 * (k - 1))
FROM bench_deals d
CROSS JOIN LATERAL generate_series(1, d.furthest) k
CROSS JOIN LATERAL (SELECT (:'stage_ids'::uuid[])[k] AS cur,
                           CASE WHEN k = 1 THEN NULL
                                WHEN k = 3 AND d.skips_second THEN (:'stage_ids'::uuid[])[1]
                                ELSE (:'stage_ids'::uuid[])[k - 1] END AS prev) s
WHERE NOT (d.skips_second AND k = 2 AND d.furthest >= 3);

-- closing into the won or lost stage
INSERT INTO opportunity_history (workspace_id, opportunity_id, action, field, from_value, to_value, from_stage_id,
                                 to_stage_id, changed_at)
SELECT :'ws', d.id, 'close', 'stage', prev::text, d.stage_id::text, prev, d.stage_id, d.closed_at
FROM bench_deals d CROSS JOIN LATERAL (SELECT (:'stage_ids'::uuid[])[d.furthest] AS prev) s
WHERE d.outcome <> 'open';

-- other tracked fields, which share the table with the stage rows
INSERT INTO opportunity_history (workspace_id, opportunity_id, action, field, from_value, to_value, changed_at)
SELECT :'ws', d.id, 'update', f.field, '1', '2', d.created_at + make_interval(days => f.k)
FROM bench_deals d CROSS JOIN (VALUES (1, 'amount'), (2, 'closeDate')) f(k, field);
COMMIT;
-- a live table is vacuumed by autovacuum: set the visibility map, so index-only scans work as they would there
VACUUM ANALYZE;
