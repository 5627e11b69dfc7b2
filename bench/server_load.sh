#!/usr/bin/env bash
# HTTP load benchmark of `depeche serve` (issue 14; figures in docs/PERFORMANCE.md, "HTTP load").
#
#   bench/server_load.sh [--db FILE] [--reuse] [--build DIR] [--seconds S] [--warmup S]
#                        [--connections "64 256"] [--rate R] [--out FILE] [-- SERVE_ARGS...]
#
# 1. The store: Reuters-21578 without its last 3,000 records (held out for the writer), built
#    once by `depeche_bench_server_load prepare` (--db, default DIR/server_load/reuters.db;
#    --reuse keeps an existing one and its holdout file, FILE.holdout.jsonl).
# 2. For each endpoint (GET /api/stories, GET /api/stories/{id} over the 200 largest stories)
#    and each connection count: a fresh copy of the store, `depeche serve` on a free loopback
#    port, the writer POSTing the held-out articles to /api/articles at R articles/s (default
#    100, 10 per request), an unrecorded warm-up of `wrk` (default 3 s), then
#    `wrk -t2 -cN -dS --latency` (default 20 s) with bench/server_load.lua.
# 3. One JSON line per run (also appended to --out FILE) and a table at the end.
#
# Needs: wrk, jq, curl, and the build's depeche and depeche_bench_server_load (Release).
# Arguments after `--` go to `depeche serve` (e.g. -- --threads 64).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$ROOT/build"
DB=""
REUSE=0
SECONDS_RUN=20
WARMUP=3
CONNECTIONS="64 256"
RATE=100
OUT=""
SERVE_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift 2 ;;
    --reuse) REUSE=1; shift ;;
    --build) BUILD=$(cd "$2" && pwd); shift 2 ;;
    --seconds) SECONDS_RUN=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --) shift; SERVE_ARGS=("$@"); break ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "server_load.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

DEPECHE="$BUILD/apps/depeche/depeche"
TOOL="$BUILD/bench/depeche_bench_server_load"
for f in "$DEPECHE" "$TOOL"; do
  [ -x "$f" ] || { echo "server_load.sh: $f is missing (cmake --build $BUILD --target depeche depeche_bench_server_load)" >&2; exit 1; }
done
for c in wrk jq curl; do
  command -v "$c" > /dev/null || { echo "server_load.sh: $c is missing" >&2; exit 1; }
done
[ -n "$DB" ] || DB="$BUILD/server_load/reuters.db"
mkdir -p "$(dirname "$DB")"
HOLDOUT="$DB.holdout.jsonl"

if [ "$REUSE" = 1 ] && [ -f "$DB" ] && [ -f "$HOLDOUT" ]; then
  echo "reusing $DB" >&2
