#!/usr/bin/env bash
# make bench-territories: realignment preview and activation over BENCH_ACCOUNTS accounts (default 1M) and ~530
# territories, timed through the API as jobs, beside one hand-written INSERT … SELECT with the same rule join in psql,
# taking turns in the same run. Starts the API on a fresh embedded PostgreSQL (as funnel.sh does), builds the accounts
# and two territory models straight in SQL (bench/sql/territories_data.sql), assigns the live model once (a "run"
# job), then per chunk size (BENCH_CHUNK_SIZES; the API restarts on the same database for each) and per run
# (BENCH_RUNS, median): the baseline, a preview of the plan, its activation, and a reset of the two models by SQL.
# The API's RSS is sampled every second during each job. Results: bench/results/<date>-<host>-territories.md.
set -euo pipefail
cd "$(dirname "$0")/.."

ACCOUNTS=${BENCH_ACCOUNTS:-1000000}
RUNS=${BENCH_RUNS:-3}
CHUNK_SIZES=${BENCH_CHUNK_SIZES:-250000}   # the product default (revops.territories.chunk-size)
JOBS=${BENCH_JOBS:-1}   # 0: no jobs, only the baseline and the engine's statement on one chunk (a probe of big sizes)
PORT=${BENCH_HTTP_PORT:-18082}
DB_PORT=${BENCH_DB_PORT:-55434}
WORK=bench/work-territories
DATA=$WORK/data

source bench/lib.sh
require_psql_and_build

rm -rf "$WORK" && mkdir -p "$DATA"
start_api_with_chunk() {  # $1 chunk size; the first start seeds the small demo workspace (users, an API key)
  echo "Starting the API on :$PORT, chunk size $1 (embedded PostgreSQL on :$DB_PORT)..."
  start_api REVOPS_TERRITORIES_CHUNK_SIZE="$1"
}
start_api_with_chunk "$(echo "$CHUNK_SIZES" | awk '{print $1}')"
WS=$(value "SELECT id FROM workspaces LIMIT 1")
LIVE=$(value "SELECT md5('bench-model-live')::uuid")
PLAN=$(value "SELECT md5('bench-model-plan')::uuid")

echo "Building $ACCOUNTS accounts and two territory models in workspace $WS..."
START=$(date +%s)
"${PSQL[@]}" -v ws="$WS" -v accounts="$ACCOUNTS" -f bench/sql/territories_data.sql > /dev/null
BUILD_S=$(( $(date +%s) - START ))
TOTAL_ACCOUNTS=$(value "SELECT count(*) FROM accounts WHERE workspace_id = '$WS'")
TERRITORIES=$(value "SELECT count(*) FROM territories WHERE workspace_id = '$WS' AND model_id = '$LIVE'")
RULES=$(value "SELECT count(*) FROM territory_rules WHERE workspace_id = '$WS' AND model_id = '$LIVE'")
PLAN_TERRITORIES=$(value "SELECT count(*) FROM territories WHERE workspace_id = '$WS' AND model_id = '$PLAN'")
echo "  built in ${BUILD_S}s: $TOTAL_ACCOUNTS accounts, $TERRITORIES territories / $RULES rules (plan: $PLAN_TERRITORIES)"
"${PSQL[@]}" -c "CREATE TABLE bench_baseline (account_id uuid PRIMARY KEY, territory_id uuid)"

