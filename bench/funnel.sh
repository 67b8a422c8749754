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

install() {  # Debian packages, installed by the project so a fresh machine can run the benchmark
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@";
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; fi
}
command -v psql >/dev/null || install postgresql-client
command -v psql >/dev/null || { echo "psql is needed (Debian: postgresql-client)"; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] && [ -f target/launcher.classpath ] \
  || { echo "build first: make build (or ./mvnw package -DskipTests)"; exit 1; }

rm -rf "$WORK" && mkdir -p "$DATA"
echo "Starting the API on :$PORT (embedded PostgreSQL on :$DB_PORT)..."
# a small demo seed gives the workspace, its users, pipelines and an API key; the deals come from SQL below
QUARKUS_HTTP_PORT=$PORT REVOPS_EMBEDDED_DB_PORT=$DB_PORT REVOPS_DEMO_OPPORTUNITIES=100 \
  java -cp "target/test-classes:$(cat target/launcher.classpath)" org.revops.devrun.DevLauncher "$DATA" \
  target/quarkus-app/quarkus-run.jar > "$WORK/api.log" 2>&1 &
LAUNCHER=$!
trap 'kill $LAUNCHER 2>/dev/null; wait $LAUNCHER 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do [ -s "$DATA/demo-api-key" ] && break; sleep 1; done
[ -s "$DATA/demo-api-key" ] || { echo "the API did not seed in time"; tail -20 "$WORK/api.log"; exit 1; }
KEY=$(cat "$DATA/demo-api-key")
PSQL=(psql -X -q -h localhost -p "$DB_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1)
value() { "${PSQL[@]}" -tA -c "$1"; }

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

median() { sort -g | awk '{v[NR] = $1} END {if (NR % 2) printf "%.1f", v[(NR + 1) / 2]; else printf "%.1f", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# One psql session runs the prepared statement the API sends and, between two executions, one API request with
# curl (psql's \!), so both sides see the same moment of a shared machine. \timing times the SQL statements only.
measure() {  # $1 API query, $2 statement file, $3 EXECUTE arguments; writes $WORK/api.times and $WORK/sql.times
  local curl="curl -fsS -o /dev/null -w '%{time_total}\n' -H 'Authorization: Bearer $KEY'"
  curl+=" 'http://localhost:$PORT/api/v1/analytics/funnel?$1'"
  : > "$WORK/api.times"
  {
    echo "PREPARE funnel AS"
    grep -v '^--' "bench/sql/$2"
    for _ in $(seq 1 "$WARMUP"); do echo "EXECUTE funnel($3);"; echo "\\! $curl > /dev/null"; done
    echo '\timing on'
    for _ in $(seq 1 "$RUNS"); do echo "EXECUTE funnel($3);"; echo "\\! $curl >> $WORK/api.times"; done
  } > "$WORK/measure.sql"
  "${PSQL[@]}" -f "$WORK/measure.sql" | awk '/^Time: / {print $2}' > "$WORK/sql.times"
  [ "$(wc -l < "$WORK/api.times")" -eq "$RUNS" ] && [ "$(wc -l < "$WORK/sql.times")" -eq "$RUNS" ] \
    || { echo "a run failed"; exit 1; }
}

ROWS=()
for workload in "${WORKLOADS[@]}"; do
  IFS='|' read -r NAME QUERY FILE ARGS <<< "$workload"
  echo "Workload: $NAME"
  curl -fsS -H "Authorization: Bearer $KEY" "http://localhost:$PORT/api/v1/analytics/funnel?$QUERY" > "$WORK/answer.json"
  grep -q '"steps"' "$WORK/answer.json" || { cat "$WORK/answer.json"; echo "unexpected answer"; exit 1; }
  measure "$QUERY" "$FILE" "$ARGS"
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
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(java -version 2>&1 | head -1)."
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
