#!/usr/bin/env bash
# End to end on Temporal: a local Temporal service (Temporal's Java test server, no Docker), two worker processes,
# the Cado tutorial (playbooks/capture_ec2_instance.yaml) against a loopback Cado Response simulator. The worker
# that runs the capture is killed with SIGKILL as the capture POST arrives; the run must end in success on the
# other worker with exactly one create-project POST and one capture POST.
#
#   bench/temporal-e2e.sh [PORT]      (default 17233; needs the built jar, or builds it)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-17233}
[ -f cli/target/wisp.jar ] || ./mvnw -q -B -ntp -DskipTests package -pl cli -am >&2
work=$(mktemp -d)
cp cli/target/wisp.jar "$work/wisp.jar"
java=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -jar "$work/wisp.jar")
pids=()
trap 'for p in "${pids[@]}" "${sim:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done; rm -rf "$work"' EXIT
trap 'exit 1' INT TERM
export CADO_ACCESS_TOKEN="temporal-e2e-fake-token-$RANDOM$RANDOM"   # for the local simulator only
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
start_cado_simulator

scripts/temporal-dev-server.sh "$port" 2> "$work/server.txt" &
pids+=($!)
t=(--temporal "127.0.0.1:$port")
for w in 1 2; do
  # the test server does not hand a lost worker's sticky workflow tasks to others: no sticky cache here
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
answer --answer Set_EC2.0=us-east-1 --answer Set_EC2.1=i-0a1b2c3d4e5f60001

# kill the worker that is sending the capture: the one whose log has the capture's activity (or the first one)
for _ in $(seq 600); do
  grep -q '^POST /api/v2/projects/[0-9]*/imports/ec2 ' "$work/requests.log" && break
  sleep 0.05
done
victim=$worker1
grep -q "capture_instance_1 'capture instance'" "$work/worker-2.txt" && victim=$worker2
kill -9 "$victim"
echo "killed worker $victim, which sent the capture POST, as the POST arrived" >&2

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
captures=$(grep -c '^POST /api/v2/projects/[0-9]*/imports/ec2 ' "$work/requests.log" || true)
lost=$(grep -c '"was lost\|execution_reconciled' "$work/journal.jsonl" || true)
echo "workflow $status; $creates create-project POST, $captures capture POST; $lost journal lines of a lost execution"
grep '"execution_reconciled"\|was lost' "$work/journal.jsonl" || true
ok=0
grep -q "^run $id: success" "$work/summary.txt" || { echo "temporal-e2e: the run did not succeed" >&2; ok=1; }
[ "$creates" = 1 ] && [ "$captures" = 1 ] || { echo "temporal-e2e: a POST was not sent exactly once" >&2; ok=1; }
[ $ok = 0 ] && echo "temporal-e2e: ok"
exit $ok
