#!/usr/bin/env bash
# Imports every SOAR export of a folder with `wisp import soar`, validates the results (with the app specs of
# APPS_DIR copied to OUT/apps, where `wisp validate` finds them once spec loading is in), and prints a table:
# file, blocks, losses by kind, validate result.
#   scripts/soar-import-corpus.sh EXPORTS_DIR APPS_DIR [OUT_DIR]
set -euo pipefail
if [[ $# -lt 2 ]]; then
  echo "usage: $0 EXPORTS_DIR APPS_DIR [OUT_DIR]" >&2
  exit 2
fi
exports=$1
apps=$2
out=${3:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/.." && pwd)
wisp="$root/wisp"
mkdir -p "$out"
if [[ -d "$apps" ]] && compgen -G "$apps/*.yaml" > /dev/null; then
  mkdir -p "$out/apps" && cp "$apps"/*.yaml "$out/apps/"
fi
shopt -s nullglob
files=("$exports"/*.json)
set +e
"$wisp" import soar "${files[@]}" -o "$out" --allow-losses --report "$out/import-report.json" \
  > "$out/import.out" 2>&1
echo "import exit code: $?" >&2
set -e
printf '%-48s %6s  %-60s %s\n' file blocks "losses (error/warning/info by kind)" validate
for f in "${files[@]}"; do
  stem=$(basename "$f" .json)
  yaml="$out/$stem.yaml"
  blocks=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(max(0, len(d.get("coa",{}).get("data",{}).get("nodes",{}))-2))' "$f" 2>/dev/null || echo "?")
  losses=$(python3 - "$out/import-report.json" "$f" <<'PY'
import json, sys, collections
r = json.load(open(sys.argv[1]))
for e in r["exports"]:
    if e["file"] == sys.argv[2]:
        c = collections.Counter((l["severity"][0], l["kind"].replace("soar-", "")) for l in e["losses"])
        print(" ".join(f"{s}:{k}={n}" for (s, k), n in sorted(c.items())) or "none")
PY
)
  if [[ -f "$yaml" ]]; then
    set +e
    v=$("$wisp" validate "$yaml" 2>&1)
    set -e
    errs=$(grep -o 'error\[WSP[0-9]*\]' <<<"$v" | sort | uniq -c | awk '{printf "%s%s×%s", sep, substr($2,7,6), $1; sep=" "}')
    result=${errs:-valid}
  else
    result="not written"
  fi
  printf '%-48s %6s  %-60s %s\n' "$stem" "$blocks" "$losses" "$result"
done
