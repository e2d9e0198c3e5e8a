#!/usr/bin/env bash
# Scale on Temporal: RUNS runs of a 10-block playbook (a chain of 9 core `set value` blocks and one http `get data`
# against a loopback server that answers in 20 ms), started at once with `wisp run --events` (one run an event),
# with 1, 2, 4... worker processes against a local Temporal service (Temporal's Java test server, restarted for
# each configuration). Prints runs per minute (first start to last end) and the p50/p99 latency of a run (its
# workflow's start to close), beside the embedded engine's figures for the same runs: `wisp run --events` in one
# JVM, --parallel 16. Also the CPU seconds the test server, the workers and the client used, to show the bottleneck.
#
#   bench/temporal-scale.sh [RUNS] [WORKERS,...] [PORT]     (default 1000 1,2,4 17243; e.g. 100 1,2 for a quick run)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1000}
IFS=, read -r -a configs <<< "${2:-1,2,4}"
port=${3:-17243}
command -v python3 >/dev/null || { echo "temporal-scale: needs python3" >&2; exit 2; }
[ -f cli/target/wisp.jar ] || ./mvnw -q -B -ntp -DskipTests package -pl cli -am >&2
work=$(mktemp -d)
cp cli/target/wisp.jar "$work/wisp.jar"
java=(java -XX:+UseSerialGC -Xshare:auto -jar "$work/wisp.jar")
pids=()
stop_all() {   # stops what this script started (by pid), waits for each
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}
trap 'stop_all; kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
trap 'exit 1' INT TERM
# shellcheck source=bench/lib.sh
source bench/lib.sh
start_slow_server 20

http_assets "$work/assets.yaml"
{ echo "playbook: scale"; echo "assets:"; echo "  api: { app: http }"; echo "blocks:"
  echo "  s0: { action: set value, app: core, parameters: { value: container:host } }"
  for i in $(seq 1 8); do
    echo "  s$i: { action: set value, app: core, parameters: { value: s$((i - 1)):action_result.data.*.value } }"
  done
  echo "  get: { action: get data, asset: api, parameters: { location: /status } }"
  echo "edges:"; echo "  - start -> s0"
  for i in $(seq 1 8); do echo "  - s$((i - 1)) -> s$i"; done
  echo "  - s8 -> get"; echo "  - get -> end"; } > "$work/scale.yaml"
for i in $(seq "$runs"); do echo "{\"container\": {\"host\": \"web-$i\"}}"; done > "$work/events.jsonl"

cpu() {   # cpu PID...: user+system CPU seconds of these processes so far
  local total=0 p t
  for p in "$@"; do
    t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)
    total=$((total + t))
  done
  echo "scale=1; $total / $(getconf CLK_TCK)" | bc
}

stats() {   # stats LABEL [SUCCESSES]: reads "START_MS END_MS STATUS [RUN_ID]" lines; prints the row of the table
  # (ok: the runs whose status is success, or whose id is in the file SUCCESSES)
  python3 -c '
import sys
rows = [l.split() for l in sys.stdin if l.strip()]
won = set(open(sys.argv[2]).read().split()) if len(sys.argv) > 2 else None
ok = [r for r in rows if (r[3] in won if won is not None else r[2] == "success")]
lat = sorted(int(r[1]) - int(r[0]) for r in rows)
span = (max(int(r[1]) for r in rows) - min(int(r[0]) for r in rows)) / 1000
pick = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))]
print(f"{sys.argv[1]:<24} {len(rows):>5} {len(ok):>5} {len(rows) / span * 60:>9.0f} {pick(0.5):>8} {pick(0.99):>8}", end="")
' "$@"
}

echo "temporal-scale: $runs runs of a 10-block playbook (9 core set value + 1 http GET of 20 ms); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-24s %5s %5s %9s %8s %8s   %s\n' "configuration" "runs" "ok" "runs/min" "p50 ms" "p99 ms" \
  "CPU s: server / workers / client"

# the embedded engine: the same runs in one JVM
rm -rf "$work/runs"
start=$(date +%s.%N)
/usr/bin/time -f '%U + %S' -o "$work/embedded.time" "${java[@]}" run "$work/scale.yaml" --assets "$work/assets.yaml" \
  --events "$work/events.jsonl" --parallel 16 -q --runs-dir "$work/runs" > /dev/null 2> "$work/embedded.txt" \
  || { tail -5 "$work/embedded.txt" >&2; exit 1; }
wall=$(echo "$(date +%s.%N) - $start" | bc)
python3 - "$work/runs" <<'PY' | stats "embedded (--parallel 16)"
import datetime, json, os, sys
for d in os.listdir(sys.argv[1]):
    lines = open(os.path.join(sys.argv[1], d, "journal.jsonl")).read().splitlines()
    t = lambda l: int(datetime.datetime.fromisoformat(json.loads(l)["time"].replace("Z", "+00:00")).timestamp() * 1000)
    end = json.loads(lines[-1])
    print(t(lines[0]), t(lines[-1]), end.get("status", "?"))
PY
printf '   (one JVM: %.1f s wall with start-up, %s CPU s)\n' "$wall" "$(tail -1 "$work/embedded.time" | bc)"

for n in "${configs[@]}"; do
  scripts/temporal-dev-server.sh "$port" 2> "$work/server.txt" &
  server_pid=$!
  pids+=("$server_pid")
  wait_for_port "$port" || { echo "temporal-scale: the Temporal service did not start" >&2; cat "$work/server.txt" >&2; exit 1; }
  t=(--temporal "127.0.0.1:$port")
  workers=()
  for w in $(seq "$n"); do
    "${java[@]}" worker "${t[@]}" --assets "$work/assets.yaml" 2> "$work/worker-$w.txt" &
    pids+=($!)
    workers+=($!)
  done
  for w in $(seq "$n"); do
    for _ in $(seq 300); do grep -q polling "$work/worker-$w.txt" 2>/dev/null && break; sleep 0.2; done
    grep -q polling "$work/worker-$w.txt" || { echo "temporal-scale: worker $w did not start" >&2; cat "$work/worker-$w.txt" "$work/server.txt" >&2; exit 1; }
  done
  s0=$(cpu "$server_pid"); w0=$(cpu "${workers[@]}")
  /usr/bin/time -f '%U + %S' -o "$work/client.time" "${java[@]}" run "$work/scale.yaml" "${t[@]}" \
    --events "$work/events.jsonl" > /dev/null 2> "$work/client.txt" \
    || { grep -v ' success' "$work/client.txt" | tail -5 >&2; }
  s1=$(cpu "$server_pid"); w1=$(cpu "${workers[@]}")
  java -cp "$work/wisp.jar" bench/TemporalRunTimes.java "127.0.0.1:$port" 2>/dev/null \
    | stats "temporal, $n worker$([ "$n" = 1 ] || echo s)" \
      <(sed -n 's/^event [0-9]*: run \([^ ]*\) success$/\1/p' "$work/client.txt")
  printf '   %s / %s / %s\n' "$(echo "$s1 - $s0" | bc)" "$(echo "$w1 - $w0" | bc)" "$(tail -1 "$work/client.time" | bc)"
  stop_all
done
