#!/usr/bin/env bash
# Several `depeche ingest` worker processes on one PostgreSQL database (issue 16, "Many
# workers, one story space"), against one SQLite ingest of the same input.
#
#   bench/pg_workers.sh            # Reuters-21578 with 1, 2 and 4 workers, then the fault tests
#
# Environment (all optional):
#   DATA=DIR        input folder (default ../shared/data/reuters21578; the replay as JSONL:
#                   build/bench/depeche_replay_jsonl --out DIR [--total N]); its files are dealt to
#                   the workers in turn (file i to worker i mod N)
#   WORKERS="1 2 4" worker counts; each run ingests into a fresh database
#   THREADS=1       `ingest --threads` of each worker (1: analysis on the worker's one thread)
#   BATCH=N         EngineConfig::batch_size of every run (default: the product's, 4096),
#                   through a DEPECHE_CONFIG file
#   FAULTS=1        0 skips the fault tests (kill -9 of a worker, PostgreSQL restart)
#   ORDER_CHECK=1   0 skips the same-order check: after each PostgreSQL run, one SQLite process
#                   ingests the files in the order the run committed them (one batch a file
#                   when BATCH is the files' record count) and the run's partition is scored
#                   against it; 1.0 means the workers stored exactly what one sequential
#                   writer stores for that order, and what B3 loses against the file-order
#                   SQLite run is the online clustering's dependence on order
#   DURABLE=1       fsync, synchronous_commit and full_page_writes on (the test cluster has
#                   them off); 0 keeps the test cluster's settings
#   OUT=DIR         where the logs, timings and partitions go (default: a temporary folder)
#   DEPECHE, COMPARE  the binaries (default build/apps/depeche/depeche and
#                   build/bench/depeche_partition_compare)
#
# For each run it prints: wall time, articles/s (articles stored / wall), peak RSS per worker
# (/usr/bin/time %M), the share of the wall time the story-space advisory lock was held and
# how many workers waited for it on average (pg_locks sampled every 0.2 s), the article count
# and duplicate checks, and B-cubed of the run's article -> story partition against the SQLite
# run (depeche_partition_compare, the evaluation's ScoreClustering). A summary in Markdown is
# written to OUT/summary.md. The cluster is started with scripts/pg-test-cluster.sh in a
# temporary folder and stopped (and removed) at exit.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${DATA:-$root/../shared/data/reuters21578}"
WORKERS="${WORKERS:-1 2 4}"
THREADS="${THREADS:-1}"
FAULTS="${FAULTS:-1}"
ORDER_CHECK="${ORDER_CHECK:-1}"
DURABLE="${DURABLE:-1}"
DEPECHE="${DEPECHE:-$root/build/apps/depeche/depeche}"
COMPARE="${COMPARE:-$root/build/bench/depeche_partition_compare}"
cluster_script="${PG_CLUSTER_SCRIPT:-$root/scripts/pg-test-cluster.sh}"

for tool in "$DEPECHE" "$COMPARE"; do
  [[ -x "$tool" ]] || { echo "pg_workers: $tool not built" >&2; exit 2; }
done
for tool in jq psql sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "pg_workers: $tool missing" >&2; exit 2; }
done
[[ -x "$cluster_script" ]] || { echo "pg_workers: $cluster_script missing" >&2; exit 2; }
mapfile -t inputs < <(find "$DATA" -maxdepth 1 -type f \( -name '*.sgm' -o -name '*.sgm.gz' \
  -o -name '*.jsonl' -o -name '*.jsonl.gz' \) | sort)
