#!/usr/bin/env bash
# make bench: the API against pgbench running the same SQL on the same database, in the same run.
# Seeds a fresh embedded PostgreSQL with the demo generator at BENCH_OPPORTUNITIES (default 100k), warms up,
# then measures each workload with wrk and with pgbench and prints the ratio. Results: bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

OPPS=${BENCH_OPPORTUNITIES:-100000}
DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
PORT=${BENCH_HTTP_PORT:-18080}
DB_PORT=${BENCH_DB_PORT:-55432}
WORK=bench/work
DATA=$WORK/data

need() { command -v "$1" >/dev/null 2>&1; }
source bench/lib.sh
need wrk || install wrk
need pgbench || install postgresql-client "postgresql-$(apt-cache policy postgresql 2>/dev/null | sed -n 's/.*Candidate: \([0-9]*\).*/\1/p')" || true
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1)
[ -x "$PGBENCH" ] || { echo "pgbench not found"; exit 1; }

rm -rf "$WORK" && mkdir -p "$DATA"
echo "Starting the API on :$PORT with $OPPS opportunities (embedded PostgreSQL on :$DB_PORT)..."
QUARKUS_HTTP_PORT=$PORT REVOPS_EMBEDDED_DB_PORT=$DB_PORT REVOPS_DEMO_OPPORTUNITIES=$OPPS \
  java -cp "target/test-classes:$(cat target/launcher.classpath)" org.revops.devrun.DevLauncher "$DATA" \
  target/quarkus-app/quarkus-run.jar > "$WORK/api.log" 2>&1 &
LAUNCHER=$!
trap 'kill $LAUNCHER 2>/dev/null; wait $LAUNCHER 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do [ -s "$DATA/demo-api-key" ] && break; sleep 1; done
[ -s "$DATA/demo-api-key" ] || { echo "the API did not seed in time"; tail -20 "$WORK/api.log"; exit 1; }
KEY=$(cat "$DATA/demo-api-key")
PSQL=(psql -h localhost -p "$DB_PORT" -U postgres -d postgres -tA)
psql_() { "${PSQL[@]}" -c "$1"; }
psql_ "ANALYZE" >/dev/null

WS=$(psql_ "SELECT id FROM workspaces LIMIT 1")
DEAL=$(psql_ "SELECT id FROM opportunities WHERE workspace_id = '$WS' ORDER BY id LIMIT 1 OFFSET 5000")
STAGE=$(psql_ "SELECT s.id FROM stages s JOIN pipelines p ON p.workspace_id = s.workspace_id AND p.id = s.pipeline_id
               WHERE s.workspace_id = '$WS' AND p.name = 'New business' AND s.position = 2")
KEYHASH=$(printf '%s' "$KEY" | sha256sum | cut -d' ' -f1)
echo "workspace $WS, deal $DEAL, stage $STAGE"

BY_ID="/api/v1/opportunities/$DEAL"
LIST="/api/v1/opportunities?stageId=$STAGE&sort=closeDate&limit=50"

render() {  # the endpoint's SQL, with this run's values, for pgbench
  sed -e "s/:ws/'$WS'/g" -e "s/:deal/'$DEAL'/g" -e "s/:stage/'$STAGE'/g" -e "s/:keyhash/'\\\\x$KEYHASH'::bytea/g" "bench/sql/$1" > "$WORK/$1"
}
render get_by_id.sql; render list_page.sql; render auth.sql

wrk_rps() {  # prints requests/s
  wrk -t2 -c"$CONNECTIONS" -d"$1"s --latency -H "Authorization: Bearer $KEY" "http://localhost:$PORT$2" > "$WORK/wrk.out"
  grep -q 'Non-2xx' "$WORK/wrk.out" && { cat "$WORK/wrk.out"; echo "errors from the API"; exit 1; }
  awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out"
}
p99() { awk '/ 99%/ {print $2}' "$WORK/wrk.out"; }
pgbench_tps() {
  "$PGBENCH" -h localhost -p "$DB_PORT" -U postgres -n -M prepared -c "$CONNECTIONS" -j 2 -T "$DURATION" \
    -f "$WORK/$1" postgres 2>/dev/null | awk '/^tps/ {print $3}'
}

curl -fsS -H "Authorization: Bearer $KEY" "http://localhost:$PORT$BY_ID" > /dev/null
curl -fsS -H "Authorization: Bearer $KEY" "http://localhost:$PORT$LIST" | grep -q '"nextCursor"'
echo "Warming up (${WARMUP}s per endpoint)..."
wrk_rps "$WARMUP" "$BY_ID" > /dev/null
wrk_rps "$WARMUP" "$LIST" > /dev/null

echo "Measuring (${DURATION}s each, $CONNECTIONS connections)..."
API_ID=$(wrk_rps "$DURATION" "$BY_ID"); P99_ID=$(p99)
PG_ID=$(pgbench_tps get_by_id.sql)
API_LIST=$(wrk_rps "$DURATION" "$LIST"); P99_LIST=$(p99)
PG_LIST=$(pgbench_tps list_page.sql)
PG_AUTH=$(pgbench_tps auth.sql)
RSS=$(ps -o rss= -p "$(pgrep -f quarkus-run.jar | head -1)" | awk '{printf "%.0f", $1/1024}')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
mkdir -p bench/results
RESULT=bench/results/$(date -u +%Y-%m-%d)-$(hostname -s 2>/dev/null || echo host).md
{
  echo "# Read-path benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(machine)."
  echo "Data: $OPPS opportunities (demo generator, seed fixed). wrk -t2 -c$CONNECTIONS and pgbench -M prepared -c$CONNECTIONS -j2,"
  echo "${DURATION}s each after ${WARMUP}s of warm-up per endpoint; API and database on the same 2 cores."
  echo
  echo "| workload | API (wrk) | API p99 | pgbench, same SQL | ratio | goal |"
  echo "|---|---|---|---|---|---|"
  echo "| GET /opportunities/{id} | $API_ID rps | $P99_ID | $PG_ID tps | $(ratio "$API_ID" "$PG_ID")× | ≥ 0.30× |"
  echo "| GET /opportunities?stageId=…&sort=closeDate&limit=50 | $API_LIST rps | $P99_LIST | $PG_LIST tps | $(ratio "$API_LIST" "$PG_LIST")× | ≥ 0.35× |"
  echo
  echo "\"Same SQL\" is the statements the endpoint sends: the API-key lookup and the read (bench/sql/). The key"
  echo "lookup alone runs at $PG_AUTH tps in pgbench. Service RSS after the run: ${RSS} MiB."
} | tee "$RESULT"
echo "Written to $RESULT"
