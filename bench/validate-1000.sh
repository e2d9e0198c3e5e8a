#!/usr/bin/env bash
# Times `wisp validate` over 1,000 playbooks, JVM start included, with public tools only.
# Usage: bench/validate-1000.sh [RUNS]   (default 5 runs; prints each wall time, then min and median)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
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

time_runs "$runs" "1,000 playbooks" "$root/wisp" validate "$dir"
