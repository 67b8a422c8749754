#!/usr/bin/env bash
# make bench-funnel: GET /api/v1/analytics/funnel against the same SQL in psql, on the same database, in the same run.
# Starts the API on a fresh embedded PostgreSQL (as run.sh does), builds BENCH_OPPORTUNITIES deals (default 1M) with
# about 5 history rows each straight in SQL (bench/sql/funnel_data.sql), VACUUM ANALYZEs, warms up, then times each workload
# BENCH_RUNS times (median) through the API (curl) and as the prepared statement the API sends (psql \timing;
# bench/sql/funnel*.sql, kept in step by AnalyticsQueriesTest), taking turns. Results: bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

OPPS=${BENCH_OPPORTUNITIES:-1000000}
ACCOUNTS=$(( OPPS / 4 > 0 ? OPPS / 4 : 1 ))
RUNS=${BENCH_RUNS:-20}
WARMUP=${BENCH_WARMUP_RUNS:-5}
PORT=${BENCH_HTTP_PORT:-18081}
DB_PORT=${BENCH_DB_PORT:-55433}
WORK=bench/work-funnel
DATA=$WORK/data

source bench/lib.sh
require_psql_and_build

rm -rf "$WORK" && mkdir -p "$DATA"
echo "Starting the API on :$PORT (embedded PostgreSQL on :$DB_PORT)..."
start_api

WS=$(value "SELECT id FROM workspaces LIMIT 1")
echo "Building $OPPS opportunities and their histories in workspace $WS..."
START=$(date +%s)
"${PSQL[@]}" -v ws="$WS" -v opps="$OPPS" -v accounts="$ACCOUNTS" -f bench/sql/funnel_data.sql > /dev/null
echo "  built in $(( $(date +%s) - START ))s"
PIPELINE=$(value "SELECT id FROM pipelines WHERE workspace_id = '$WS' AND name = 'New business'")
MANAGER=$(value "SELECT m.id FROM users m WHERE m.workspace_id = '$WS' AND m.role = 'manager'
                 AND EXISTS (SELECT 1 FROM users r WHERE r.workspace_id = m.workspace_id AND r.manager_id = m.id)
                 ORDER BY m.name, m.id LIMIT 1")
DEALS=$(value "SELECT count(*) FROM opportunities WHERE workspace_id = '$WS'")
HISTORY=$(value "SELECT count(*) FROM opportunity_history WHERE workspace_id = '$WS'")
echo "  $DEALS opportunities, $HISTORY history rows; pipeline $PIPELINE, manager $MANAGER"

# workload name | API query | psql statement file | EXECUTE arguments
WORKLOADS=(
  "whole pipeline|pipelineId=$PIPELINE|funnel.sql|'$WS', '$PIPELINE'"
  "a manager's team, EMEA, 2025|pipelineId=$PIPELINE&from=2025-01-01&to=2026-01-01&managerId=$MANAGER&account.region=EMEA|funnel_filtered.sql|'$WS', '$PIPELINE', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '$WS', '$MANAGER', '$WS', '{EMEA}'"
)



ROWS=()
for workload in "${WORKLOADS[@]}"; do
  IFS='|' read -r NAME QUERY FILE ARGS <<< "$workload"
  echo "Workload: $NAME"
  curl -fsS -H "Authorization: Bearer $KEY" "http://localhost:$PORT/api/v1/analytics/funnel?$QUERY" > "$WORK/answer.json"
  grep -q '"steps"' "$WORK/answer.json" || { cat "$WORK/answer.json"; echo "unexpected answer"; exit 1; }
  measure_turns "/api/v1/analytics/funnel?$QUERY" "$FILE" "$ARGS"
  API=$(awk '{printf "%.3f\n", $1 * 1000}' "$WORK/api.times" | median)
  SQL=$(median < "$WORK/sql.times")
  RATIO=$(awk -v a="$API" -v b="$SQL" 'BEGIN {printf "%.2f", a / b}')
  COHORT=$(grep -o '"deals":[0-9]*' "$WORK/answer.json" | head -1 | cut -d: -f2)
  echo "  API ${API} ms, psql ${SQL} ms, ratio ${RATIO}x (cohort $COHORT deals)"
  ROWS+=("| $NAME | $COHORT | $API ms | $SQL ms | ${RATIO}× | ≤ 1.2× |")
done

"${PSQL[@]}" -c "PREPARE funnel AS $(grep -v '^--' bench/sql/funnel.sql | sed 's/;$//')" \
  -c "EXPLAIN (ANALYZE, BUFFERS) EXECUTE funnel('$WS', '$PIPELINE')" > "$WORK/explain.txt"

mkdir -p bench/results
RESULT=bench/results/$(date -u +%Y-%m-%d)-$(hostname -s 2>/dev/null || echo host)-funnel.md
{
  echo "# Funnel analytics benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(machine)."
  echo "Data: $DEALS opportunities in one pipeline of one workspace, $HISTORY opportunity_history rows"
  echo "(bench/sql/funnel_data.sql), VACUUM ANALYZEd. Each workload: $WARMUP warm-up runs, then the median of $RUNS"
  echo "runs: the API with curl (whole HTTP round trip, API-key lookup included) and the statement the API sends,"
  echo "prepared, in psql with \\timing, taking turns so that both see the same load. API and database on the same"
  echo "machine."
  echo
  echo "| workload | cohort | API (median) | psql, same SQL (median) | ratio | goal |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Plan of the whole-pipeline statement:"
  echo
  echo '```'
  cat "$WORK/explain.txt"
  echo '```'
} | tee "$RESULT"
echo "Written to $RESULT"
