#!/usr/bin/env bash
# Times `wisp test` over at least 100 playbook tests (copies of the examples' tests), JVM start included.
# Usage: bench/test-100.sh [RUNS]   (default 5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
for i in $(seq 1 13); do
  mkdir -p "$dir/copy$i"
  cp -r "$root/playbooks/." "$dir/copy$i/"
done
tests=$(grep -hcE '^  [^ #][^:]*:$' "$dir"/copy*/*.test.yaml | paste -sd+ | bc)
"$root/wisp" test "$root/playbooks" >/dev/null 2>&1   # build the jar outside the timing
time_runs "$runs" "$tests playbook tests" "$root/wisp" test "$dir"
