#!/usr/bin/env bash
# make bench-imports: a CSV import of BENCH_ROWS lead rows (default 1,000,000; issue 7: "no row limit below a
# million") through POST /api/v1/imports: the upload (streamed, checked and stored in chunks) and the job that upserts
# the rows chunk by chunk, with the service's resident memory sampled every second. Half the rows update leads seeded
# beforehand, half are new, as in bench-batch. Results: bench/results/<date>-<host>-imports.md.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${BENCH_ROWS:-1000000}
PORT=${BENCH_HTTP_PORT:-18090}
DB_PORT=${BENCH_DB_PORT:-55442}
WORK=bench/work-imports
DATA=$WORK/data
source bench/lib.sh
require_psql_and_build

rm -rf "$WORK" && mkdir -p "$DATA"
echo "Writing $ROWS rows of CSV..."
python3 - "$ROWS" "$WORK/leads.csv" <<'PY'
import sys
rows, path = int(sys.argv[1]), sys.argv[2]
industries = ["Software", "Manufacturing", "Retail", "Healthcare", "Energy"]
countries = ["US", "CA", "DE", "GB", "FR", "NL", "JP", "AU"]
with open(path, "w") as f:
    f.write("Id,Last name,Email,Title,Company,Industry,Employees,Country,Source,Visits\n")
    for i in range(rows):
        k = i // 2
        key = ("N%d" if i % 2 == 0 else "U%d") % k
        f.write('%s,Lead %d,lead%d@bench.example,New,"Company %d, Inc.",%s,%d,%s,web-form,%d\n'
                % (key, k, k, k % 20000, industries[k % 5], k % 5000, countries[k % 8], k % 7))
PY
echo "Starting the API on :$PORT (embedded PostgreSQL on :$DB_PORT)..."
start_api REVOPS_DEMO_LEADS=0
WS=$(value "SELECT id FROM workspaces LIMIT 1")
value "UPDATE scoring_models SET state = 'retired' WHERE state = 'published';
       UPDATE territory_models SET state = 'archived' WHERE state = 'active'" > /dev/null
value "INSERT INTO leads (workspace_id, id, last_name, email, title, currency, source, external_source, external_id,
                          created_at, updated_at)
       SELECT '$WS', gen_random_uuid(), 'Lead ' || k, 'lead' || k || '@bench.example', 'Old', 'USD', 'web-form',
              'bench', 'U' || k, now(), now()
       FROM generate_series(0, $ROWS / 2 - 1) k" > /dev/null
"${PSQL[@]}" -c "VACUUM ANALYZE leads" > /dev/null

rss() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$API_PID/status"; }
RSS0=$(rss)
( while kill -0 "$API_PID" 2>/dev/null; do rss >> "$WORK/rss"; echo >> "$WORK/rss"; sleep 1; done ) &
SAMPLER=$!
MAPPING='{"Id":"externalId","Last name":"lastName","Email":"email","Title":"title","Company":"company","Industry":"industry","Employees":"employeeCount","Country":"country","Source":"source","Visits":"visits"}'
echo "Uploading $(du -m "$WORK/leads.csv" | cut -f1) MB..."
UPLOAD_START=$(date +%s%3N)
curl -fsS -o "$WORK/accepted.json" -H "Authorization: Bearer $KEY" -H 'Content-Type: text/csv' \
  --data-binary "@$WORK/leads.csv" --url-query object=leads --url-query externalSource=bench \
  --url-query "mapping=$MAPPING" "http://localhost:$PORT/api/v1/imports"
UPLOADED=$(date +%s%3N)
IMPORT=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$WORK/accepted.json")
while :; do
  curl -fsS -o "$WORK/import.json" -H "Authorization: Bearer $KEY" "http://localhost:$PORT/api/v1/imports/$IMPORT"
  STATE=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["state"])' "$WORK/import.json")
  [ "$STATE" = succeeded ] || [ "$STATE" = failed ] && break
  sleep 0.5
done
DONE=$(date +%s%3N)
kill "$SAMPLER" 2>/dev/null || true
PEAK=$(sort -n "$WORK/rss" | tail -1)
CHECK=$(value "SELECT count(*) FILTER (WHERE title = 'New') || ' of ' || count(*) FROM leads
               WHERE workspace_id = '$WS' AND external_source = 'bench'")
secs() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", (b - a) / 1000}'; }
mkdir -p bench/results
RESULT_FILE=bench/results/$(date -u +%Y-%m-%d)-$(hostname -s 2>/dev/null || echo host)-imports.md
{
  echo "# CSV import: $ROWS lead rows, half new and half updates ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Machine: $(machine). API (JVM: -XX:+UseParallelGC -Xmx1g) and embedded PostgreSQL on the same machine."
  echo
  echo "| step | seconds | rows/s |"
  echo "|---|---|---|"
  echo "| upload: streamed, checked, stored in chunks (202) | $(secs "$UPLOAD_START" "$UPLOADED") | $(awk -v n="$ROWS" -v a="$UPLOAD_START" -v b="$UPLOADED" 'BEGIN {printf "%.0f", n * 1000 / (b - a)}') |"
  echo "| job: every chunk through the leads batch upsert | $(secs "$UPLOADED" "$DONE") | $(awk -v n="$ROWS" -v a="$UPLOADED" -v b="$DONE" 'BEGIN {printf "%.0f", n * 1000 / (b - a)}') |"
  echo "| whole import | $(secs "$UPLOAD_START" "$DONE") | $(awk -v n="$ROWS" -v a="$UPLOAD_START" -v b="$DONE" 'BEGIN {printf "%.0f", n * 1000 / (b - a)}') |"
  echo
  echo "File: $(du -m "$WORK/leads.csv" | cut -f1) MB. Final state: $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["state"], json.dumps(d["counts"]))' "$WORK/import.json")."
  echo "Leads titled New after the import: $CHECK. API resident memory: $RSS0 MiB before, peak $PEAK MiB."
} > "$RESULT_FILE"
cat "$RESULT_FILE"
echo "Written to $RESULT_FILE"
