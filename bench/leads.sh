#!/usr/bin/env bash
# make bench-leads: publishing a scoring model over BENCH_LEADS leads (default 1M) as a job through the API, beside one
# `UPDATE leads SET score = <constant>` on the same rows in psql, taking turns in the same run; then the p50 of
# POST /api/v1/leads with and without a published model. Starts the API on a fresh embedded PostgreSQL (as
# territories.sh does), builds the leads straight in SQL (bench/sql/leads_data.sql), then per run (BENCH_RUNS): the
# baseline (rolled back), a publish of a new version (a clone of the published model, thresholds and one weight
# alternated so that part of the scores change; the first run scores leads that had none), VACUUM between steps.
# The API's RSS is sampled every second during each job. Results: bench/results/<date>-<host>-leads.md.
set -euo pipefail
cd "$(dirname "$0")/.."

LEADS=${BENCH_LEADS:-1000000}
RUNS=${BENCH_RUNS:-3}
CREATES=${BENCH_CREATES:-1000}
CREATE_ROUNDS=${BENCH_CREATE_ROUNDS:-4}
CHUNK=${BENCH_CHUNK_SIZE:-50000}
PORT=${BENCH_HTTP_PORT:-18086}
DB_PORT=${BENCH_DB_PORT:-55438}
WORK=bench/work-leads
DATA=$WORK/data
source bench/lib.sh
require_psql_and_build

rm -rf "$WORK" && mkdir -p "$DATA"
echo "Starting the API on :$PORT, scoring chunk size $CHUNK (embedded PostgreSQL on :$DB_PORT)..."
start_api REVOPS_SCORING_CHUNK_SIZE="$CHUNK"
API=http://localhost:$PORT/api/v1
WS=$(value "SELECT id FROM workspaces LIMIT 1")
OPEN_FILTER="workspace_id = '$WS' AND status NOT IN ('converted', 'disqualified')"

echo "Building $LEADS leads in workspace $WS..."
START=$(date +%s)
"${PSQL[@]}" -v ws="$WS" -v leads="$LEADS" -f bench/sql/leads_data.sql > /dev/null
BUILD_S=$(( $(date +%s) - START ))
TOTAL=$(value "SELECT count(*) FROM leads WHERE workspace_id = '$WS'")
OPEN=$(value "SELECT count(*) FROM leads WHERE $OPEN_FILTER")
echo "  built in ${BUILD_S}s: $TOTAL leads, $OPEN open"

now_ms() { date +%s%3N; }
id_of() { grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4; }
# Runs the job at $1 (a POST path) to its end, sampling the API's RSS every second; prints "wall_ms rss_start
# rss_peak rss_end job_id" (RSS in MiB; wall time from the POST to the long poll that saw the job finished).
job() {
  local rss_log="$WORK/rss.log" sampler started id state
  ps -o rss= -p "$API_PID" > "$rss_log"
  ( while kill -0 "$API_PID" 2>/dev/null; do sleep 1; ps -o rss= -p "$API_PID" >> "$rss_log" || true; done ) \
    > /dev/null 2>&1 &
  sampler=$!
  started=$(now_ms)
  id=$(curl -fsS -X POST -H "Authorization: Bearer $KEY" "$API/$1" | id_of)
  while :; do
    state=$(curl -fsS -H "Authorization: Bearer $KEY" "$API/jobs/$id?wait=60" | grep -o '"state":"[^"]*"' | cut -d'"' -f4)
    [ "$state" = succeeded ] || [ "$state" = failed ] && break
  done
  local wall=$(( $(now_ms) - started ))
  ps -o rss= -p "$API_PID" >> "$rss_log"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  [ "$state" = succeeded ] || { echo "job $id $state" >&2; curl -s -H "Authorization: Bearer $KEY" "$API/jobs/$id" >&2; exit 1; }
  awk -v wall="$wall" -v id="$id" 'NR == 1 {start = $1} {if ($1 > peak) peak = $1; last = $1}
    END {printf "%d %d %d %d %s\n", wall, start / 1024, peak / 1024, last / 1024, id}' "$rss_log"
}
result() { value "SELECT result::text FROM jobs WHERE workspace_id = '$WS' AND id = '$1'"; }

