#!/usr/bin/env bash
# make bench-leads-training: predictive training over BENCH_CLOSED_LEADS closed leads (default 1M) and
# BENCH_OPEN_LEADS open ones (default 100k), timed through the API as a job, with the API's RSS sampled every second.
# Starts the API on a fresh embedded PostgreSQL (as territories.sh does) without demo leads, builds the leads and their
# deals straight in SQL (bench/sql/leads_training_data.sql), then per run (BENCH_RUNS, medians): POST
# /api/v1/predictive-models (all 16 fields) → poll until the job ends; each run retires the previous model and
# re-scores every open lead. Beside it, the counting statement alone (bench/sql/leads_training_count.sql, the job's
# INSERT … SELECT … GROUP BY, kept in step by PredictiveSqlBenchTest) in psql, rolled back, and its plan.
# Results: bench/results/<date>-<host>-leads-training.md.
set -euo pipefail
cd "$(dirname "$0")/.."

CLOSED=${BENCH_CLOSED_LEADS:-1000000}
OPEN=${BENCH_OPEN_LEADS:-100000}
RUNS=${BENCH_RUNS:-3}
PORT=${BENCH_HTTP_PORT:-18083}
DB_PORT=${BENCH_DB_PORT:-55435}
WORK=bench/work-leads-training
DATA=$WORK/data

source bench/lib.sh
require_psql_and_build

rm -rf "$WORK" && mkdir -p "$DATA"
echo "Starting the API on :$PORT (embedded PostgreSQL on :$DB_PORT)..."
start_api REVOPS_DEMO_LEADS=0
WS=$(value "SELECT id FROM workspaces LIMIT 1")

