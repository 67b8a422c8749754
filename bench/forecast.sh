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
RUNS_WARM=${BENCH_WARM_RUNS:-200}       # turns over kept-open connections (bench/turns.py)
WARMUP_WARM=${BENCH_WARM_WARMUP_RUNS:-200}
WARM_SECONDS=${BENCH_WARM_SECONDS:-20}     # the API alone first, as a long-running service is warm
PORT=${BENCH_HTTP_PORT:-18084}
DB_PORT=${BENCH_DB_PORT:-55436}
PERIOD=2025-Q2
PERIOD_START=2025-04-01
PERIOD_END=2025-07-01
WORK=bench/work-forecast
DATA=$WORK/data

source bench/lib.sh
require_psql_and_build

rm -rf "$WORK" && mkdir -p "$DATA"
echo "Starting the API on :$PORT (embedded PostgreSQL on :$DB_PORT)..."
start_api

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
  "floor: no work on either side|/q/health/live|trivial.sql|'$WS'|—"
)



ROWS=()
for workload in "${WORKLOADS[@]}"; do
  IFS='|' read -r NAME QUERY FILE ARGS GOAL <<< "$workload"
  echo "Workload: $NAME"
  curl -fsS -H "Authorization: Bearer $KEY" "http://localhost:$PORT$QUERY" > "$WORK/answer.out"
  grep -q 'totals\|periodId\|"UP"' "$WORK/answer.out" || { head -c 600 "$WORK/answer.out"; echo "unexpected answer"; exit 1; }
  [[ $NAME == CSV* ]] && LINES=$(wc -l < "$WORK/answer.out")
  measure_turns "$QUERY" "$FILE" "$ARGS"
  API=$(awk '{printf "%.3f\n", $1 * 1000}' "$WORK/api.times" | median)
  SQL=$(median < "$WORK/sql.times")
  RATIO=$(awk -v a="$API" -v b="$SQL" 'BEGIN {printf "%.2f", a / b}')
  # the same turns over connections kept open on both sides (psql's session is; curl's is not)
  python3 bench/turns.py "http://localhost:$PORT$QUERY" "$KEY" "$(printf '"%s",' "${PSQL[@]}" | sed 's/^/[/; s/,$/]/')" \
    "bench/sql/$FILE" "$ARGS" "$WARMUP_WARM" "$RUNS_WARM" "$WORK/api-warm.times" "$WORK/sql-warm.times" "$WARM_SECONDS"
  API_WARM=$(median < "$WORK/api-warm.times")
  SQL_WARM=$(median < "$WORK/sql-warm.times")
  RATIO_WARM=$(awk -v a="$API_WARM" -v b="$SQL_WARM" 'BEGIN {printf "%.2f", a / b}')
  echo "  API ${API} ms, naive SQL ${SQL} ms, ratio ${RATIO}x; warm connections: ${API_WARM} / ${SQL_WARM} ms, ${RATIO_WARM}x"
  ROWS+=("| $NAME | $API ms | $SQL ms | ${RATIO}× | $API_WARM ms | $SQL_WARM ms | ${RATIO_WARM}× | $GOAL |")
done

# the roll-up's own statement, as the API sends it for the workspace (read back from the statement log is not
# possible here: EXPLAIN the naive one and list the indexes the roll-up can use)
"${PSQL[@]}" -c "PREPARE naive AS $(grep -v '^--' bench/sql/forecast_naive.sql | sed 's/;$//')" \
  -c "EXPLAIN (ANALYZE, BUFFERS) EXECUTE naive('$WS', '$PERIOD_START', '$PERIOD_END')" > "$WORK/explain.txt"

mkdir -p bench/results
RESULT=bench/results/$(date -u +%Y-%m-%d)-$(hostname -s 2>/dev/null || echo host)-forecast.md
{
  echo "# Forecast roll-up benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(machine)."
  echo "Data: $DEALS opportunities ($IN_PERIOD closing in $PERIOD; one in ten in EUR with daily rates), $USERS users"
  echo "(5 VPs, $MANAGERS managers under them, $REPS reps under the managers), quotas for every rep; VACUUM ANALYZEd. Each workload: $WARMUP warm-up runs,"
  echo "then the median of $RUNS runs: the API with curl (whole HTTP round trip, key lookup included) and the naive"
  echo "aggregate prepared in psql with \\timing, taking turns. The CSV export has $LINES lines (header included)."
  [ -n "${BENCH_NOTE:-}" ] && { echo; echo "Note: $BENCH_NOTE"; }
  echo
  echo "Then the same turns over connections kept open on both sides (bench/turns.py: one HTTP/1.1 keep-alive"
  echo "connection, one psql session; the API called alone for ${WARM_SECONDS} s first, as a long-running service is"
  echo "warm, then $WARMUP_WARM warm-up turns, median of $RUNS_WARM): curl opens a connection per request, while"
  echo "psql's session and prepared statement are already open. The floor row is what each side costs with no work:"
  echo "GET /q/health/live (no key, no database) beside a prepared SELECT 1."
  echo
  echo "| workload | API, new connection | naive SQL | ratio | API, kept-open connection | naive SQL | ratio | goal |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Plan of the naive workspace statement:"
  echo
  echo '```'
  cat "$WORK/explain.txt"
  echo '```'
} | tee "$RESULT"
echo "Written to $RESULT"
