#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite (docs/TESTING: "Tests on PostgreSQL").
#
#   scripts/pg-test-cluster.sh start DIR   initdb (once) + start; writes DIR/url
#   scripts/pg-test-cluster.sh stop DIR    stops the server; removes nothing
#   scripts/pg-test-cluster.sh bindir      prints the folder of the server binaries (or fails)
#
# The cluster lives in DIR/data, listens on 127.0.0.1 only, on a free port found by trying to
# bind (DIR/url holds `postgresql://postgres@127.0.0.1:PORT/`), trusts every local TCP
# connection and has no Unix socket. It is a test cluster: fsync and synchronous_commit are off
# (a crash may lose it, and that is fine), max_connections is high for parallel ctest runs.
# As root, the server runs as the `postgres` user (PostgreSQL refuses to run as root).
# `start` is idempotent: a running cluster is left as it is.
set -euo pipefail

usage() {
  echo "usage: $0 start DIR | stop DIR | bindir" >&2
  exit 2
}

# The server binaries: pg_config's bindir when it holds initdb (Debian's pg_config from
# libpq-dev points at /usr/lib/postgresql/N/bin), else the newest Debian versioned folder.
pg_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1; then
    dir="$(pg_config --bindir 2>/dev/null || true)"
    if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return 0
    fi
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

[[ $# -ge 1 ]] || usage
cmd="$1"
if [[ "$cmd" == bindir ]]; then
  pg_bindir || { echo "pg-test-cluster: no PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }
  exit 0
fi
[[ $# -eq 2 ]] || usage
bindir="$(pg_bindir)" || {
  echo "pg-test-cluster: no PostgreSQL server binaries (apt-get install postgresql)" >&2
  exit 1
}
mkdir -p "$2"
dir="$(cd "$2" && pwd)"
data="$dir/data"
log="$dir/server.log"

# Runs a server binary as the cluster's owner.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() {
  [[ -f "$data/postmaster.pid" ]] && as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1
}

case "$cmd" in
  start)
    if running && [[ -s "$dir/url" ]]; then
      echo "pg-test-cluster: already running: $(cat "$dir/url")"
      exit 0
    fi
    user="$(id -un)"
    if [[ $(id -u) -eq 0 ]]; then
      user=postgres
      chown postgres: "$dir"
      if ! runuser -u postgres -- test -x "$dir"; then
        echo "pg-test-cluster: the postgres user cannot reach $dir (a parent folder is closed)" >&2
        exit 1
      fi
    fi
    if [[ ! -f "$data/PG_VERSION" ]]; then
      rm -rf "$data"
      # C.UTF-8 so that lower() and the text search parser know non-ASCII letters.
      as_owner "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        --no-sync >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
      }
      # Only loopback TCP connections, all trusted: nobody else can reach this cluster.
      printf 'host all all 127.0.0.1/32 trust\n' >"$data/pg_hba.conf"
      # A test cluster: durability is not wanted (fsync, synchronous_commit, full pages off).
      cat >>"$data/postgresql.conf" <<'EOF'
# pg-test-cluster.sh: a throwaway cluster for the test suite
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 128MB
EOF
    fi
    rm -f "$dir/url"
    # A port in 20000..59999 derived from the pid, then the next ones until the server binds.
    port=$((20000 + ($$ * 7919) % 40000))
    for _ in $(seq 1 40); do
      if as_owner "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 -o "-p $port" start \
        >/dev/null 2>&1; then
        echo "postgresql://postgres@127.0.0.1:$port/" >"$dir/url"
        echo "pg-test-cluster: started: $(cat "$dir/url")"
        exit 0
      fi
      if ! grep -q -e 'could not bind' -e 'could not create any TCP/IP sockets' "$log" 2>/dev/null; then
        echo "pg-test-cluster: the server did not start; $log:" >&2
        tail -n 20 "$log" >&2 || true
        exit 1
      fi
      rm -f "$log"
      port=$((port + 1))
    done
    echo "pg-test-cluster: no free loopback port found" >&2
    exit 1
    ;;
  stop)
    if running; then
      as_owner "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null
      echo "pg-test-cluster: stopped"
    else
      echo "pg-test-cluster: not running"
    fi
    ;;
  *)
    usage
    ;;
esac
