-- bench/territories.sh: :accounts accounts and two territory models of ~530 territories in workspace :ws, built in SQL
-- (psql variables: ws, accounts). The demo seed's territory models are removed first. Deterministic: the same size
-- gives the same data (hashtext of the account number).
--
-- Accounts: 31 countries in 4 regions, weighted by 89 slots of 90 (US 20, DE and GB 6, ... ; the 90th slot is empty:
-- about 1.1 % of accounts have neither country nor region); 16 industries (15 in five industry groups, "Nonprofit"
-- in none); employees log-normal, median 150 (exp(ln 150 + 1.7 z)), revenue 100–250k per employee; tier from size.
-- Another 1 % have no region and 1 % no industry. Accounts without region match no region rule: unassigned.
--
-- Model "Bench FY26" (active), 4 levels below Global, region/country/industry rules inherited:
--   Global → 4 regions (region in [R]) → 31 countries (country in [C]) → per country 5 industry groups
--   (industry in [3 industries]) and one Enterprise overlay (employeeCount ≥ 5000 OR annualRevenue ≥ 1e9,
--   priority 10) → per country × group 2 size bands (SMB: employeeCount 0–199, Mid: 200–4999).
--   1 + 4 + 31 + 155 + 31 + 310 = 532 territories, 531 rules. Large accounts: no band matches, the overlay beats the
--   industry group by priority; "Nonprofit" accounts stay at country level.
-- Model "Bench FY27 plan" (planning): the same codes, with three changes: EMEA's SMB band goes up to 249 employees
--   (Mid from 250); NA's Enterprise overlay from 2,000 employees or 4e8 revenue; APAC's Financial group merged into
--   Technology (its 18 territories dropped, Technology takes its industries): 514 territories. About 6.5 % of
--   accounts move.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
BEGIN;
DELETE FROM territory_models WHERE workspace_id = :'ws';
SELECT array_agg(id ORDER BY id)::text AS user_ids FROM users WHERE workspace_id = :'ws' \gset

CREATE TEMP TABLE bench_countries ON COMMIT DROP AS
SELECT * FROM (VALUES
    ('US', 'NA', 20), ('CA', 'NA', 4), ('MX', 'NA', 2),
    ('BR', 'LATAM', 3), ('AR', 'LATAM', 1), ('CL', 'LATAM', 1), ('CO', 'LATAM', 1),
    ('DE', 'EMEA', 6), ('GB', 'EMEA', 6), ('FR', 'EMEA', 5), ('NL', 'EMEA', 2), ('IT', 'EMEA', 3), ('ES', 'EMEA', 3),
    ('SE', 'EMEA', 1), ('CH', 'EMEA', 2), ('AT', 'EMEA', 1), ('BE', 'EMEA', 1), ('PL', 'EMEA', 1), ('DK', 'EMEA', 1),
    ('IE', 'EMEA', 1), ('NO', 'EMEA', 1), ('FI', 'EMEA', 1), ('ZA', 'EMEA', 1), ('AE', 'EMEA', 1), ('IL', 'EMEA', 1),
    ('JP', 'APAC', 5), ('AU', 'APAC', 3), ('SG', 'APAC', 2), ('IN', 'APAC', 4), ('CN', 'APAC', 3), ('KR', 'APAC', 2))
    AS c(code, region, weight);
CREATE TEMP TABLE bench_groups ON COMMIT DROP AS
SELECT * FROM (VALUES
    ('technology', 'Technology', ARRAY['Software', 'Telecommunications', 'Media']),
    ('industrial', 'Industrial', ARRAY['Manufacturing', 'Energy', 'Automotive']),
    ('financial', 'Financial', ARRAY['Banking', 'Insurance', 'Capital Markets']),
    ('public-health', 'Public & Health', ARRAY['Healthcare', 'Education', 'Government']),
    ('consumer', 'Consumer', ARRAY['Retail', 'Logistics', 'Hospitality'])) AS g(slug, name, industries);

