# Shared by the bench scripts: time_runs RUNS LABEL COMMAND... runs COMMAND RUNS times (output discarded),
# prints each wall time, then the minimum and the median.
time_runs() {
  local runs="$1" label="$2"
  shift 2
  local times=() start end t sorted
  for r in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    times+=("$t")
    printf 'run %d: %.2f s\n' "$r" "$t"
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf 'min %.2f s, median %.2f s over %d runs (%s, JVM start included, %s cores)\n' \
    "$(echo "$sorted" | head -1)" "$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")" "$runs" "$label" "$(nproc)"
}
