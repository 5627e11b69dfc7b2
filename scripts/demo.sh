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
run stories --sort size --min-articles 2 --limit 8
run search "manifestations egypte"
run search "siria refugiados"
# One story in full: the sample corpus's largest (headlines, summary, timeline, quotes, figures,
# entities and articles).
largest="$("$bin" --db "$db" stories --sort size --min-articles 2 --limit 1 --json |
  sed -n 's/^ *"id": "\([0-9a-f]*\)".*/\1/p' | head -1)"
if [ -n "$largest" ]; then run story "$largest"; fi

# The five seed articles (one story told by five sources), when the shared folder is beside the
# checkout; they are not part of the repository.
seeds="$root/../shared/seeds"
if [ -d "$seeds" ]; then
  echo
  echo "== the seed articles: $seeds"
  run ingest "$seeds"
  run stories --min-articles 2 --limit 3
  id="$("$bin" --db "$db" stories --min-articles 3 --limit 1 --json |
    sed -n 's/^ *"id": "\([0-9a-f]*\)".*/\1/p' | head -1)"
  if [ -n "$id" ]; then run story "$id"; fi
fi

echo
echo "== the dashboard and the HTTP API over this database (docs/DASHBOARD.md, docs/HTTP_API.md):"
echo "   $bin --db $db serve   # then open http://127.0.0.1:8080/"
