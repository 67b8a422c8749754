# bench/lib.sh: what the benchmark scripts share. Sourced from the repository root after PORT, DB_PORT, WORK and DATA
# are set; starts nothing by itself.
JAR=target/quarkus-app/quarkus-run.jar

install() {  # Debian packages, installed by the project so a fresh machine can run the benchmark
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@";
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; fi
}

require_psql_and_build() {
  command -v psql >/dev/null || install postgresql-client
  command -v psql >/dev/null || { echo "psql is needed (Debian: postgresql-client)"; exit 1; }
  command -v python3 >/dev/null || install python3
  [ -f "$JAR" ] && [ -f target/launcher.classpath ] \
    || { echo "build first: make build (or ./mvnw package -DskipTests)"; exit 1; }
}

LAUNCHER=
API_PID=
stop_api() {
  [ -n "$LAUNCHER" ] || return 0
  kill "$LAUNCHER" 2>/dev/null || true
  wait "$LAUNCHER" 2>/dev/null || true
  LAUNCHER=
}

# Starts the API on $PORT over the embedded PostgreSQL in $DATA (on $DB_PORT), the small demo seed giving the
# workspace, its users and an API key; extra settings as NAME=value arguments. Waits until it is ready; sets API_PID
# (the service, the launcher's child), KEY, PSQL and value. Stopped when the script exits.
start_api() {
  trap stop_api EXIT
  env QUARKUS_HTTP_PORT="$PORT" REVOPS_EMBEDDED_DB_PORT="$DB_PORT" REVOPS_DEMO_OPPORTUNITIES=100 \
    REVOPS_RATE_LIMIT_PER_MINUTE=1000000000 "$@" \
    java -cp "target/test-classes:$(cat target/launcher.classpath)" org.revops.devrun.DevLauncher "$DATA" "$JAR" \
    >> "$WORK/api.log" 2>&1 &
  LAUNCHER=$!
  for _ in $(seq 1 300); do
    [ -s "$DATA/demo-api-key" ] && curl -fsS -o /dev/null "http://localhost:$PORT/q/health/ready" 2>/dev/null && break
    sleep 1
  done
  curl -fsS -o /dev/null "http://localhost:$PORT/q/health/ready" \
    || { echo "the API did not start"; tail -20 "$WORK/api.log"; exit 1; }
  API_PID=$(pgrep -P "$LAUNCHER" java | head -1)
  [ -n "$API_PID" ] || { echo "API process not found"; exit 1; }
  KEY=$(cat "$DATA/demo-api-key")
  PSQL=(psql -X -q -h localhost -p "$DB_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1)
}
value() { "${PSQL[@]}" -tA -c "$1"; }

median() {  # of the numbers on stdin, with $1 decimals (default 1)
  sort -g | awk -v d="${1:-1}" '{v[NR] = $1}
    END {f = "%." d "f"; if (NR % 2) printf f, v[(NR + 1) / 2]; else printf f, (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

machine() {  # the machine line of a results file
  echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(java -version 2>&1 | head -1)"
}

# One psql session runs a prepared statement and, between two executions, one API request with curl (psql's \!), so
# both sides see the same moment of a shared machine; \timing times the SQL statements only. $1 the API path and
# query, $2 the statement file in bench/sql, $3 its EXECUTE arguments; WARMUP and RUNS rounds. Writes the seconds of
# each request to $WORK/api.times and the milliseconds of each statement to $WORK/sql.times.
measure_turns() {
  local curl="curl -fsS -o /dev/null -w '%{time_total}\n' -H 'Authorization: Bearer $KEY'"
  curl+=" 'http://localhost:$PORT$1'"
  : > "$WORK/api.times"
  {
    echo "PREPARE measured AS"
    grep -v '^--' "bench/sql/$2"
    for _ in $(seq 1 "$WARMUP"); do echo "EXECUTE measured($3);"; echo "\\! $curl > /dev/null"; done
    echo '\timing on'
    for _ in $(seq 1 "$RUNS"); do echo "EXECUTE measured($3);"; echo "\\! $curl >> $WORK/api.times"; done
  } > "$WORK/measure.sql"
  "${PSQL[@]}" -f "$WORK/measure.sql" | awk '/^Time: / {print $2}' > "$WORK/sql.times"
  [ "$(wc -l < "$WORK/api.times")" -eq "$RUNS" ] && [ "$(wc -l < "$WORK/sql.times")" -eq "$RUNS" ] \
    || { echo "a run failed"; exit 1; }
}
