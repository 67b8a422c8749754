-- The floor beside /q/health/live in bench/forecast.sh: a statement that reads nothing, so the row shows what each
-- harness (curl per request or a kept-open connection; psql's session) costs by itself.
SELECT 1 WHERE $1::uuid IS NOT NULL;
