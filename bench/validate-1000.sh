#!/usr/bin/env bash
# Times `wisp validate` over 1,000 playbooks, JVM start included, with public tools only.
# Usage: bench/validate-1000.sh [RUNS]   (default 5 runs; prints each wall time, then min and median)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

# 1,000 playbooks: the examples under new names, every tenth with a mistake so errors are reported too.
examples=("$root"/playbooks/*.yaml)
for i in $(seq 1 1000); do
  src="${examples[$((i % ${#examples[@]}))]}"
  case "$src" in *.test.yaml) src="$root/playbooks/capture_ec2_instance.yaml";; esac
  sed -e "s/^playbook: \(.*\)$/playbook: \1_$i/" "$src" > "$dir/p$i.yaml"
  if [ $((i % 10)) -eq 0 ]; then
    sed -i -e 's/-> end/-> ending/' "$dir/p$i.yaml"
  fi
done

"$root/wisp" validate "$root/playbooks" >/dev/null 2>&1 || true   # build the jar outside the timing

times=()
for r in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  "$root/wisp" validate "$dir" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc)
  times+=("$t")
  printf 'run %d: %.2f s\n' "$r" "$t"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
printf 'min %.2f s, median %.2f s over %d runs (1,000 playbooks, JVM start included, %s cores)\n' \
  "$(echo "$sorted" | head -1)" "$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")" "$runs" "$(nproc)"
