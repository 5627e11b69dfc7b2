#!/usr/bin/env bash
# The demo: ingest the bundled sample corpus into the default database and show what is there.
# Usage: scripts/demo.sh DEPECHE_BINARY DB
set -euo pipefail
bin="$1"
db="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run() { echo; echo "\$ depeche $*"; "$bin" --db "$db" "$@"; }

echo "== depeche demo: sample corpus data/samples/globalvoices -> $db"
run ingest "$root/data/samples/globalvoices"
run stats
run articles --limit 8
run stories --limit 8
run search "manifestations egypte"
run search "siria refugiados"