-- one slot per weight unit (89): account n takes slot 1 + hash(n) mod 90, so slot 90 (no country) is empty
SELECT array_agg(code ORDER BY code, k)::text AS slot_country, array_agg(region ORDER BY code, k)::text AS slot_region
FROM bench_countries CROSS JOIN LATERAL generate_series(1, weight) k \gset
SELECT (SELECT array_agg(i ORDER BY slug, i) FROM bench_groups CROSS JOIN LATERAL unnest(industries) i)
           || ARRAY['Nonprofit'] AS industries_all \gset

INSERT INTO accounts (workspace_id, id, name, industry, employee_count, annual_revenue, currency, country, region,
                      postal_code, tier, owner_id, created_at, updated_at)
SELECT :'ws', md5('bench-account-' || n)::uuid, 'Bench account ' || n,
       CASE WHEN h.r_industry % 100 = 0 THEN NULL
            ELSE (:'industries_all'::text[])[1 + h.r_industry % 16] END,
       e.employees, e.employees::numeric * (100000 + h.r_revenue % 150000), 'USD',
       (:'slot_country'::text[])[1 + h.r_country % 90],
       CASE WHEN h.r_region % 100 = 0 THEN NULL ELSE (:'slot_region'::text[])[1 + h.r_country % 90] END,
       lpad((h.r_revenue % 100000)::text, 5, '0'),
       CASE WHEN e.employees >= 2000 THEN 'A' WHEN e.employees >= 200 THEN 'B' ELSE 'C' END,
       (:'user_ids'::uuid[])[1 + n % cardinality(:'user_ids'::uuid[])],
       timestamptz '2024-01-01 00:00Z', timestamptz '2024-01-01 00:00Z'
FROM generate_series(0, :accounts - 1) n
CROSS JOIN LATERAL (SELECT abs(hashtext('country' || n)) AS r_country, abs(hashtext('industry' || n)) AS r_industry,
                           abs(hashtext('region' || n)) AS r_region, abs(hashtext('revenue' || n)) AS r_revenue,
                           (abs(hashtext('u1-' || n)) % 1000000 + 1) / 1000001.0 AS u1,
                           (abs(hashtext('u2-' || n)) % 1000000) / 1000000.0 AS u2) h
CROSS JOIN LATERAL (SELECT greatest(1, round(exp(ln(150) + 1.7 * sqrt(-2 * ln(h.u1)) * cos(2 * pi() * h.u2))))::int
                               AS employees) e;

-- The map as rows: model (live / plan), code, parent code, name, type, priority, one rule (criteria, expression,
-- truth table, inherited) or none.
CREATE TEMP TABLE bench_map (model text, code text, parent text, name text, type text, priority int, criteria jsonb,
                             expression text, truth_table text, inherited boolean) ON COMMIT DROP;
INSERT INTO bench_map
SELECT m, 'global', NULL, 'Global', 'global', 0, NULL, NULL, NULL, NULL FROM unnest(ARRAY['live', 'plan']) m
UNION ALL
SELECT m, 'global/' || lower(r.region), 'global', r.region, 'region', 0,
       jsonb_build_array(jsonb_build_object('field', 'region', 'operator', 'in', 'values', jsonb_build_array(r.region))),
       '1', '01', true
FROM unnest(ARRAY['live', 'plan']) m CROSS JOIN (SELECT DISTINCT region FROM bench_countries) r
UNION ALL
SELECT m, 'global/' || lower(c.region) || '/' || lower(c.code), 'global/' || lower(c.region), c.code, 'country', 0,
       jsonb_build_array(jsonb_build_object('field', 'country', 'operator', 'in', 'values', jsonb_build_array(c.code))),
       '1', '01', true
FROM unnest(ARRAY['live', 'plan']) m CROSS JOIN bench_countries c
UNION ALL
SELECT m, 'global/' || lower(c.region) || '/' || lower(c.code) || '/' || g.slug, 'global/' || lower(c.region) || '/'
       || lower(c.code), c.code || ' ' || g.name, 'industry', 0,
       jsonb_build_array(jsonb_build_object('field', 'industry', 'operator', 'in', 'values',
           to_jsonb(CASE WHEN m = 'plan' AND c.region = 'APAC' AND g.slug = 'technology'
                         THEN g.industries || ARRAY['Banking', 'Insurance', 'Capital Markets'] ELSE g.industries END))),
       '1', '01', true
