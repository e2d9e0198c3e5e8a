#!/usr/bin/env bash
# The cost of starting and of each step, whole processes with a cold JVM each (issue "Performance"): W0 (start
# and run one trivial step), W1 (a 100-step chain of core set value blocks, each reading the one before),
# W1k (1,000 steps) and W10k (10,000 steps), plus `wisp --version` and `wisp validate` of W1, through the release's
# launcher once a validate and a run have recorded its class archives (bench/lib.sh release_launcher). Prints the median
# and min-max of RUNS runs of each, then the cost per step as (W1k - W1) / 900 from the medians.
# Usage: bench/steps.sh [RUNS]   (default 5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

chain() { # chain N NAME
  local n="$1" f="$dir/$2.yaml" i
  { echo "playbook: $2"; echo "blocks:"
    echo "  s0: { action: set value, app: core, parameters: { value: start } }"
    for ((i = 1; i < n; i++)); do
      echo "  s$i: { action: set value, app: core, parameters: { value: s$((i - 1)):action_result.data.*.value } }"
    done
    echo "edges:"; echo "  - start -> s0"
    for ((i = 1; i < n; i++)); do echo "  - s$((i - 1)) -> s$i"; done
    echo "  - s$((n - 1)) -> end"; } > "$f"
}
chain 1 w0; chain 100 w1; chain 1000 w1k; chain 10000 w10k

"$root/wisp" --version >/dev/null 2>&1   # build the jar outside the timing
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
release_launcher "$dir/release"   # time what users run: the release's launcher, its class archives recorded once
"$wisp" validate "$dir/w1.yaml" >/dev/null 2>&1
"$wisp" run "$dir/w0.yaml" -q --runs-dir "$dir/warm-up" >/dev/null 2>&1

# measure LABEL COMMAND...: RUNS wall times and peak memory; prints "LABEL median min-max memory"
measure() {
  local label="$1"; shift
  local t=() m=() i
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f '%e %M' -o "$dir/time" "$@" >/dev/null 2>&1 || true
    read -r s kb < "$dir/time"
    t+=("$s"); m+=("$kb")
  done
  local sorted; sorted=$(printf '%s\n' "${t[@]}" | sort -n)
  local med; med=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  local mem; mem=$(printf '%s\n' "${m[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-28s median %6.2f s  (min %.2f, max %.2f)  %4d MiB\n' "$label" "$med" "$(echo "$sorted" | head -1)" \
    "$(echo "$sorted" | tail -1)" $((mem / 1024))
  echo "$med" > "$dir/$label.median"
}

runs_dir="$dir/runs"
measure "wisp --version" "$wisp" --version
measure "wisp validate W1" "$wisp" validate "$dir/w1.yaml"
measure "W0 run" "$wisp" run "$dir/w0.yaml" -q --runs-dir "$runs_dir"
measure "W1 run (100 steps)" "$wisp" run "$dir/w1.yaml" -q --runs-dir "$runs_dir"
measure "W1k run (1,000 steps)" "$wisp" run "$dir/w1k.yaml" -q --runs-dir "$runs_dir"
measure "W10k run (10,000 steps)" "$wisp" run "$dir/w10k.yaml" -q --runs-dir "$runs_dir"
measure "W10k validate" "$wisp" validate "$dir/w10k.yaml"
w1=$(cat "$dir/W1 run (100 steps).median"); w1k=$(cat "$dir/W1k run (1,000 steps).median")
printf 'per step, (W1k - W1) / 900: %.0f us   (%s cores, load %s)\n' \
  "$(echo "($w1k - $w1) * 1000000 / 900" | bc -l)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
