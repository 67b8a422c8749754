-- bench/forecast.sh, before funnel_data.sql: a sales organisation of five vice presidents, :managers managers under
-- them and :reps reps under the managers (deterministic ids), so deals spread over ~500 owners; after it, one deal in ten moved to EUR with a daily EUR rate
-- (the roll-up converts those at the rate of their close date) and a quota for every user in the benchmark quarter.
\set ON_ERROR_STOP on
\if :{?after}
BEGIN;
UPDATE opportunities SET currency = 'EUR' WHERE workspace_id = :'ws' AND abs(hashtext(id::text)) % 10 = 0;
INSERT INTO exchange_rates (workspace_id, id, currency, effective_date, rate, created_at, updated_at)
SELECT :'ws', md5('bench-rate-' || d)::uuid, 'EUR', d::date, 1.05 + 0.05 * sin(extract(doy FROM d) / 58.0),
       now(), now()
FROM generate_series(date '2023-12-01', date '2026-12-31', interval '1 day') d;
INSERT INTO quotas (workspace_id, id, period_id, period_kind, period_start, period_end, user_id, amount, created_at,
                    updated_at)
SELECT :'ws', md5('bench-quota-' || u.id)::uuid, :'period', 'quarter', :'period_start', :'period_end', u.id,
       CASE u.role WHEN 'rep' THEN 250000 + abs(hashtext(u.id::text)) % 100000 END, now(), now()
FROM users u WHERE u.workspace_id = :'ws' AND u.role = 'rep';
COMMIT;
VACUUM ANALYZE;
\else
BEGIN;
INSERT INTO users (workspace_id, id, name, email, role, manager_id, created_at, updated_at)
SELECT :'ws', md5('bench-vp-' || v)::uuid, 'Bench VP ' || v, 'bench-vp-' || v || '@example.com', 'manager', NULL,
       now(), now()
FROM generate_series(0, 4) v;
INSERT INTO users (workspace_id, id, name, email, role, manager_id, created_at, updated_at)
SELECT :'ws', md5('bench-manager-' || m)::uuid, 'Bench manager ' || m, 'bench-manager-' || m || '@example.com',
       'manager', md5('bench-vp-' || (m % 5))::uuid, now(), now()
FROM generate_series(0, :managers - 1) m;
INSERT INTO users (workspace_id, id, name, email, role, manager_id, created_at, updated_at)
SELECT :'ws', md5('bench-rep-' || r)::uuid, 'Bench rep ' || r, 'bench-rep-' || r || '@example.com', 'rep',
       md5('bench-manager-' || (r % :managers))::uuid, now(), now()
FROM generate_series(0, :reps - 1) r;
COMMIT;
\endif