FROM unnest(ARRAY['live', 'plan']) m CROSS JOIN bench_countries c CROSS JOIN bench_groups g
WHERE NOT (m = 'plan' AND c.region = 'APAC' AND g.slug = 'financial')
UNION ALL
SELECT m, 'global/' || lower(c.region) || '/' || lower(c.code) || '/enterprise', 'global/' || lower(c.region) || '/'
       || lower(c.code), c.code || ' Enterprise', 'overlay', 10,
       jsonb_build_array(
           jsonb_build_object('field', 'employeeCount', 'operator', 'between',
                              'min', CASE WHEN m = 'plan' AND c.region = 'NA' THEN 2000 ELSE 5000 END),
           jsonb_build_object('field', 'annualRevenue', 'operator', 'between',
                              'min', CASE WHEN m = 'plan' AND c.region = 'NA' THEN 400000000 ELSE 1000000000 END)),
       '1 OR 2', '0111', false
FROM unnest(ARRAY['live', 'plan']) m CROSS JOIN bench_countries c
UNION ALL
SELECT m, 'global/' || lower(c.region) || '/' || lower(c.code) || '/' || g.slug || '/' || b.slug,
       'global/' || lower(c.region) || '/' || lower(c.code) || '/' || g.slug, c.code || ' ' || g.name || ' ' || b.name,
       'band', 0,
       jsonb_build_array(jsonb_build_object('field', 'employeeCount', 'operator', 'between',
           'min', CASE WHEN b.slug = 'mid' THEN CASE WHEN m = 'plan' AND c.region = 'EMEA' THEN 250 ELSE 200 END
                       ELSE 0 END,
           'max', CASE WHEN b.slug = 'smb' THEN CASE WHEN m = 'plan' AND c.region = 'EMEA' THEN 249 ELSE 199 END
                       ELSE 4999 END)),
       '1', '01', false
FROM unnest(ARRAY['live', 'plan']) m CROSS JOIN bench_countries c CROSS JOIN bench_groups g
CROSS JOIN (VALUES ('smb', 'SMB'), ('mid', 'Mid-market')) b(slug, name)
WHERE NOT (m = 'plan' AND c.region = 'APAC' AND g.slug = 'financial');

INSERT INTO territory_models (workspace_id, id, name, description, state, cloned_from_id, activated_at, created_at,
                              updated_at)
VALUES (:'ws', md5('bench-model-live')::uuid, 'Bench FY26', 'bench/territories.sh', 'active', NULL,
        timestamptz '2025-01-01 00:00Z', now(), now()),
       (:'ws', md5('bench-model-plan')::uuid, 'Bench FY27 plan', 'bench/territories.sh', 'planning',
        md5('bench-model-live')::uuid, NULL, now(), now());

INSERT INTO territories (workspace_id, id, model_id, parent_id, name, code, type, owner_id, priority, created_at,
                         updated_at)
SELECT :'ws', md5(m.model || '/' || m.code)::uuid, md5('bench-model-' || m.model)::uuid,
       CASE WHEN m.parent IS NOT NULL THEN md5(m.model || '/' || m.parent)::uuid END, m.name, m.code, m.type,
       (:'user_ids'::uuid[])[1 + abs(hashtext(m.code)) % cardinality(:'user_ids'::uuid[])], m.priority, now(), now()
FROM bench_map m;

INSERT INTO territory_rules (workspace_id, id, model_id, territory_id, name, position, criteria, expression,
                             truth_table, inherited, created_at, updated_at)
SELECT :'ws', md5('rule/' || m.model || '/' || m.code)::uuid, md5('bench-model-' || m.model)::uuid,
       md5(m.model || '/' || m.code)::uuid, m.name || ' rule', 0, m.criteria, m.expression, m.truth_table, m.inherited,
       now(), now()
FROM bench_map m WHERE m.criteria IS NOT NULL;
COMMIT;
VACUUM ANALYZE accounts;
VACUUM ANALYZE territories;
VACUUM ANALYZE territory_rules;
