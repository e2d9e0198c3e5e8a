#!/usr/bin/env bash
# Throughput of the http app: 100 GETs one at a time, then 200 GETs with max_concurrency 10, against a loopback
# server (a small threaded Python server, TCP_NODELAY, keep-alive) that answers every request after 20 ms. Prints
# the block's wall time from the run's journal (JVM start-up excluded) against the ideal: 100 x 20 ms = 2.0 s and
# 200 / 10 x 20 ms = 0.4 s, and the server's own time (a Python client, one connection, then ten), for comparison.
# Wisp runs through the release's launcher, a first untimed run having recorded its class archive. After each, the same
# GETs through Apache HttpClient alone (bench/HttpBaseline.java) in a fresh JVM with the launcher's options: the floor
# that a cold JVM's HTTP client sets, measured in the same pass; at the end, the 200 GETs through that client four
# times in one JVM, the later rounds warm.
#
#   bench/http-gets.sh [REPEATS]     (default 3 repeats of each; needs python3 to read the journals)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}
command -v python3 >/dev/null || { echo "http-gets: needs python3" >&2; exit 2; }
[ -f cli/target/wisp.jar ] || ./mvnw -q -B -ntp -DskipTests package >&2
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck source=bench/lib.sh
source bench/lib.sh
release="$work/release"
release_launcher "$release"   # what users run: the release's launcher, its run archive recorded by a first run
java=("$wisp")
start_slow_server 20
python3 - "$base" <<'PY'
import http.client, sys, time, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
c = http.client.HTTPConnection(u.hostname, u.port)
t = time.time()
for i in range(50):
    c.request("GET", "/warm"); c.getresponse().read()
print(f"the server alone: {(time.time() - t) / 50 * 1000:.1f} ms per request (sequential, keep-alive)")
import threading
def client():
    c = http.client.HTTPConnection(u.hostname, u.port)
    for i in range(20):
        c.request("GET", "/warm"); c.getresponse().read()
t = time.time()
threads = [threading.Thread(target=client) for _ in range(10)]
[x.start() for x in threads]; [x.join() for x in threads]
took = time.time() - t
print(f"the server alone, 200 requests on 10 connections: {took:.2f} s (x{took / 0.4:.2f} the ideal)")
PY
http_assets "$work/assets.yaml"
bench() {   # bench COUNT CONCURRENCY IDEAL_SECONDS
  local count=$1 conc=$2 ideal=$3 paths
  gets_playbook "$work/gets-$conc.yaml" "$conc"
  paths=$(python3 -c "import json; print(json.dumps(['/system/status?i=%d' % i for i in range($count)]))")
  for r in $(seq "$repeats"); do
    rm -rf "$work/runs"
    "${java[@]}" run "$work/gets-$conc.yaml" --assets "$work/assets.yaml" --input "paths=$paths" \
      --runs-dir "$work/runs" > /dev/null 2> "$work/run.txt" || { cat "$work/run.txt" >&2; exit 1; }
    python3 - "$work"/runs/*/journal.jsonl "$count" "$conc" "$ideal" <<'PY'
import json, sys
from datetime import datetime
events = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
def t(e): return datetime.fromisoformat(e["time"].replace("Z", "+00:00"))
start = next(t(e) for e in events if e["type"] == "block_started" and e["block"] == "gets")
end = next(t(e) for e in events if e["type"] == "block_finished" and e["block"] == "gets")
done = [e for e in events if e["type"] == "execution_finished"]
ok = sum(1 for e in done if e["result"]["status"] == "success")
per = sorted(e["duration_millis"] for e in done)
wall = (end - start).total_seconds()
ideal = float(sys.argv[4])
print(f"{sys.argv[2]} GETs, max_concurrency {sys.argv[3]}: {wall:.2f} s (ideal {ideal:.1f} s, x{wall / ideal:.2f}), "
      f"{ok} succeeded; an execution took {per[len(per) // 2]} ms (median), {per[len(per) * 9 // 10]} ms (p90)")
PY
    read -r secs ok < <("${baseline[@]}" "$base" "$count" "$conc")
    printf '  the same through Apache HttpClient alone, in a fresh JVM: %.2f s (x%.2f), %d succeeded\n' "$secs" \
      "$(echo "$secs / $ideal" | bc -l)" "$ok"
  done
}
# the floor: bench/HttpBaseline.java, compiled once into a jar (compiling it in the timed JVM would warm that JVM up),
# run with the release launcher's JVM options for commands (dist/src/bin/wisp) and, as Wisp runs, a class archive of
# its own recorded by a first untimed run (an archive needs jars on the class path)
mkdir -p "$work/baseline"
javac -d "$work/baseline" -cp "$release/lib/wisp.jar" bench/HttpBaseline.java
jar cf "$work/baseline.jar" -C "$work/baseline" .
cli_java
baseline=("${cli_java[@]}" -Xlog:cds*=off -cp "$release/lib/wisp.jar:$work/baseline.jar")
"${baseline[@]}" -XX:ArchiveClassesAtExit="$work/baseline.jsa" HttpBaseline "$base" 20 10 > /dev/null
baseline+=(-XX:SharedArchiveFile="$work/baseline.jsa" HttpBaseline)
warm=$(python3 -c "import json; print(json.dumps(['/warm-up?i=%d' % i for i in range(20)]))")
gets_playbook "$work/warm-up.yaml" 10
"${java[@]}" run "$work/warm-up.yaml" --assets "$work/assets.yaml" --input "paths=$warm" --runs-dir "$work/warm-runs" \
  > /dev/null 2>&1   # the first run records the launcher's class archive; it is not timed
bench 100 1 2.0
bench 200 10 0.4
echo "200 GETs, 10 at a time, through Apache HttpClient alone in one JVM, four times (the later ones warm):"
"${baseline[@]}" "$base" 200 10 4 | awk '{printf "  %.2f s (x%.2f), %d succeeded\n", $1, $1 / 0.4, $2}'
