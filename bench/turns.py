#!/usr/bin/env python3
"""Times an API request and a prepared SQL statement taking turns, both over connections kept open.

The psql side of bench/lib.sh's measure_turns runs on an open session with a prepared statement; its API side opens a
new connection per request (a curl per run). This is the same comparison on equal footing: one HTTP/1.1 keep-alive
connection to the API and one psql session, used alternately, so a busy machine slows both alike.

usage: turns.py URL API_KEY PSQL_ARGS_JSON STATEMENT_FILE EXECUTE_ARGS WARMUP RUNS OUT_API OUT_SQL [WARM_SECONDS]
First the API alone is called for WARM_SECONDS (default 0), as a long-running service is warm (its JIT compiler has
compiled the request path; PostgreSQL's statement needs no such warm-up); then WARMUP untimed turns, then RUNS.
Writes the milliseconds of each timed request to OUT_API and of each statement (psql \\timing) to OUT_SQL.
"""
import http.client
import json
import subprocess
import sys
import time
import urllib.parse


def main():
    url, key, psql_args, statement_file, execute_args, warmup, runs, out_api, out_sql = sys.argv[1:10]
    warmup, runs = int(warmup), int(runs)
    warm_seconds = float(sys.argv[10]) if len(sys.argv) > 10 else 0.0
    target = urllib.parse.urlsplit(url)
    path = target.path + ("?" + target.query if target.query else "")
    http_conn = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
    psql = subprocess.Popen(json.loads(psql_args), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def send(line):
        psql.stdin.write(line + "\n")
        psql.stdin.flush()

    def sql_once():
        """Executes the statement; returns psql's \\timing of it in ms."""
        send(f"EXECUTE measured({execute_args});")
        send("\\echo turns-done")
        timing = None
        for line in psql.stdout:
            if line.startswith("Time: "):
                timing = float(line.split()[1])
            elif line.strip() == "turns-done":
                return timing
        raise SystemExit("psql ended early")

    def api_once():
        started = time.perf_counter()
        http_conn.request("GET", path, headers={"Authorization": "Bearer " + key})
        answer = http_conn.getresponse()
        answer.read()
        elapsed = (time.perf_counter() - started) * 1000
        if answer.status != 200:
            raise SystemExit(f"the API answered {answer.status}")
        return elapsed

    with open(statement_file) as text:
        statement = "".join(line for line in text if not line.startswith("--")).strip().rstrip(";")
    send("\\pset tuples_only on")
    send("PREPARE measured AS " + statement.replace("\n", " ") + ";")
    send("\\timing on")
    warm_until = time.monotonic() + warm_seconds
    while time.monotonic() < warm_until:
        api_once()
    api_times, sql_times = [], []
    for run in range(warmup + runs):
        sql_ms, api_ms = sql_once(), api_once()
        if run >= warmup:
            sql_times.append(sql_ms)
            api_times.append(api_ms)
    send("\\q")
    psql.wait()
    with open(out_api, "w") as out:
        out.write("".join(f"{ms:.3f}\n" for ms in api_times))
    with open(out_sql, "w") as out:
        out.write("".join(f"{ms:.3f}\n" for ms in sql_times))


if __name__ == "__main__":
    main()
