#!/usr/bin/env bash
# Times `wisp test` over at least 100 playbook tests (copies of the examples' tests), JVM start included.
# Usage: bench/test-100.sh [RUNS]   (default 5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
for i in $(seq 1 13); do
  mkdir -p "$dir/copy$i"
  cp -r "$root/playbooks/." "$dir/copy$i/"
done
tests=$(grep -hcE '^  [^ #][^:]*:$' "$dir"/copy*/*.test.yaml | paste -sd+ | bc)
"$root/wisp" test "$root/playbooks" >/dev/null 2>&1   # build the jar outside the timing
times=()
for r in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  "$root/wisp" test "$dir" >/dev/null 2>&1
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc)
  times+=("$t")
  printf 'run %d: %.2f s\n' "$r" "$t"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
printf 'min %.2f s, median %.2f s over %d runs (%d playbook tests, JVM start included, %s cores)\n' \
  "$(echo "$sorted" | head -1)" "$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")" "$runs" "$tests" "$(nproc)"
