#!/usr/bin/env bash
# make bench-forecast: forecast roll-ups and the CSV export through the API beside the naive SQL aggregate in psql, on
# the same database, in the same run. Starts the API on a fresh embedded PostgreSQL, adds a sales organisation
# (bench/sql/forecast_data.sql: 5 VPs, BENCH_MANAGERS managers, BENCH_REPS reps), builds BENCH_OPPORTUNITIES deals
# over two years straight in SQL (bench/sql/funnel_data.sql), moves one in ten to EUR with daily rates, sets quotas, VACUUM
# ANALYZEs, then per workload warms up and times BENCH_RUNS runs (median) taking turns: the API with curl and the naive
# statement (bench/sql/forecast_naive*.sql) prepared in psql with \timing. Results: bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

OPPS=${BENCH_OPPORTUNITIES:-1000000}
ACCOUNTS=$(( OPPS / 4 > 0 ? OPPS / 4 : 1 ))
MANAGERS=${BENCH_MANAGERS:-50}
REPS=${BENCH_REPS:-500}
RUNS=${BENCH_RUNS:-20}
WARMUP=${BENCH_WARMUP_RUNS:-5}
PORT=${BENCH_HTTP_PORT:-18083}
DB_PORT=${BENCH_DB_PORT:-55435}
PERIOD=2025-Q2
PERIOD_START=2025-04-01
PERIOD_END=2025-07-01
WORK=bench/work-forecast
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
echo "Building $MANAGERS managers, $REPS reps and $OPPS opportunities in workspace $WS..."
START=$(date +%s)
"${PSQL[@]}" -v ws="$WS" -v managers="$MANAGERS" -v reps="$REPS" -f bench/sql/forecast_data.sql > /dev/null
"${PSQL[@]}" -v ws="$WS" -v opps="$OPPS" -v accounts="$ACCOUNTS" -f bench/sql/funnel_data.sql > /dev/null
"${PSQL[@]}" -v ws="$WS" -v after=1 -v period="$PERIOD" -v period_start="$PERIOD_START" \
  -v period_end="$PERIOD_END" -f bench/sql/forecast_data.sql > /dev/null
