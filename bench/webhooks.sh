#!/usr/bin/env bash
# make bench-webhooks: webhook delivery throughput to a local receiver. Starts the service on a fresh embedded
# PostgreSQL, subscribes a receiver (bench/WebhookReceiver.java, run from source with `java`, checking every signature)
# to every change of the demo workspace, then writes BENCH_EVENTS lead rows (default 100,000) in psql in one INSERT, so
# the change log gets that many changes at one commit. Measures from that commit to the last event received:
# events/s = events ÷ seconds. Goal (issue 7): ≥ 5,000 events/s. Results: bench/results/<date>-<host>-webhooks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

EVENTS=${BENCH_EVENTS:-100000}
PORT=${BENCH_HTTP_PORT:-18088}
DB_PORT=${BENCH_DB_PORT:-55440}
RECEIVER_PORT=${BENCH_RECEIVER_PORT:-18089}
WORK=bench/work-webhooks
DATA=$WORK/data
source bench/lib.sh
require_psql_and_build
command -v jq >/dev/null || install jq

rm -rf "$WORK" && mkdir -p "$DATA"
echo "Starting the API on :$PORT (embedded PostgreSQL on :$DB_PORT)..."
start_api REVOPS_DEMO_LEADS=0
API=http://localhost:$PORT/api/v1
WS=$(value "SELECT id FROM workspaces LIMIT 1")

SECRET=$(curl -fsS -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' "$API/webhooks" \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"eventTypes\":[\"*\"]}" | jq -r .secret)
RECEIVER_PID=
stop_all() { [ -n "$RECEIVER_PID" ] && kill "$RECEIVER_PID" 2>/dev/null; stop_api; }
trap stop_all EXIT
java bench/WebhookReceiver.java "$RECEIVER_PORT" "$SECRET" "$WORK/received" > "$WORK/receiver.log" 2>&1 &
RECEIVER_PID=$!
for _ in $(seq 1 60); do grep -q listening "$WORK/receiver.log" 2>/dev/null && break; sleep 0.5; done

echo "Writing $EVENTS leads in one INSERT (one change each)..."
START=$(date +%s%3N)
value "INSERT INTO leads (workspace_id, id, last_name, email, company, currency, source, created_at, updated_at)
       SELECT '$WS', gen_random_uuid(), 'Lead ' || k, 'lead' || k || '@bench.example', 'Company ' || (k % 1000),
              'USD', 'web-form', now(), now()
       FROM generate_series(1, $EVENTS) k" > /dev/null
COMMITTED=$(date +%s%3N)
echo "Committed after $(( COMMITTED - START )) ms; waiting for the receiver..."
for _ in $(seq 1 600); do
  GOT=$(cut -d' ' -f1 "$WORK/received" 2>/dev/null || true)
  [ "${GOT:-0}" -ge "$EVENTS" ] && break
  sleep 0.5
done
read -r GOT DUPLICATES BAD FIRST LAST < "$WORK/received"
SECONDS_TAKEN=$(awk -v a="$COMMITTED" -v b="$LAST" 'BEGIN {printf "%.2f", (b - a) / 1000}')
RATE=$(awk -v n="$GOT" -v s="$SECONDS_TAKEN" 'BEGIN {printf "%.0f", n / s}')
DELIVERIES=$(value "SELECT count(*) FROM webhook_deliveries WHERE state = 'delivered'")
FIRST_LATENCY=$(( FIRST - COMMITTED ))
echo "$GOT events in $SECONDS_TAKEN s after the commit: $RATE events/s ($DELIVERIES deliveries, $DUPLICATES duplicates, $BAD bad signatures)"

mkdir -p bench/results
OUT="bench/results/$(date -u +%F)-$(hostname -s)-webhooks.md"
cat > "$OUT" <<MD
# Webhooks: $EVENTS changes delivered to a local receiver ($(date -u +%FT%H:%MZ))

Machine: $(machine). Receiver: bench/WebhookReceiver.java (JDK HttpServer, 8 threads, checks every signature) on the
same machine. Settings: the defaults (poll 250 ms, 100 events per delivery, 16 deliveries in flight).

| measure | value |
|---|---|
| changes written (one INSERT of leads, one commit) | $EVENTS (commit after $(( COMMITTED - START )) ms) |
| events received (distinct ids) | $GOT |
| first request after the commit | $FIRST_LATENCY ms |
| last event received after the commit | $SECONDS_TAKEN s |
| **throughput** | **$RATE events/s** (goal ≥ 5,000) |
| deliveries (HTTP requests) | $DELIVERIES |
| duplicates / bad signatures | $DUPLICATES / $BAD |
MD
echo "Wrote $OUT"
[ "$GOT" -ge "$EVENTS" ] || { echo "not every event arrived"; exit 1; }
