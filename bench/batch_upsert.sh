#!/usr/bin/env bash
# make bench-batch: batch upsert of BENCH_LEADS lead records (default 1M) in requests of BENCH_BATCH (10,000) through
# POST /api/v1/leads/batch/upsert, half new keys and half updates of pre-seeded leads, beside, in the same run and on
# the same database: COPY of the same rows into an empty copy of the leads table, and the raw statement (the API's
# INSERT … SELECT FROM unnest(arrays) ON CONFLICT … DO UPDATE … WHERE distinct) run from psql per batch over the same
# rows, its arrays built in SQL from a staging table. Goal (issue 7): API ≥ 0.3× COPY and ≥ 0.7× the raw SQL.
# By default (BENCH_SIDE_EFFECTS=off) the demo's published scoring model, active predictive model and active territory
# model are retired/archived in SQL first, so that the API does what the raw statement does; with
# BENCH_SIDE_EFFECTS=on each request also matches territories, scores and predicts over its written leads.
# Results: bench/results/<date>-<host>-batch.md.
set -euo pipefail
cd "$(dirname "$0")/.."

LEADS=${BENCH_LEADS:-1000000}
BATCH=${BENCH_BATCH:-10000}
PORT=${BENCH_HTTP_PORT:-18087}
DB_PORT=${BENCH_DB_PORT:-55439}
WORK=bench/work-batch
DATA=$WORK/data
source bench/lib.sh
require_psql_and_build

rm -rf "$WORK" && mkdir -p "$DATA"
echo "Generating $LEADS records in requests of $BATCH..."
COLUMNS=$(python3 bench/batch_upsert_data.py "$LEADS" "$BATCH" "$WORK")
REQUESTS=$(( LEADS / BATCH ))
HALF=$(( LEADS / 2 ))
echo "Starting the API on :$PORT (embedded PostgreSQL on :$DB_PORT)..."
start_api
API=http://localhost:$PORT/api/v1
WS=$(value "SELECT id FROM workspaces LIMIT 1")
SIDE_EFFECTS=${BENCH_SIDE_EFFECTS:-off}
if [ "$SIDE_EFFECTS" = off ]; then
  # the demo trains its predictive model in a job after the seed: let it finish, then retire what it made
  for _ in $(seq 1 180); do
    [ "$(value "SELECT count(*) FROM jobs WHERE state IN ('queued', 'running')")" = 0 ] && break
    sleep 1
  done
  value "UPDATE scoring_models SET state = 'retired' WHERE state = 'published';
         UPDATE predictive_models SET state = 'retired', retired_at = now() WHERE state = 'active';
         UPDATE territory_models SET state = 'archived' WHERE state = 'active'" > /dev/null
fi

# the same pre-seeded half in leads (for the API) and in leads_raw (for the raw SQL); leads_copy empty (for COPY)
seed() {  # $1 table
  value "INSERT INTO $1 (workspace_id, id, last_name, email, title, company, industry, employee_count, currency,
           country, source, visits, external_source, external_id, created_at, updated_at)
         SELECT '$WS', gen_random_uuid(), 'Lead ' || k, 'lead' || k || '@bench.example', 'Old',
                'Company ' || (k % 20000), (ARRAY['Software','Manufacturing','Retail','Healthcare','Energy'])[1 + k % 5],
                k % 5000, 'USD', (ARRAY['US','CA','DE','GB','FR','NL','JP','AU'])[1 + k % 8], 'web-form', k % 7,
                'bench', 'U' || k, now(), now()
         FROM generate_series(0, $HALF - 1) k" > /dev/null
}
value "CREATE TABLE leads_raw (LIKE leads INCLUDING ALL)" > /dev/null
# LIKE copies no triggers: give leads_raw the change-feed (V13) and audit (V22) triggers leads has, so that the raw
# statement pays for the change log and the audit log as the API's does; COPY's table stays bare (a floor, not a peer)
value "SET client_min_messages = warning; SELECT changes_install('leads_raw', 'lead');
       SELECT audit_install('leads_raw', 'lead', 'workspace_id', 'id')" > /dev/null
value "CREATE TABLE leads_copy (LIKE leads INCLUDING ALL)" > /dev/null
value "ALTER TABLE leads_copy ALTER workspace_id SET DEFAULT '$WS', ALTER created_at SET DEFAULT now(),
       ALTER updated_at SET DEFAULT now()" > /dev/null
seed leads
seed leads_raw
"${PSQL[@]}" -c "VACUUM ANALYZE leads" -c "VACUUM ANALYZE leads_raw" > /dev/null