else
  rm -f "$DB" "$DB-wal" "$DB-shm" "$HOLDOUT"
  "$TOOL" prepare --db "$DB" --holdout "$HOLDOUT" --holdout-count 3000
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/depeche_server_load.XXXXXX")
SERVER_PID=""
WRITER_PID=""
cleanup() {
  [ -n "$WRITER_PID" ] && kill "$WRITER_PID" 2> /dev/null || true
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2> /dev/null || true
  wait 2> /dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The story ids the {id} runs spread over: the 200 largest stories of the store.
"$DEPECHE" --db "$DB" stories --json --sort size -n 200 | jq -r '.[].id' > "$WORK/ids.txt"
[ -s "$WORK/ids.txt" ] || { echo "server_load.sh: no stories in $DB" >&2; exit 1; }

CPU=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
RESULTS="$WORK/results.jsonl"
: > "$RESULTS"

run_one() {  # endpoint-name connections
  local name=$1 conns=$2 path ids_arg
  if [ "$name" = stories ]; then path=/api/stories; ids_arg=""; else path=/api/stories/; ids_arg="$WORK/ids.txt"; fi
  rm -f "$WORK"/run.db*
  cp "$DB" "$WORK/run.db"
  [ -f "$DB-wal" ] && cp "$DB-wal" "$WORK/run.db-wal"
  "$DEPECHE" --db "$WORK/run.db" serve --port 0 "${SERVE_ARGS[@]}" 2> "$WORK/serve.log" &
  SERVER_PID=$!
  local port=""
  for _ in $(seq 1 200); do
    port=$(sed -n 's|.*http://[^:]*:\([0-9]*\)/.*|\1|p' "$WORK/serve.log" | head -1)
    [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
    port=""
    sleep 0.05
  done
  [ -n "$port" ] || { echo "server_load.sh: the server did not start:" >&2; cat "$WORK/serve.log" >&2; exit 1; }
  local url="http://127.0.0.1:$port$path"
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  "$TOOL" writer --port "$port" --jsonl "$HOLDOUT" --rate "$RATE" --batch 10 \
    --seconds $((WARMUP + SECONDS_RUN + 5)) > "$WORK/writer.json" &
  WRITER_PID=$!
  if [ "$WARMUP" -gt 0 ]; then
    wrk -t2 -c"$conns" -d"${WARMUP}s" -s "$ROOT/bench/server_load.lua" "$url" -- $ids_arg > /dev/null
  fi
  wrk -t2 -c"$conns" -d"${SECONDS_RUN}s" --latency -s "$ROOT/bench/server_load.lua" "$url" -- $ids_arg > "$WORK/wrk.out"
  kill -TERM "$WRITER_PID"
  wait "$WRITER_PID" || true
  WRITER_PID=""
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID" || true
  SERVER_PID=""
  local wrk_json
  wrk_json=$(grep '^{' "$WORK/wrk.out" | tail -1)
  jq -c -n --argjson w "$wrk_json" --slurpfile writer "$WORK/writer.json" \
    --arg endpoint "GET $path$([ -n "$ids_arg" ] && echo '{id}')" --argjson conns "$conns" \
    --arg load "$load" --arg cpu "$CPU" --arg date "$(date -u +%FT%TZ)" \
    --arg serve_args "${SERVE_ARGS[*]}" --argjson cores "$(nproc)" '
    {date: $date, endpoint: $endpoint, connections: $conns, threads: 2,
     seconds: ($w.duration_us / 1e6), requests: $w.requests,
     requests_per_s: ($w.requests / ($w.duration_us / 1e6)),
     p50_ms: ($w.latency_p50_us / 1000), p90_ms: ($w.latency_p90_us / 1000),
     p99_ms: ($w.latency_p99_us / 1000), max_ms: ($w.latency_max_us / 1000),
     non_2xx: $w.errors_status,
     socket_errors: ($w.errors_connect + $w.errors_read + $w.errors_write),
     timeouts: $w.errors_timeout,
     errors: ($w.errors_status + $w.errors_connect + $w.errors_read + $w.errors_write + $w.errors_timeout),
     writer: $writer[0], load_before: ($load | tonumber), cores: $cores, cpu: $cpu,
     serve_args: $serve_args}' | tee -a "$RESULTS"
}

for name in stories story; do
  for conns in $CONNECTIONS; do
    run_one "$name" "$conns"
  done
done

[ -n "$OUT" ] && cat "$RESULTS" >> "$OUT"
echo
printf '%-22s %5s %9s %8s %8s %8s %7s %6s %8s %10s %7s %5s\n' endpoint conns req/s p50_ms p99_ms max_ms non2xx sock timeouts writer/s w_errs load
jq -r '[.endpoint, .connections, (.requests_per_s | floor), (.p50_ms * 100 | round / 100),
        (.p99_ms * 100 | round / 100), (.max_ms | round), .non_2xx, .socket_errors, .timeouts,
        (.writer.rate_achieved * 10 | round / 10), .writer.errors, .load_before] | @tsv' "$RESULTS" |
  while IFS=$'\t' read -r e c r p50 p99 mx n s t w we l; do
    printf '%-22s %5s %9s %8s %8s %8s %7s %6s %8s %10s %7s %5s\n' "$e" "$c" "$r" "$p50" "$p99" "$mx" "$n" "$s" "$t" "$w" "$we" "$l"
  done
echo "targets: p99 <= 20 ms and 0 errors at every connection count, with the writer at $RATE articles/s"