now_ms() { date +%s%3N; }
# Runs the job at $1 (a POST path) to its end, sampling the API's RSS every second; prints "wall_ms rss_start
# rss_peak rss_end job_id" (RSS in MiB; wall time from the POST to the poll that saw the job finished).
job() {
  local rss_log="$WORK/rss.log" sampler started body id state
  ps -o rss= -p "$API_PID" > "$rss_log"
  ( while kill -0 "$API_PID" 2>/dev/null; do sleep 1; ps -o rss= -p "$API_PID" >> "$rss_log" || true; done ) \
    > /dev/null 2>&1 &
  sampler=$!
  started=$(now_ms)
  body=$(curl -fsS -X POST -H "Authorization: Bearer $KEY" "http://localhost:$PORT/api/v1/$1")
  id=$(echo "$body" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  while :; do
    state=$(curl -fsS -H "Authorization: Bearer $KEY" "http://localhost:$PORT/api/v1/jobs/$id" \
      | grep -o '"state":"[^"]*"' | cut -d'"' -f4)
    [ "$state" = succeeded ] || [ "$state" = failed ] && break
    sleep 0.2
  done
  local wall=$(( $(now_ms) - started ))
  ps -o rss= -p "$API_PID" >> "$rss_log"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  [ "$state" = succeeded ] || { echo "job $id $state"; curl -s -H "Authorization: Bearer $KEY" "http://localhost:$PORT/api/v1/jobs/$id"; exit 1; }
  awk -v wall="$wall" -v id="$id" 'NR == 1 {start = $1} {if ($1 > peak) peak = $1; last = $1}
    END {printf "%d %d %d %d %s\n", wall, start / 1024, peak / 1024, last / 1024, id}' "$rss_log"
}
result() { value "SELECT result::text FROM jobs WHERE workspace_id = '$WS' AND id = '$1'"; }

RUN_LINE="Jobs not run (BENCH_JOBS=0): baseline and one chunk of the engine's statement only."
PREVIEW_RESULT="-"; MOVERS="-"; DIFFER="-"
if [ "$JOBS" = 1 ]; then
  echo "Assigning the live model once (run job)..."
  read -r RUN_MS RUN_RSS0 RUN_RSS_PEAK RUN_RSS1 RUN_JOB <<< "$(job "territory-models/$LIVE/run")"
  [ -n "$RUN_JOB" ] || exit 1
  RUN_LINE="Live model assigned once by a run job: ${RUN_MS} ms, RSS ${RUN_RSS0} → peak ${RUN_RSS_PEAK} → ${RUN_RSS1} MiB; $(result "$RUN_JOB")."
  echo "  $RUN_LINE"
fi

baseline() {  # prints the baseline's time in ms (psql \timing of the EXECUTE only)
  {
    echo "TRUNCATE bench_baseline;"
    echo "PREPARE baseline AS"
    grep -v '^--' bench/sql/territories_baseline.sql
    echo '\timing on'
    echo "EXECUTE baseline('$WS', '$PLAN');"
  } > "$WORK/baseline.sql"
  "${PSQL[@]}" -f "$WORK/baseline.sql" | awk '/^Time: / {print $2}' | tail -1
}
reset_models() {  # back to: live active and assigned, plan a draft without assignments or moves
  "${PSQL[@]}" > /dev/null <<SQL
BEGIN;
UPDATE territory_models SET state = 'planning', activated_at = NULL, archived_at = NULL, assigned_at = NULL
WHERE workspace_id = '$WS' AND id = '$PLAN';
UPDATE territory_models SET state = 'active', archived_at = NULL WHERE workspace_id = '$WS' AND id = '$LIVE';
DELETE FROM territory_assignments WHERE workspace_id = '$WS' AND model_id = '$PLAN';
DELETE FROM territory_moves WHERE workspace_id = '$WS' AND model_id = '$PLAN';
COMMIT;
VACUUM ANALYZE territory_assignments;
VACUUM ANALYZE territory_moves;
SQL
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
ROWS=()
RSS_ROWS=()
FIRST=1
for CHUNK in $CHUNK_SIZES; do
  if [ $FIRST = 0 ]; then stop_api; start_api_with_chunk "$CHUNK"; fi
  : > "$WORK/times"
  for run in $(seq 1 "$RUNS"); do
    BASE_MS=$(baseline)
    if [ "$JOBS" = 0 ]; then
      echo "  baseline ${BASE_MS} ms"; echo "$BASE_MS 0 0" >> "$WORK/times"
      RSS_ROWS+=("| - | $run | $BASE_MS ms | - | - | - | - |"); continue
    fi
    read -r PREVIEW_MS P0 PPEAK P1 PREVIEW_JOB <<< "$(job "territory-models/$PLAN/preview")"
    [ -n "$PREVIEW_JOB" ] || exit 1
    if [ $FIRST = 1 ] && [ "$run" = 1 ]; then
      PREVIEW_RESULT=$(result "$PREVIEW_JOB")
      DIFFER=$(value "SELECT count(*) FROM accounts a
                      LEFT JOIN bench_baseline b ON b.account_id = a.id
                      LEFT JOIN territory_assignments ta ON ta.workspace_id = a.workspace_id AND ta.model_id = '$PLAN'
                                                        AND ta.account_id = a.id
                      WHERE a.workspace_id = '$WS' AND b.territory_id IS DISTINCT FROM ta.territory_id")
      MOVERS=$(value "SELECT count(*) FROM territory_moves WHERE workspace_id = '$WS' AND model_id = '$PLAN'")
    fi
    read -r ACTIVATE_MS A0 APEAK A1 ACTIVATE_JOB <<< "$(job "territory-models/$PLAN/activate")"
    [ -n "$ACTIVATE_JOB" ] || exit 1
    echo "  chunk $CHUNK run $run: baseline ${BASE_MS} ms, preview ${PREVIEW_MS} ms (RSS $P0→$PPEAK→$P1 MiB)," \
         "activate ${ACTIVATE_MS} ms (RSS $A0→$APEAK→$A1 MiB)"
    echo "$BASE_MS $PREVIEW_MS $ACTIVATE_MS" >> "$WORK/times"
    RSS_ROWS+=("| $CHUNK | $run | $BASE_MS ms | $PREVIEW_MS ms | $P0 / $PPEAK / $P1 MiB | $ACTIVATE_MS ms | $A0 / $APEAK / $A1 MiB |")
    reset_models
  done
  BASE=$(awk '{print $1}' "$WORK/times" | median 0)
  PREVIEW=$(awk '{print $2}' "$WORK/times" | median 0)
  ACTIVATE=$(awk '{print $3}' "$WORK/times" | median 0)
  if [ "$JOBS" = 1 ]; then
    ROWS+=("| $CHUNK | $BASE ms | $PREVIEW ms | $(ratio "$PREVIEW" "$BASE")× | $ACTIVATE ms | $(ratio "$ACTIVATE" "$BASE")× | ≤ 3× |")
  else
    ROWS+=("| - | $BASE ms | - | - | - | - | ≤ 3× |")
  fi
  FIRST=0
done

# where the time goes: the engine's statement for one chunk of the last chunk size, explained inside a rolled-back
# transaction (it writes), with the chunk's id range as the job computes it
LAST_CHUNK=$(echo "$CHUNK_SIZES" | awk '{print $NF}')
N_RANGES=$(( (TOTAL_ACCOUNTS + LAST_CHUNK - 1) / LAST_CHUNK ))
TO=NULL
[ "$N_RANGES" -gt 1 ] && TO=\'$(printf '%08x-0000-0000-0000-000000000000' $(( (1 << 32) / N_RANGES )))\'
CHUNK_ACCOUNTS=$(value "SELECT count(*) FROM accounts WHERE workspace_id = '$WS'
                        AND id >= '00000000-0000-0000-0000-000000000000' AND (CAST($TO AS uuid) IS NULL OR id < $TO)")
EXECUTE="EXECUTE assign('$WS', '$PLAN', now(), false, '00000000-0000-0000-0000-000000000000', $TO)"
{
  echo "PREPARE assign AS"
  grep -v '^--' bench/sql/territories_assign.sql
  echo "BEGIN;"
  echo "EXPLAIN (ANALYZE, BUFFERS) $EXECUTE;"
  echo "ROLLBACK;"
  # the same chunk planned without nested loops, where the planner has a choice (diagnostic, see the results)
  echo "SET enable_nestloop = off;"
  echo "BEGIN;"
  echo '\timing on'
  echo "$EXECUTE;"
  echo '\timing off'
  echo "ROLLBACK;"
} > "$WORK/explain.sql"
"${PSQL[@]}" -f "$WORK/explain.sql" > "$WORK/explain.out"
NO_NESTLOOP_MS=$(awk '/^Time: / {print $2}' "$WORK/explain.out" | tail -1)
sed '/^Time: /,$d' "$WORK/explain.out" > "$WORK/explain.txt"
{
  echo "PREPARE baseline AS"
  grep -v '^--' bench/sql/territories_baseline.sql
  echo "BEGIN;"
  echo "TRUNCATE bench_baseline;"
  echo "EXPLAIN (ANALYZE, BUFFERS) EXECUTE baseline('$WS', '$PLAN');"
  echo "ROLLBACK;"
} > "$WORK/explain-baseline.sql"
"${PSQL[@]}" -f "$WORK/explain-baseline.sql" > "$WORK/explain-baseline.txt"

mkdir -p bench/results
RESULT=bench/results/$(date -u +%Y-%m-%d)-$(hostname -s 2>/dev/null || echo host)-territories.md
{
  echo "# Territory realignment benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(machine);"
  echo "API (JVM: ${REVOPS_JAVA_OPTS:--XX:+UseParallelGC -Xmx1g}) and embedded PostgreSQL on the same machine."
  echo "${BENCH_NOTE:-}"
  echo
  echo "Data: $TOTAL_ACCOUNTS accounts (31 countries, 4 regions, 16 industries, log-normal sizes), built in ${BUILD_S}s;"
  echo "live model $TERRITORIES territories / $RULES rules, plan $PLAN_TERRITORIES territories (bench/sql/territories_data.sql)."
  echo "$RUN_LINE"
  echo "Preview of the plan: $PREVIEW_RESULT"
  echo "Movers recorded: $MOVERS. The baseline's assignment differs from the engine's for $DIFFER accounts."
  echo
  echo "Each run: the hand-written baseline (bench/sql/territories_baseline.sql: one INSERT … SELECT into a scratch"
  echo "table, prepared, psql \\timing), then POST preview → poll to the end, then POST activate → poll (wall time"
  echo "from the POST until a poll, every 0.2 s, sees the job finished), then both models are reset by SQL. Medians of"
  echo "$RUNS runs; the API restarts for each chunk size (revops.territories.chunk-size)."
  echo
  echo "| chunk size | baseline (median) | preview (median) | ratio | activate (median) | ratio | goal |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "API resident memory (ps rss, sampled every second) at the job's start / peak / end:"
  echo
  echo "| chunk size | run | baseline | preview | RSS | activate | RSS |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${RSS_ROWS[@]}"
  echo
  echo "The engine's statement for one chunk (chunk size $LAST_CHUNK: $CHUNK_ACCOUNTS accounts, the plan model) took the"
  echo "time below under EXPLAIN ANALYZE, and $NO_NESTLOOP_MS ms with enable_nestloop = off (same chunk, rolled back)."
  echo
  echo "Plan of the engine's statement for that chunk:"
  echo
  echo '```'
  cat "$WORK/explain.txt"
  echo '```'
  echo
  echo "Plan of the baseline:"
  echo
  echo '```'
  cat "$WORK/explain-baseline.txt"
  echo '```'
} > "$RESULT"
cat "$RESULT" | head -40
echo "Written to $RESULT"