echo "API: $REQUESTS requests..."
: > "$WORK/api.times"
for body in "$WORK"/bodies/*.json; do
  curl -fsS -o "$WORK/answer.json" -w '%{time_total}\n' -H "Authorization: Bearer $KEY" \
    -H 'Content-Type: application/json' --data-binary "@$body" "$API/leads/batch/upsert" >> "$WORK/api.times"
  grep -q '"error":0' "$WORK/answer.json" || { echo "errors in $body"; head -c 600 "$WORK/answer.json"; exit 1; }
done
API_S=$(awk '{s += $1} END {printf "%.1f", s}' "$WORK/api.times")
API_CHECK=$(value "SELECT count(*) FILTER (WHERE title = 'New') || ' of ' || count(*) FROM leads
                   WHERE workspace_id = '$WS' AND external_source = 'bench'")

echo "COPY of the same rows..."
printf '\\timing on\n\\copy leads_copy (%s) FROM %s WITH (FORMAT csv)\n' "$COLUMNS" "$WORK/rows.csv" > "$WORK/copy.sql"
COPY_MS=$("${PSQL[@]}" -f "$WORK/copy.sql" | awk '/^Time: / {print $2}' | tail -1)

echo "Raw SQL: $REQUESTS statements..."
value "CREATE TABLE batch_rows (ord bigserial, $(echo "$COLUMNS" | tr ',' '\n' | while read -r c; do
  printf '%s %s, ' "$c" "$(value "SELECT format_type(atttypid, atttypmod) FROM pg_attribute
                               WHERE attrelid = 'leads'::regclass AND attname = '$c'")"; done | sed 's/, $//'))" > /dev/null
printf '\\copy batch_rows (%s) FROM %s WITH (FORMAT csv)\n' "$COLUMNS" "$WORK/rows.csv" > "$WORK/stage.sql"
"${PSQL[@]}" -f "$WORK/stage.sql" > /dev/null
value "CREATE INDEX ON batch_rows (ord); ANALYZE batch_rows" > /dev/null
DATA_COLS=$(echo "$COLUMNS" | cut -d, -f4-)
python3 - "$DATA_COLS" "$WS" "$BATCH" "$REQUESTS" > "$WORK/raw.sql" <<'PY'
import sys
cols, ws, batch, requests = sys.argv[1].split(","), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
arrays = ", ".join("(SELECT array_agg(%s ORDER BY ord) FROM b)" % c for c in ["id", "external_source", "external_id"] + cols)
names = ", ".join(cols)
print("\\timing on")
for r in range(requests):
    print("""WITH b AS (SELECT * FROM batch_rows WHERE ord > %d AND ord <= %d)
INSERT INTO leads_raw AS t (workspace_id, id, external_source, external_id, created_at, updated_at, %s)
SELECT '%s', u.id, u.external_source, u.external_id, now(), now(), %s
FROM unnest(%s) AS u(id, external_source, external_id, %s)
ON CONFLICT (workspace_id, external_source, external_id) DO UPDATE
SET %s, updated_at = EXCLUDED.updated_at, version = t.version + 1
WHERE (%s) IS DISTINCT FROM (%s)
RETURNING t.id, t.external_source, t.external_id, t.xmax = 0 AS created \\g /dev/null""" % (
        r * batch, (r + 1) * batch, names, ws, ", ".join("u." + c for c in cols), arrays, names,
        ", ".join("%s = EXCLUDED.%s" % (c, c) for c in cols), ", ".join("t." + c for c in cols),
        ", ".join("EXCLUDED." + c for c in cols)))
PY
RAW_S=$("${PSQL[@]}" -f "$WORK/raw.sql" | awk '/^Time: / {s += $2} END {printf "%.1f", s / 1000}')
RAW_CHECK=$(value "SELECT count(*) FILTER (WHERE title = 'New') || ' of ' || count(*) FROM leads_raw")

rate() { awk -v n="$LEADS" -v s="$1" 'BEGIN {printf "%.0f", n / s}'; }
API_RATE=$(rate "$API_S"); COPY_RATE=$(rate "$(awk -v ms="$COPY_MS" 'BEGIN {print ms / 1000}')"); RAW_RATE=$(rate "$RAW_S")
mkdir -p bench/results
RESULT_FILE=bench/results/$(date -u +%Y-%m-%d)-$(hostname -s 2>/dev/null || echo host)-batch.md
{
  echo "# Batch upsert: $LEADS leads in requests of $BATCH, half new and half updates ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Machine: $(machine). Side effects (territory, scoring, predictive models of the demo): $SIDE_EFFECTS."
  echo
  echo "| path | seconds | rows/s | API ÷ it |"
  echo "|---|---|---|---|"
  echo "| API: POST /api/v1/leads/batch/upsert (sum of request times) | $API_S | $API_RATE | |"
  echo "| COPY of the same rows into an empty copy of leads (no triggers) | $(awk -v ms="$COPY_MS" 'BEGIN {printf "%.1f", ms / 1000}') | $COPY_RATE | $(awk -v a="$API_RATE" -v b="$COPY_RATE" 'BEGIN {printf "%.2f", a / b}') |"
  echo "| raw unnest … ON CONFLICT in psql, per batch (same change-log triggers as leads) | $RAW_S | $RAW_RATE | $(awk -v a="$API_RATE" -v b="$RAW_RATE" 'BEGIN {printf "%.2f", a / b}') |"
  echo
  echo "Rows titled New after the run (updates and inserts): API $API_CHECK, raw $RAW_CHECK."
  echo "Per request (s): median $(median 2 < "$WORK/api.times"), max $(sort -g "$WORK/api.times" | tail -1)."
} > "$RESULT_FILE"
cat "$RESULT_FILE"
echo "Written to $RESULT_FILE"
