#!/usr/bin/env bash
# End to end on Temporal: a local Temporal service (Temporal's Java test server, no Docker), two worker processes,
# the Cado tutorial (playbooks/capture_ec2_instance.yaml) against a loopback Cado Response simulator. The worker
# that runs the capture is killed with SIGKILL as the capture POST arrives; the run must end in success on the
# other worker with exactly one create-project POST and one capture POST.
#
#   bench/temporal-e2e.sh [--kill capture|poll|prompt] [PORT]     (default capture, 17233; builds the jar if needed)
#
#   capture  the worker running the capture is killed while its POST waits in the simulator (every answer is
#            delayed 1 s): the capture happens, its answer is lost; the execution is in doubt and is looked for
#   poll     the worker running `loop pipeline` (get pipeline, every second) is killed; the poll starts again
#   prompt   a worker is killed while the run waits for its last prompt; the answer reaches the other one
set -euo pipefail
cd "$(dirname "$0")/.."
kill_at=capture
if [ "${1:-}" = --kill ]; then kill_at=${2:?--kill takes capture, poll or prompt}; shift 2; fi
case $kill_at in capture|poll|prompt) ;; *) echo "temporal-e2e: --kill takes capture, poll or prompt" >&2; exit 2;; esac
port=${1:-17233}
[ -f cli/target/wisp.jar ] || ./mvnw -q -B -ntp -DskipTests package -pl cli -am >&2
work=$(mktemp -d)
cp cli/target/wisp.jar "$work/wisp.jar"
java=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -jar "$work/wisp.jar")
pids=()
trap 'for p in "${pids[@]}" "${sim:-}"; do [ -n "$p" ] && { kill "$p" 2>/dev/null || true; }; done; rm -rf "$work"' EXIT
trap 'exit 1' INT TERM
export CADO_ACCESS_TOKEN="temporal-e2e-fake-token-$RANDOM$RANDOM"   # for the local simulator only
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [ "$kill_at" = capture ]; then start_cado_simulator --latency 1000; else start_cado_simulator; fi

scripts/temporal-dev-server.sh "$port" 2> "$work/server.txt" &
pids+=($!)
wait_for_port "$port" || { echo "temporal-e2e: the Temporal service did not start" >&2; cat "$work/server.txt" >&2; exit 1; }
t=(--temporal "127.0.0.1:$port")
for w in 1 2; do
  # no cache, so no sticky queue: the test server never hands a task on a lost worker's sticky queue to another
  "${java[@]}" worker "${t[@]}" --assets "$work/assets.yaml" --workflow-cache 0 2> "$work/worker-$w.txt" &
  pids+=($!)
  eval "worker$w=$!"
done
for _ in $(seq 300); do
  grep -q polling "$work/worker-1.txt" 2>/dev/null && grep -q polling "$work/worker-2.txt" 2>/dev/null && break
  sleep 0.2
done
grep -q polling "$work/worker-1.txt" && grep -q polling "$work/worker-2.txt" \
  || { echo "temporal-e2e: the workers did not start" >&2; cat "$work"/worker-*.txt "$work/server.txt" >&2; exit 1; }

id=$("${java[@]}" run playbooks/capture_ec2_instance.yaml "${t[@]}" --detach)
echo "run $id started" >&2
answer() {   # answer BLOCK=VALUE...: once the run asks
  for _ in $(seq 120); do
    "${java[@]}" resume "$id" "${t[@]}" --detach "$@" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "temporal-e2e: the run never asked for $*" >&2; exit 1
}
answer --answer "Set_Project_Name=Temporal e2e"
answer --answer Set_S3=evidence-bucket
if [ "$kill_at" = prompt ]; then
  kill -9 "$worker1"
  echo "killed worker $worker1 while the run waits for Set_EC2" >&2
fi
answer --answer Set_EC2.0=us-east-1 --answer Set_EC2.1=i-0a1b2c3d4e5f60001

if [ "$kill_at" != prompt ]; then
  # kill the worker that runs the block, as soon as its log says it started it (the capture's POST is then on
  # its way, and waits 1 s in the simulator)
  block=capture_instance_1
  [ "$kill_at" = poll ] && block=loop_pipeline_1
  victim=""
  for _ in $(seq 1200); do
    grep -q "$block '" "$work/worker-1.txt" && victim=$worker1 && break
    grep -q "$block '" "$work/worker-2.txt" && victim=$worker2 && break
    sleep 0.05
  done
  [ -n "$victim" ] || { echo "temporal-e2e: no worker started $block" >&2; exit 1; }
  [ "$kill_at" = capture ] && sleep 0.3
  [ "$kill_at" = poll ] && sleep 2.5   # a few polls in
  kill -9 "$victim"
  echo "killed worker $victim while it ran $block" >&2
fi

"${java[@]}" show "$id" "${t[@]}" >/dev/null 2>&1 || true
status=""
for _ in $(seq 240); do   # the lost capture is looked for once its heartbeats stop (30 s)
  status=$("${java[@]}" runs "${t[@]}" 2>/dev/null | awk -v id="$id" '$1 == id {print $2}')
  [ "$status" = completed ] || [ "$status" = failed ] && break
  sleep 1
done
"${java[@]}" show "$id" "${t[@]}" > "$work/summary.txt" 2>&1 || true
"${java[@]}" show "$id" "${t[@]}" --journal > "$work/journal.jsonl" 2>&1 || true
cat "$work/summary.txt"
creates=$(grep -c '^POST /api/v2/projects ' "$work/requests.log" || true)
# the captures that happened: the simulator's pipelines (a POST whose answer was lost with its worker is not in the
# request log, which lists answered requests)
project=$(sed -n 's#^GET /api/v2/projects/\([0-9]*\)/imports/s3.*#\1#p' "$work/requests.log" | head -1)
captures=$(curl -s -H "Authorization: Bearer $CADO_ACCESS_TOKEN" "$base/tasks/pipelines?project_id=$project" \
  | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["pipelines"]))')
lost=$(grep -c '"was lost\|execution_reconciled' "$work/journal.jsonl" || true)
echo "killed at $kill_at; workflow $status; $creates create-project POST, $captures capture (pipelines in the simulator); $lost journal lines of a lost execution"
grep '"execution_reconciled"\|was lost' "$work/journal.jsonl" || true
ok=0
grep -q "^run $id: success" "$work/summary.txt" || { echo "temporal-e2e: the run did not succeed" >&2; ok=1; }
[ "$creates" = 1 ] && [ "$captures" = 1 ] || { echo "temporal-e2e: a POST was not sent exactly once" >&2; ok=1; }
if [ "$kill_at" = capture ]; then   # the capture was in doubt, and found
  grep -q '"execution_reconciled".*"outcome":"found"' "$work/journal.jsonl" \
    || { echo "temporal-e2e: the lost capture was not looked for and found" >&2; ok=1; }
elif [ "$kill_at" = poll ]; then    # the poll started again on the other worker
  survivor=$work/worker-1.txt; [ "$victim" = "$worker1" ] && survivor=$work/worker-2.txt
  grep -q "loop_pipeline_1 '" "$survivor" || { echo "temporal-e2e: the other worker did not poll again" >&2; ok=1; }
fi
[ $ok = 0 ] && echo "temporal-e2e: ok"
exit $ok