baseline() {  # the constant UPDATE on the open leads, timed by psql, rolled back; prints ms
  printf 'BEGIN;\n\\timing on\nUPDATE leads SET score = 42 WHERE %s;\n\\timing off\nROLLBACK;\n' "$OPEN_FILTER" \
    > "$WORK/baseline.sql"
  "${PSQL[@]}" -f "$WORK/baseline.sql" | awk '/^Time: / {print $2}' | tail -1
}
vacuum() { "${PSQL[@]}" -c "VACUUM ANALYZE leads" -c "VACUUM ANALYZE lead_scores" > /dev/null; }

# the next version: a clone of the published model; runs after the first alternate A's threshold and one weight
next_draft() {
  local published draft
  published=$(value "SELECT id FROM scoring_models WHERE workspace_id = '$WS' AND state = 'published'")
  draft=$(curl -fsS -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d '{}' \
    "$API/scoring-models/$published/clone" | id_of)
  if [ "$1" -gt 1 ]; then
    local a=$(( $1 % 2 == 0 ? 72 : 70 )) w=$(( $1 % 2 == 0 ? 18 : 15 )) criteria
    criteria=$(curl -fsS -H "Authorization: Bearer $KEY" "$API/scoring-models/$draft" \
      | python3 -c "import json,sys; m=json.load(sys.stdin); c=m['criteria']; [x.pop('points') for x in c]; \
c[11]['weight']=$w; print(json.dumps({'criteria': c, 'thresholds': {'A': $a}}))")
    curl -fsS -o /dev/null -X PATCH -H "Authorization: Bearer $KEY" -H 'Content-Type: application/merge-patch+json' \
      -d "$criteria" "$API/scoring-models/$draft"
  fi
  echo "$draft"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

vacuum
ROWS=()
: > "$WORK/republish"
for run in $(seq 1 "$RUNS"); do
  BASE_MS=$(baseline)
  vacuum
  DRAFT=$(next_draft "$run")
  read -r PUBLISH_MS R0 RPEAK R1 JOB <<< "$(job "scoring-models/$DRAFT/publish")"
  [ -n "$JOB" ] || exit 1
  RESULT=$(result "$JOB")
  CHANGED=$(echo "$RESULT" | grep -o '"changed": *[0-9]*' | grep -o '[0-9]*$')
  vacuum
  echo "  run $run: baseline ${BASE_MS} ms, publish ${PUBLISH_MS} ms ($(ratio "$PUBLISH_MS" "$BASE_MS")×," \
       "$CHANGED history rows; RSS $R0→$RPEAK→$R1 MiB)"
  ROWS+=("| $run | $BASE_MS ms | $PUBLISH_MS ms | $(ratio "$PUBLISH_MS" "$BASE_MS")× | $CHANGED | $R0 / $RPEAK / $R1 MiB |")
  if [ "$run" -gt 1 ]; then echo "$BASE_MS $PUBLISH_MS" >> "$WORK/republish"; fi
done
FIRST_RATIO=$(echo "${ROWS[0]}" | awk -F'|' '{print $5}')
if [ -s "$WORK/republish" ]; then
  REPUBLISH_BASE=$(awk '{print $1}' "$WORK/republish" | median)
  REPUBLISH=$(awk '{print $2}' "$WORK/republish" | median)
  REPUBLISH_LINE="Re-publishing (runs 2–$RUNS, medians): baseline $REPUBLISH_BASE ms, publish $REPUBLISH ms: $(ratio "$REPUBLISH" "$REPUBLISH_BASE")× (goal ≤ 3×)."
else
  REPUBLISH_LINE="(one run only: no re-publishing measured)"
fi
PUBLISHED=$(value "SELECT id FROM scoring_models WHERE workspace_id = '$WS' AND state = 'published'")
CRITERIA=$(value "SELECT jsonb_array_length(criteria) FROM scoring_models WHERE id = '$PUBLISHED'")

# create latency: one curl, one kept-alive connection, CREATES POSTs of the same body; the first half warms up. The
# lead has an owner (a rep of the demo), so that routing — a write of its own for unowned A/B leads — is not counted.
REP=$(value "SELECT id FROM users WHERE workspace_id = '$WS' AND role = 'rep' ORDER BY name, id LIMIT 1")
cat > "$WORK/lead.json" <<JSON
{"ownerId":"$REP","lastName":"Bench","email":"bench@example.com","company":"Bench Co","industry":"Software","employeeCount":800,
 "country":"DE","region":"EMEA","source":"web-form","authority":"decision-maker","budgetStatus":"indicative",
 "timeline":"this-quarter","need":"Forecasting","visits":4,"formFills":1,"lastEngagedAt":"2026-11-20T10:00:00Z"}
JSON
p50_create() {
  local config="$WORK/curl.cfg"
  : > "$config"
  for _ in $(seq 1 "$CREATES"); do printf 'url = "%s/leads"\noutput = "/dev/null"\n' "$API" >> "$config"; done
  curl -s -K "$config" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    --data-binary @"$WORK/lead.json" -w '%{http_code} %{time_total}\n' > "$WORK/times.txt"
  awk '$1 != 201 {bad++} END {exit bad > 0}' "$WORK/times.txt" \
    || { echo "some creates failed:" >&2; cut -d' ' -f1 "$WORK/times.txt" | sort | uniq -c >&2; exit 1; }
  tail -n $(( CREATES / 2 )) "$WORK/times.txt" | awk '{print $2 * 1000}' | median
}
published_model() {  # on / off: the bench's published model stays or is retired (by SQL, not timed)
  if [ "$1" = off ]; then
    value "UPDATE scoring_models SET state = 'retired' WHERE id = '$PUBLISHED'" > /dev/null
  else
    value "UPDATE scoring_models SET state = 'published' WHERE id = '$PUBLISHED'" > /dev/null
  fi
}
CREATE_ROWS=()
: > "$WORK/with"; : > "$WORK/without"
for round in $(seq 1 "$CREATE_ROUNDS"); do
  published_model off; WITHOUT=$(p50_create); echo "$WITHOUT" >> "$WORK/without"
  published_model on; WITH=$(p50_create); echo "$WITH" >> "$WORK/with"
  echo "  creates round $round: p50 without a model ${WITHOUT} ms, with ${WITH} ms"
  CREATE_ROWS+=("| $round | $WITHOUT ms | $WITH ms | $(awk -v a="$WITH" -v b="$WITHOUT" 'BEGIN {printf "%+.2f", a - b}') ms |")
done
WITH_P50=$(median < "$WORK/with")
WITHOUT_P50=$(median < "$WORK/without")
ADDED=$(awk -v a="$WITH_P50" -v b="$WITHOUT_P50" 'BEGIN {printf "%+.2f", a - b}')

mkdir -p bench/results
RESULT_FILE=bench/results/$(date -u +%Y-%m-%d)-$(hostname -s 2>/dev/null || echo host)-leads.md
{
  echo "# Lead scoring benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(machine);"
  echo "API (JVM: ${REVOPS_JAVA_OPTS:--XX:+UseParallelGC -Xmx1g}) and embedded PostgreSQL (fsync on) on the same machine."
  echo "${BENCH_NOTE:-}"
  echo
  echo "Data: $TOTAL leads ($OPEN open), built in ${BUILD_S}s (bench/sql/leads_data.sql). Model: the demo's"
  echo "\"Fit, BANT and engagement\" ($CRITERIA criteria over 8 fields), cloned for each run; runs after the first"
  echo "alternate threshold A (70/72) and the weight of \"engaged in the last two weeks\" (15/18). Chunk size $CHUNK."
  echo
  echo "## Publishing"
  echo
  echo "Each run: the baseline \`UPDATE leads SET score = 42\` on the open leads (psql \\\\timing, rolled back), VACUUM,"
  echo "then POST …/publish → long-poll the job to its end (wall time from the POST; the job re-scores the open leads"
  echo "in chunks, writes a history row per changed lead, switches versions, one transaction), VACUUM."
  echo
  echo "| run | baseline UPDATE | publish job | ratio | history rows | API RSS start / peak / end |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "First publish (every open lead gets its first score and a history row): ratio$FIRST_RATIO."
  echo "$REPUBLISH_LINE"
  echo
  echo "## Score on create"
  echo
  echo "p50 of POST /api/v1/leads ($CREATES requests on one kept-alive connection per measurement, the first half"
  echo "discarded as warm-up; curl time_total), without a published model (retired by SQL) and with it, taking turns:"
  echo
  echo "| round | without model | with model | added |"
  echo "|---|---|---|---|"
  printf '%s\n' "${CREATE_ROWS[@]}"
  echo
  echo "Medians: without $WITHOUT_P50 ms, with $WITH_P50 ms: $ADDED ms added (goal ≤ 2 ms)."
} > "$RESULT_FILE"
cat "$RESULT_FILE"
echo "Written to $RESULT_FILE"
