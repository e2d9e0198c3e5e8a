#!/usr/bin/env bash
# Fan-out at scale (issue "Performance", item 4): does a wide fan-out keep its threads and memory bounded?
#  1. 10,000 rows of the http app's `get data` with max_concurrency 200 against a loopback server that answers every
#     GET after 20 ms (ideal: 10,000 / 200 x 20 ms = 1.0 s);
#  2. 100 Cado pipelines polled at once: 100 captures (max_concurrency 100) on the Cado simulator, then `loop
#     pipeline` over the 100 pipelines (max_concurrency 100), polling every second.
# Prints, for each, the block's wall time from the run's journal, the peak number of the JVM's threads and its peak
# resident memory (sampled every 50 ms from /proc), and whether every execution succeeded.
#
#   bench/fanout-limits.sh        (needs python3 and Linux /proc)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v python3 >/dev/null || { echo "fanout-limits: needs python3" >&2; exit 2; }
[ -d /proc/self ] || { echo "fanout-limits: needs Linux /proc to count threads" >&2; exit 2; }
[ -f cli/target/wisp.jar ] || ./mvnw -q -B -ntp -DskipTests package >&2
# shellcheck source=bench/lib.sh
source bench/lib.sh
work=$(mktemp -d); [ -n "${KEEP:-}" ] && echo "work: $work"
cp cli/target/wisp.jar "$work/wisp.jar"
cli_java
java=("${cli_java[@]}" -jar "$work/wisp.jar")   # the launcher's JVM options
server=""; sim=""
trap 'kill $server $sim 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

# watch PID: samples the process's threads and resident memory until it exits; prints "threads rss_mib"
watch() {
  local pid=$1 threads=0 rss=0 t r
  while [ -d "/proc/$pid" ]; do
    t=$(awk '/^Threads:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    r=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    if [ "${t:-0}" -gt "$threads" ]; then
      threads=$t
      cat /proc/"$pid"/task/*/comm 2>/dev/null | sort | uniq -c | awk '{c=$1; $1=""; printf "%s%s x%d", sep, substr($0, 2), c; sep=", "}' > "$work/threads.txt" || true
    fi
    [ "${r:-0}" -gt "$rss" ] && rss=$r
    sleep 0.05
  done
  echo "$threads $((rss / 1024))"
}

# report BLOCK LABEL IDEAL: the block's wall time and results from the journal of the run in $work/runs
report() {
  python3 - "$work"/runs/*/journal.jsonl "$@" <<'PY'
import json, os, sys
from datetime import datetime
def event(line):  # a line over 4 MiB is stored whole beside the journal (docs/journal.md)
    e = json.loads(line)
    return json.load(open(os.path.join(os.path.dirname(sys.argv[1]), e["stored"]))) if "stored" in e else e
events = [event(l) for l in open(sys.argv[1]) if l.strip()]
block, label, ideal = sys.argv[2], sys.argv[3], sys.argv[4]
def t(e): return datetime.fromisoformat(e["time"].replace("Z", "+00:00"))
start = next(t(e) for e in events if e["type"] == "block_started" and e.get("block") == block)
end = next(t(e) for e in events if e["type"] == "block_finished" and e.get("block") == block)
done = [e for e in events if e["type"] == "execution_finished" and e.get("block") == block]
ok = sum(1 for e in done if e["result"]["status"] == "success")
print(f"{label}: {(end - start).total_seconds():.2f} s ({ideal}), {ok} of {len(done)} executions succeeded", end="")
PY
}

# run_watched PLAYBOOK ARGS...: runs wisp in the background, watches it, prints its threads and memory
run_watched() {
  rm -rf "$work/runs"
  "${java[@]}" run "$@" --runs-dir "$work/runs" -q > "$work/run.txt" 2>&1 &
  local pid=$!
  local seen; seen=$(watch "$pid")
  wait "$pid" || { cat "$work/run.txt" >&2; exit 1; }
  echo "$seen"
}

# --- 1. 10,000 GETs, max_concurrency 200
start_slow_server 20
http_assets "$work/http-assets.yaml" 200
gets_playbook "$work/wide.yaml" 200
# one argument holds at most 128 KiB on Linux: short paths keep 10,000 of them under it
paths=$(python3 -c "import json; print(json.dumps(['/%d' % i for i in range(10000)], separators=(',', ':')))")
read -r threads rss < <(run_watched "$work/wide.yaml" --assets "$work/http-assets.yaml" --input "paths=$paths" \
  --max-concurrency 200)
report gets "10,000 GETs, max_concurrency 200" "ideal 1.0 s"
echo "; peak $threads threads ($(cat "$work/threads.txt")), $rss MiB resident"

# --- 2. 100 pipelines polled at once
export CADO_ACCESS_TOKEN="fanout-limits-fake-token-$RANDOM$RANDOM"
start_cado_simulator
sed -i 's/poll_interval: 1/poll_interval: 1\n      max_connections: 100/' "$work/assets.yaml"
cat > "$work/pipelines.yaml" <<'YAML'
playbook: many_pipelines
inputs:
  instances: { type: list }
assets:
  cado: { app: cado_response }
blocks:
  project:
    action: create project
    asset: cado
    parameters: { project_name: fanout-limits }
  capture:
    action: capture instance
    asset: cado
    max_concurrency: 100
    combine: product
    parameters:
      project_id: project:action_result.data.*.id
      instance_id: playbook_input:instances.*
      region: us-east-1
      bucket: evidence-bucket
  poll:
    action: loop pipeline
    asset: cado
    max_concurrency: 100
    parameters:
      pipeline_id: capture:action_result.data.*.pipeline_id
edges:
  - start -> project
  - project -> capture
  - capture -> poll
  - poll -> end
YAML
instances=$(python3 -c "import json; print(json.dumps(['i-0a1b2c3d4e5f60001'] * 100))")
read -r threads rss < <(run_watched "$work/pipelines.yaml" --assets "$work/assets.yaml" --input "instances=$instances" \
  --max-concurrency 100)
report poll "100 pipelines polled at once" "each pipeline takes 12 polls 1 s apart (6 subtasks, 2 state changes each): ideal about 11 s"
echo "; peak $threads threads ($(cat "$work/threads.txt")), $rss MiB resident"
echo "($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
