#!/usr/bin/env bash
# Installs the Debian packages depeche builds against, then fetches the npm data packages.
# Idempotent: apt-get runs only when a package is missing; npm only when a file is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

packages=(
  build-essential cmake pkg-config git ca-certificates clang-format
  libicu-dev libsqlite3-dev zlib1g-dev
  # the PostgreSQL backend (libpqxx) and the server its tests run on (scripts/pg-test-cluster.sh)
  libpqxx-dev postgresql
  libstemmer-dev libhunspell-dev hunspell-fr-comprehensive
  hunspell-hr hunspell-sr hunspell-bs hunspell-da hunspell-no hunspell-bg hunspell-ru
  libcld2-dev libfasttext-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev
  # depeche serve (src/server): the HTTP JSON API
  libcpp-httplib-dev
  libxxhash-dev libgumbo-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  nodejs npm
  # the dashboard's end-to-end test (tests/e2e) drives Debian's headless Chromium
  chromium
  # scripts/gen-gazetteers.sh only (the engine reads the generated data/gazetteer files)
  libgeonames-dev iso-codes tzdata
  # src/eval ROUGE: WordNet's exception lists (/usr/share/wordnet/*.exc), as ROUGE-1.5.5 stems
  wordnet-base
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Debian's npm may be absent while a node/npm is already on PATH: do not install a second one.
if command -v npm >/dev/null 2>&1; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "install-deps: all Debian packages present"
fi

"$here/fetch-npm-data.sh"