echo "Building $CLOSED closed and $OPEN open leads in workspace $WS..."
START=$(date +%s)
"${PSQL[@]}" -v ws="$WS" -v closed="$CLOSED" -v open="$OPEN" -f bench/sql/leads_training_data.sql > /dev/null
BUILD_S=$(( $(date +%s) - START ))
COUNTS=$(value "SELECT count(*) FILTER (WHERE status = 'converted') || ' converted, '
                || count(*) FILTER (WHERE status = 'disqualified') || ' disqualified, '
                || count(*) FILTER (WHERE status NOT IN ('converted', 'disqualified')) || ' open'
                FROM leads WHERE workspace_id = '$WS'")
TABLE_MB=$(value "SELECT pg_total_relation_size('leads') / 1048576")
echo "  built in ${BUILD_S}s: $COUNTS (leads table with indexes: $TABLE_MB MiB)"

now_ms() { date +%s%3N; }
# Runs a training job to its end, sampling the API's RSS every second; prints "wall_ms rss_start rss_peak rss_end
# job_id" (RSS in MiB; wall time from the POST to the poll that saw the job finished).
job() {
  local rss_log="$WORK/rss.log" sampler started body id state
  ps -o rss= -p "$API_PID" > "$rss_log"
  ( while kill -0 "$API_PID" 2>/dev/null; do sleep 1; ps -o rss= -p "$API_PID" >> "$rss_log" || true; done ) \
    > /dev/null 2>&1 &
  sampler=$!
  started=$(now_ms)
  body=$(curl -fsS -X POST -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" \
    -d '{"windowDays":3650}' "http://localhost:$PORT/api/v1/predictive-models")
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
step() { value "SELECT result->'stepMillis'->>'$2' FROM jobs WHERE workspace_id = '$WS' AND id = '$1'"; }

# the counting statement alone, as the job sends it, prepared and rolled back (it inserts into a scratch model)
count_sql() {
  {
    echo "PREPARE count_pairs AS"
    grep -v '^--' bench/sql/leads_training_count.sql
    echo "BEGIN;"
    echo "INSERT INTO predictive_models (workspace_id, id, state, fields, window_days, closed_leads, won_leads,"
    echo "  training_leads, training_won, held_out_leads, held_out_won, min_closed_leads, min_won_leads,"
    echo "  min_lost_leads, held_out_percent, prior_log_odds, created_at, retired_at)"
    echo "VALUES ('$WS', md5('bench-scratch')::uuid, 'retired', ARRAY['source'], 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20, 0,"
    echo "        now(), now());"
    echo '\timing on'
    echo "$1 EXECUTE count_pairs('$WS', now() - interval '3650 days', 20, md5('bench-scratch')::uuid,"
    echo "  ARRAY['source', 'campaign', 'industry', 'country', 'region', 'budgetStatus', 'authority', 'timeline',"
    echo "        'employeeCount', 'annualRevenue', 'budgetAmount', 'visits', 'emailOpens', 'formFills',"
    echo "        'eventsAttended', 'daysSinceLastEngaged'], now());"
    echo '\timing off'
    echo "ROLLBACK;"
  } > "$WORK/count.sql"
  "${PSQL[@]}" -f "$WORK/count.sql"
}

ROWS=()
: > "$WORK/times"
for run in $(seq 1 "$RUNS"); do
  BASE_MS=$(count_sql "" | awk '/^Time: / {t = $2} END {printf "%.0f", t}')
  read -r MS R0 RPEAK R1 JOB <<< "$(job)"
  [ -n "$JOB" ] || exit 1
  S_HISTORY=$(step "$JOB" history); S_COUNT=$(step "$JOB" count); S_QUALITY=$(step "$JOB" quality); S_SCORE=$(step "$JOB" score)
  echo "  run $run: job ${MS} ms (history $S_HISTORY, count $S_COUNT, quality $S_QUALITY, score $S_SCORE ms)," \
       "RSS $R0 → $RPEAK → $R1 MiB; counting statement alone in psql ${BASE_MS} ms"
  echo "$MS $S_HISTORY $S_COUNT $S_QUALITY $S_SCORE $BASE_MS $RPEAK" >> "$WORK/times"
  ROWS+=("| $run | $MS ms | $S_HISTORY | $S_COUNT | $S_QUALITY | $S_SCORE | $R0 / $RPEAK / $R1 MiB | $BASE_MS ms |")
  LAST_JOB=$JOB
done
col() { awk -v c="$1" '{print $c}' "$WORK/times" | median 0; }
MODEL=$(value "SELECT result->>'modelId' FROM jobs WHERE workspace_id = '$WS' AND id = '$LAST_JOB'")
QUALITY=$(value "SELECT 'AUC ' || auc || ', ' || training_leads || ' training / ' || held_out_leads || ' held-out leads, '
                 || won_leads || ' won of ' || closed_leads FROM predictive_models WHERE id = '$MODEL'")
TOP=$(value "SELECT string_agg(field || '=' || value || ' ' || round(weight::numeric, 2), ', ' ORDER BY weight DESC)
             FROM (SELECT * FROM predictive_frequencies WHERE model_id = '$MODEL' ORDER BY weight DESC LIMIT 5) w")
count_sql "EXPLAIN (ANALYZE, BUFFERS)" | grep -v '^Time: ' > "$WORK/explain.txt"

mkdir -p bench/results
RESULT=bench/results/$(date -u +%Y-%m-%d)-$(hostname -s 2>/dev/null || echo host)-leads-training.md
{
  echo "# Predictive training benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(machine);"
  echo "API (JVM: ${REVOPS_JAVA_OPTS:--XX:+UseParallelGC -Xmx1g}) and embedded PostgreSQL on the same machine."
  echo "${BENCH_NOTE:-}"
  echo
  echo "Data: $CLOSED closed and $OPEN open leads (bench/sql/leads_training_data.sql), built in ${BUILD_S}s: $COUNTS;"
  echo "leads table with its indexes $TABLE_MB MiB."
  echo "Model of the last run: $QUALITY. Strongest weights: $TOP."
  echo
  echo "Each run: POST /api/v1/predictive-models (all 16 fields, windowDays 3650) → poll every 0.2 s until the job"
  echo "ends (wall time); the job's own step times (result.stepMillis): history (count the window's closed leads),"
  echo "count (the frequency table: INSERT … SELECT … GROUP BY over the unnest pairs), quality (held-out histogram),"
  echo "score (UPDATE of every open lead). Beside it, the counting statement alone in psql (prepared, rolled back)."
  echo "Medians of $RUNS runs: job $(col 1) ms (history $(col 2), count $(col 3), quality $(col 4), score $(col 5) ms);"
  echo "counting statement alone $(col 6) ms; peak RSS $(col 7) MiB."
  echo
  echo "| run | job | history ms | count ms | quality ms | score ms | RSS start / peak / end | counting alone (psql) |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Plan of the counting statement:"
  echo
  echo '```'
  grep -v '^$' "$WORK/explain.txt"
  echo '```'
} > "$RESULT"
head -25 "$RESULT"
echo "Written to $RESULT"