echo "  built in $(( $(date +%s) - START ))s"
MANAGER=$(value "SELECT id FROM users WHERE workspace_id = '$WS' AND name = 'Bench manager 0'")
VP=$(value "SELECT id FROM users WHERE workspace_id = '$WS' AND name = 'Bench VP 0'")
DEALS=$(value "SELECT count(*) FROM opportunities WHERE workspace_id = '$WS'")
IN_PERIOD=$(value "SELECT count(*) FROM opportunities WHERE workspace_id = '$WS'
                   AND close_date >= '$PERIOD_START' AND close_date < '$PERIOD_END'")
USERS=$(value "SELECT count(*) FROM users WHERE workspace_id = '$WS'")
echo "  $DEALS opportunities ($IN_PERIOD closing in $PERIOD), $USERS users; manager $MANAGER, VP $VP"

# workload name | API path and query | psql statement file | EXECUTE arguments | goal
WORKLOADS=(
  "roll-up, workspace|/api/v1/forecasts/rollup?period=$PERIOD&scope=workspace|forecast_naive.sql|'$WS', '$PERIOD_START', '$PERIOD_END'|≤ 1×"
  "roll-up, a manager's team|/api/v1/forecasts/rollup?period=$PERIOD&scope=user:$MANAGER|forecast_naive_team.sql|'$WS', '$PERIOD_START', '$PERIOD_END', '$MANAGER'|≤ 1×"
  "roll-up, a VP's organisation|/api/v1/forecasts/rollup?period=$PERIOD&scope=user:$VP|forecast_naive_team.sql|'$WS', '$PERIOD_START', '$PERIOD_END', '$VP'|≤ 1×"
  "CSV export, every user|/api/v1/forecasts?period=$PERIOD&scope=workspace&format=csv|forecast_naive.sql|'$WS', '$PERIOD_START', '$PERIOD_END'|< 1 s"
)

median() { sort -g | awk '{v[NR] = $1} END {if (NR % 2) printf "%.1f", v[(NR + 1) / 2]; else printf "%.1f", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# One psql session runs the naive statement and, between two executions, one API request with curl (psql's \!), so
# both sides see the same moment of a shared machine. \timing times the SQL statements only.
measure() {  # $1 API path, $2 statement file, $3 EXECUTE arguments; writes $WORK/api.times and $WORK/sql.times
  local curl="curl -fsS -o /dev/null -w '%{time_total}\n' -H 'Authorization: Bearer $KEY'"
  curl+=" 'http://localhost:$PORT$1'"
  : > "$WORK/api.times"
  {
    echo "PREPARE naive AS"
    grep -v '^--' "bench/sql/$2"
    for _ in $(seq 1 "$WARMUP"); do echo "EXECUTE naive($3);"; echo "\\! $curl > /dev/null"; done
    echo '\timing on'
    for _ in $(seq 1 "$RUNS"); do echo "EXECUTE naive($3);"; echo "\\! $curl >> $WORK/api.times"; done
  } > "$WORK/measure.sql"
  "${PSQL[@]}" -f "$WORK/measure.sql" | awk '/^Time: / {print $2}' > "$WORK/sql.times"
  [ "$(wc -l < "$WORK/api.times")" -eq "$RUNS" ] && [ "$(wc -l < "$WORK/sql.times")" -eq "$RUNS" ] \
    || { echo "a run failed"; exit 1; }
}

ROWS=()
for workload in "${WORKLOADS[@]}"; do
  IFS='|' read -r NAME QUERY FILE ARGS GOAL <<< "$workload"
  echo "Workload: $NAME"
  curl -fsS -H "Authorization: Bearer $KEY" "http://localhost:$PORT$QUERY" > "$WORK/answer.out"
  grep -q 'totals\|periodId' "$WORK/answer.out" || { head -c 600 "$WORK/answer.out"; echo "unexpected answer"; exit 1; }
  measure "$QUERY" "$FILE" "$ARGS"
  API=$(awk '{printf "%.3f\n", $1 * 1000}' "$WORK/api.times" | median)
  SQL=$(median < "$WORK/sql.times")
  RATIO=$(awk -v a="$API" -v b="$SQL" 'BEGIN {printf "%.2f", a / b}')
  echo "  API ${API} ms, naive SQL ${SQL} ms, ratio ${RATIO}x"
  ROWS+=("| $NAME | $API ms | $SQL ms | ${RATIO}× | $GOAL |")
done
LINES=$(wc -l < "$WORK/answer.out")

# the roll-up's own statement, as the API sends it for the workspace (read back from the statement log is not
# possible here: EXPLAIN the naive one and list the indexes the roll-up can use)
"${PSQL[@]}" -c "PREPARE naive AS $(grep -v '^--' bench/sql/forecast_naive.sql | sed 's/;$//')" \
  -c "EXPLAIN (ANALYZE, BUFFERS) EXECUTE naive('$WS', '$PERIOD_START', '$PERIOD_END')" > "$WORK/explain.txt"

mkdir -p bench/results
RESULT=bench/results/$(date -u +%Y-%m-%d)-$(hostname -s 2>/dev/null || echo host)-forecast.md
{
  echo "# Forecast roll-up benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(java -version 2>&1 | head -1)."
  echo "Data: $DEALS opportunities ($IN_PERIOD closing in $PERIOD; one in ten in EUR with daily rates), $USERS users"
  echo "(5 VPs, $MANAGERS managers under them, $REPS reps under the managers), quotas for every rep; VACUUM ANALYZEd. Each workload: $WARMUP warm-up runs,"
  echo "then the median of $RUNS runs: the API with curl (whole HTTP round trip, key lookup included) and the naive"
  echo "aggregate prepared in psql with \\timing, taking turns. The CSV export has $LINES lines (header included)."
  [ -n "${BENCH_NOTE:-}" ] && { echo; echo "Note: $BENCH_NOTE"; }
  echo
  echo "| workload | API (median) | naive SQL in psql (median) | ratio | goal |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Plan of the naive workspace statement:"
  echo
  echo '```'
  cat "$WORK/explain.txt"
  echo '```'
} | tee "$RESULT"
echo "Written to $RESULT"