[[ ${#inputs[@]} -gt 0 ]] || { echo "pg_workers: no input files in $DATA" >&2; exit 2; }

work="$(mktemp -d /tmp/depeche_pg_workers.XXXXXX)"
chmod 755 "$work"  # the server runs as `postgres` and must reach its folder
keep_work=0
[[ -n "${OUT:-}" ]] || keep_work=1
OUT="${OUT:-$work/out}"
mkdir -p "$OUT"
cluster="$work/cluster"
cleanup() {
  "$cluster_script" stop "$cluster" >/dev/null 2>&1 || true
  if [[ "$keep_work" == 1 ]]; then rm -rf "$cluster" "$work/sqlite.db"; else rm -rf "$work"; fi
}
trap cleanup EXIT
"$cluster_script" start "$cluster" >/dev/null
base="$(cat "$cluster/url")"
bindir="$("$cluster_script" bindir)"
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [[ "$DURABLE" == 1 ]]; then
  psql -q "${base}postgres" -c "ALTER SYSTEM SET fsync = on" \
    -c "ALTER SYSTEM SET synchronous_commit = on" -c "ALTER SYSTEM SET full_page_writes = on" \
    -c "SELECT pg_reload_conf()" >/dev/null
fi
if [[ -n "${BATCH:-}" ]]; then
  echo "{\"batch_size\": $BATCH}" >"$work/config.json"
  export DEPECHE_CONFIG="$work/config.json"
fi
echo "pg_workers: cluster $base ($(psql -Atc 'SHOW server_version' "${base}postgres")," \
  "fsync $(psql -Atc 'SHOW fsync' "${base}postgres"), batch ${BATCH:-4096}," \
  "--threads $THREADS); output in $OUT"

summary="$OUT/summary.md"
{
  echo "| run | workers | wall s | articles | articles/s | machine CPU ms per article | peak RSS per worker (MiB) | lock held | waiting | distinct ids / urls / records | B3 P / R / F1 vs SQLite | B3 F1 vs SQLite in the run's order |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
} >"$summary"

now() { date +%s.%N; }
# Busy CPU seconds of the whole machine so far (workers, PostgreSQL's processes and the rest:
# run on a quiet machine), from /proc/stat.
busy_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / {print ($2 + $3 + $4 + $7 + $8) / hz}' /proc/stat
}

# Creates and migrates a database (an ingest of nothing), so that the workers' timings are the
# ingest alone.
: >"$work/empty.jsonl"
create_db() {
  "$DEPECHE" --db "$1" ingest -q "$work/empty.jsonl" >/dev/null
}

# The files of worker `i` of `n`.
worker_inputs() {
  local i="$1" n="$2" j
  for ((j = 0; j < ${#inputs[@]}; ++j)); do
    ((j % n == i)) && echo "${inputs[$j]}"
  done
  return 0
}

# Starts worker `i` of `n` of run `name` on `db` in the background; sets started_pid (the
# /usr/bin/time process; the worker is its child).
start_worker() {
  local name="$1" db="$2" i="$3" n="$4" attempt="${5:-1}"
  local files
  mapfile -t files < <(worker_inputs "$i" "$n")
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/$name.w$i.$attempt.time" \
    "$DEPECHE" --db "$db" ingest --threads "$THREADS" -q --json "${files[@]}" \
    >"$OUT/$name.w$i.$attempt.json" 2>"$OUT/$name.w$i.$attempt.err" &
  started_pid=$!
}

# Samples the story-space advisory lock until the file `$1.stop` exists: one line per sample,
# "<held> <waiting>".
sample_lock() {
  local db="$1" file="$2"
  while [[ ! -e "$file.stop" ]]; do
    psql -Atc "SELECT count(*) FILTER (WHERE granted), count(*) FILTER (WHERE NOT granted)
               FROM pg_locks WHERE locktype = 'advisory'" "$db" 2>/dev/null | tr '|' ' ' \
      >>"$file" || true
    sleep 0.2
  done
}

# "held-share mean-waiting" from a sample file.
lock_share() {
  awk '{n++; if ($1 > 0) held++; wait += $2} END {if (n == 0) print "n/a n/a";
       else printf "%.0f%% %.2f\n", 100 * held / n, wait / n}' "$1"
}

# Counts on a database (PostgreSQL URI or SQLite path): "articles distinct_ids distinct_urls
# urls distinct_records", a record being its origin and content.
count_sql="SELECT count(*), count(DISTINCT id), count(DISTINCT NULLIF(url, '')),
  count(NULLIF(url, '')),
  count(DISTINCT origin_path || ':' || origin_line || ':' || content_hash) FROM articles"
counts() {
  if [[ "$1" == postgres* ]]; then
    psql -Atc "$count_sql" "$1" | tr '|' ' '
  else
    sqlite3 -separator ' ' "$1" "$count_sql"
  fi
}

# article -> story partition of a database, as TSV, paged through `depeche articles --json`
# (100,000 a page, the command's maximum).
dump_partition() {
  local offset=0 page
  : >"$2"
  while true; do
    page="$("$DEPECHE" --db "$1" articles --json -n 100000 --offset "$offset" |
      jq -r '.[] | [.id, .story_id] | @tsv')"
    [[ -n "$page" ]] || break
    echo "$page" >>"$2"
    offset=$((offset + 100000))
  done
}

# B-cubed "P / R / F1" of `$1` against the SQLite run, plus the article sets' difference.
b3() {
  local json
  json="$("$COMPARE" "$OUT/sqlite.tsv" "$1")"
  echo "$json" >"${1%.tsv}.b3.json"
  jq -r '"\(.b3_precision*10000|round/10000) / \(.b3_recall*10000|round/10000) / \(.b3_f1*10000|round/10000)" +
         (if .only_reference + .only_test > 0 then
            " (only SQLite \(.only_reference), only here \(.only_test))" else "" end)' <<<"$json"
}

# B3 F1 of run `$1` (database `$2`) against one SQLite process ingesting the same files in the
# order the run committed them (the order of their first article ids; a batch is a file when
# BATCH is the files' record count).
same_order_b3() {
  local name="$1" db="$2" f files=() names=() json
  [[ "$ORDER_CHECK" == 1 ]] || { echo "-"; return 0; }
  mapfile -t names < <(psql -Atc "SELECT origin_path FROM articles GROUP BY origin_path
                                  ORDER BY min(rowid)" "$db")
  for f in "${names[@]}"; do files+=("$DATA/$f"); done
  printf '%s\n' "${names[@]}" >"$OUT/$name.order.txt"
  rm -f "$work/order.db"*
  "$DEPECHE" --db "$work/order.db" ingest --threads "$THREADS" -q "${files[@]}" \
    >/dev/null 2>"$OUT/$name.order.err" || true
  dump_partition "$work/order.db" "$OUT/$name.order.tsv"
  rm -f "$work/order.db"*
  json="$("$COMPARE" "$OUT/$name.order.tsv" "$OUT/$name.tsv")"
  echo "$json" >"$OUT/$name.order.b3.json"
  jq -r '"\(.b3_f1*10000|round/10000)" + (if .only_reference + .only_test > 0 then
           " (only SQLite \(.only_reference), only here \(.only_test))" else "" end)' <<<"$json"
}

# Peak RSS of the workers of a run, MiB, from their time files.
rss_list() {
  local name="$1" f out=""
  for f in "$OUT/$name".w*.time; do
    out+="$(awk 'END {printf "%.0f", $4 / 1024}' "$f") "
  done
  echo "${out% }"
}

# Checks after a run: the count of distinct records equals SQLite's, nothing twice.
check_counts() {
  local name="$1" db="$2" c
  read -r -a c <<<"$(counts "$db")"
  local verdict="ok"
  [[ "${c[0]}" == "${ref_counts[0]}" ]] || verdict="ARTICLES ${c[0]} != ${ref_counts[0]}"
  [[ "${c[0]}" == "${c[1]}" && "${c[2]}" == "${c[3]}" && "${c[0]}" == "${c[4]}" ]] ||
    verdict="DUPLICATES"
  echo "${c[0]} articles; distinct ids ${c[1]}, urls ${c[2]}/${c[3]}, records ${c[4]}: $verdict" \
    >"$OUT/$name.counts"
  checks="${c[1]} / ${c[2]} / ${c[4]} ($verdict)"
  [[ "$verdict" == ok ]]
}

# --- the SQLite reference -------------------------------------------------------------------
echo "pg_workers: SQLite, one process, ${#inputs[@]} files"
start=$(now)
cpu_start=$(busy_cpu)
/usr/bin/time -f "%e %U %S %M" -o "$OUT/sqlite.w0.time" \
  "$DEPECHE" --db "$work/sqlite.db" ingest --threads "$THREADS" -q --json "${inputs[@]}" \
  >"$OUT/sqlite.w0.json" 2>"$OUT/sqlite.w0.err" || true
wall=$(echo "$(now) - $start" | bc)
cpu=$(echo "$(busy_cpu) - $cpu_start" | bc)
read -r -a ref_counts <<<"$(counts "$work/sqlite.db")"
sqlite3 "$work/sqlite.db" "SELECT 'average text bytes per article: ' || CAST(avg(text_bytes) AS INTEGER)
  FROM articles" | tee "$OUT/text_bytes.txt"
dump_partition "$work/sqlite.db" "$OUT/sqlite.tsv"
printf '| SQLite | 1 | %.1f | %s | %.0f | %.2f | %s | - | - | %s / %s / %s | 1 / 1 / 1 | - |\n' "$wall" \
  "${ref_counts[0]}" "$(echo "${ref_counts[0]} / $wall" | bc -l)" \
  "$(echo "1000 * $cpu / ${ref_counts[0]}" | bc -l)" "$(rss_list sqlite)" \
  "${ref_counts[1]}" "${ref_counts[2]}" "${ref_counts[4]}" >>"$summary"
tail -n 1 "$summary"

failures=0

# --- N workers on PostgreSQL -----------------------------------------------------------------
for n in $WORKERS; do
  name="pg$n"
  db="${base}depeche_bench_$name"
  echo "pg_workers: PostgreSQL, $n worker(s)"
  pids=()
  rm -f "$OUT/$name.lock" "$OUT/$name.lock.stop"
  create_db "$db"
  sample_lock "$db" "$OUT/$name.lock" &
  sampler=$!
  start=$(now)
  cpu_start=$(busy_cpu)
  for ((i = 0; i < n; ++i)); do
    start_worker "$name" "$db" "$i" "$n"
    pids+=("$started_pid")
  done
  for p in "${pids[@]}"; do
    rc=0
    wait "$p" || rc=$?
    # 1: some input failed (as in the SQLite run: the counts below compare the articles)
    [[ "$rc" -le 1 ]] || echo "pg_workers: a worker of $name failed (exit $rc)" >&2
  done
  wall=$(echo "$(now) - $start" | bc)
  cpu=$(echo "$(busy_cpu) - $cpu_start" | bc)
  touch "$OUT/$name.lock.stop"
  wait "$sampler" || true
  read -r held waiting <<<"$(lock_share "$OUT/$name.lock")"
  check_counts "$name" "$db" || failures=$((failures + 1))
  dump_partition "$db" "$OUT/$name.tsv"
  stored="$(counts "$db" | cut -d' ' -f1)"
  printf '| PostgreSQL | %d | %.1f | %s | %.0f | %.2f | %s | %s | %s | %s | %s | %s |\n' "$n" "$wall" \
    "$stored" "$(echo "$stored / $wall" | bc -l)" "$(echo "1000 * $cpu / $stored" | bc -l)" \
    "$(rss_list "$name")" "$held" "$waiting" \
    "$checks" "$(b3 "$OUT/$name.tsv")" "$(same_order_b3 "$name" "$db")" >>"$summary"
  tail -n 1 "$summary"
done

# --- fault tests -----------------------------------------------------------------------------
# Waits until `db` holds at least `$2` articles (or the workers are done).
wait_for_articles() {
  local db="$1" want="$2" have
  for _ in $(seq 1 3000); do
    have="$(psql -Atc "SELECT count(*) FROM articles" "$db" 2>/dev/null || echo 0)"
    [[ "$have" -ge "$want" ]] && return 0
    sleep 0.1
  done
  return 1
}

if [[ "$FAULTS" == 1 ]]; then
  n=2
  # kill -9 of one worker in the middle of its work, then the same worker again.
  name="kill"
  db="${base}depeche_bench_$name"
  echo "pg_workers: fault: kill -9 one of $n workers mid-batch, then re-run it"
  create_db "$db"
  start=$(now)
  start_worker "$name" "$db" 0 "$n"
  victim_time=$started_pid
  start_worker "$name" "$db" 1 "$n"
  other=$started_pid
  # After the first commits, plus a moment: the victim is then analysing or writing a batch
  # that is not committed.
  wait_for_articles "$db" 1000 || true
  sleep 3
  victim="$(pgrep -P "$victim_time" || true)"
  before="$(psql -Atc "SELECT count(*) FROM articles" "$db")"
  if [[ -n "$victim" ]]; then
    kill -9 "$victim"
    echo "pg_workers: killed worker 0 (pid $victim) with $before articles stored"
  else
    echo "pg_workers: worker 0 had already finished: the kill test did not kill" >&2
    failures=$((failures + 1))
  fi
  wait "$victim_time" || true
  rc=0
  wait "$other" || rc=$?
  [[ "$rc" -le 1 ]] || echo "pg_workers: worker 1 of $name failed (exit $rc)" >&2
  # Both gone: the killed worker's transaction and lock must be gone with it.
  left="$(psql -Atc "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'" "$db")"
  [[ "$left" == 0 ]] || failures=$((failures + 1))
  start_worker "$name" "$db" 0 "$n" 2
  rc=0
  wait "$started_pid" || rc=$?
  [[ "$rc" -le 1 ]] || echo "pg_workers: the re-run of worker 0 failed (exit $rc)" >&2
  wall=$(echo "$(now) - $start" | bc)
  check_counts "$name" "$db" || failures=$((failures + 1))
  dump_partition "$db" "$OUT/$name.tsv"
  echo "kill: $before articles stored when worker 0 was killed; advisory locks held with no" \
    "workers afterwards: $left" >>"$OUT/$name.counts"
  printf '| kill -9 worker 0 (at %s articles), re-run it | %d | %.1f | %s | - | - | - | - | - | %s | %s | %s |\n' \
    "$before" "$n" "$wall" "$(counts "$db" | cut -d' ' -f1)" "$checks" \
    "$(b3 "$OUT/$name.tsv")" "$(same_order_b3 "$name" "$db")" >>"$summary"
  tail -n 1 "$summary"

  # PostgreSQL restarted during the ingest: each worker writes its interrupted batch again
  # once the server answers (IngestJob::FlushBatch); a worker that still stopped is re-run.
  name="restart"
  db="${base}depeche_bench_$name"
  echo "pg_workers: fault: restart PostgreSQL during an ingest of $n workers"
  create_db "$db"
  start=$(now)
  pids=()
  for ((i = 0; i < n; ++i)); do
    start_worker "$name" "$db" "$i" "$n"
    pids+=("$started_pid")
  done
  wait_for_articles "$db" 1000 || true
  sleep 2
  before="$(psql -Atc "SELECT count(*) FROM articles" "$db")"
  as_owner "$bindir/pg_ctl" -D "$cluster/data" -m fast -w restart >/dev/null
  echo "pg_workers: restarted PostgreSQL with $before articles stored"
  codes=""
  rcs=()
  for p in "${pids[@]}"; do
    rc=0
    wait "$p" || rc=$?
    codes+="$rc "
    rcs+=("$rc")
  done
  retried="$(cat "$OUT/$name".w*.1.json | jq -s '[.[].issues[]? | select(.message | test("written again"))] | length')"
  {
    echo "restart: $before articles stored at the restart; exit codes: $codes;" \
      "batches written again after the restart: $retried"
    for ((i = 0; i < n; ++i)); do tail -n 2 "$OUT/$name.w$i.1.err"; done
  } >"$OUT/$name.errors"
  cat "$OUT/$name.errors"
  reruns=0
  for ((i = 0; i < n; ++i)); do
    [[ "${rcs[i]}" -le 1 ]] && continue  # done (1: some input failed, as in the SQLite run)
    start_worker "$name" "$db" "$i" "$n" 2
    rc=0
    wait "$started_pid" || rc=$?
    [[ "$rc" -le 1 ]] || echo "pg_workers: the re-run of worker $i of $name failed (exit $rc)" >&2
    reruns=$((reruns + 1))
  done
  wall=$(echo "$(now) - $start" | bc)
  check_counts "$name" "$db" || failures=$((failures + 1))
  dump_partition "$db" "$OUT/$name.tsv"
  printf '| PostgreSQL restarted (at %s articles); %s batches written again, %s workers re-run | %d | %.1f | %s | - | - | - | - | - | %s | %s | %s |\n' \
    "$before" "$retried" "$reruns" "$n" "$wall" "$(counts "$db" | cut -d' ' -f1)" "$checks" \
    "$(b3 "$OUT/$name.tsv")" "$(same_order_b3 "$name" "$db")" >>"$summary"
  tail -n 1 "$summary"
fi

# Sizes of the largest relations of the 1-worker database (for docs/SCALING.md).
first="$(echo "$WORKERS" | awk '{print $1}')"
# What a worker pays when another worker committed since its last batch: loading the story and
# entity state again. Measured as an ingest of nothing (open, load, no batch) on the full
# database against the same on an empty one, median of 3.
open_seconds() {
  local db="$1" t all=""
  for _ in 1 2 3; do
    t=$(now)
    "$DEPECHE" --db "$db" ingest -q "$work/empty.jsonl" >/dev/null
    all+="$(echo "$(now) - $t" | bc) "
  done
  echo "$all" | tr ' ' '\n' | grep . | sort -n | sed -n 2p
}
full_open="$(open_seconds "${base}depeche_bench_pg$first")"
create_db "${base}depeche_bench_empty"
empty_open="$(open_seconds "${base}depeche_bench_empty")"
printf 'open of the %s-article database %.2f s, of an empty one %.2f s: state load %.2f s\n' \
  "$(counts "${base}depeche_bench_pg$first" | cut -d' ' -f1)" "$full_open" "$empty_open" \
  "$(echo "$full_open - $empty_open" | bc)" | tee "$OUT/state_load.txt"
psql -Atc "SELECT c.relname, pg_relation_size(c.oid), pg_total_relation_size(c.oid)
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')
           ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 30" \
  "${base}depeche_bench_pg$first" >"$OUT/sizes.tsv" || true

echo
cat "$summary"
echo "pg_workers: relation sizes in $OUT/sizes.tsv; $failures failed check(s)"
[[ "$failures" -eq 0 ]]
