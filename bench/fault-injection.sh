#!/usr/bin/env bash
# Fault injection: the Cado tutorial against a loopback Cado Response simulator (its own process) that answers
# 5 % of requests with a 500 after processing them, drops 3 % of connections after processing them (the effect
# happened, the answer is lost), starts bursts of 429s (Retry-After) at 2 % of requests, and delays every answer by
# 100 ms. Counts the runs that succeed and the POSTs that took effect more than once in a run (a duplicate project
# or capture): the rule is 0.
#
#   bench/fault-injection.sh [RUNS] [SEED]      (default 20 runs, seed 11; needs python3 for the checks)
#   FAULT_500=0.2 FAULT_DROP=0.1 bench/fault-injection.sh 10     (harsher rates, to exercise the in-doubt path)
set -euo pipefail
cd "$(dirname "$0")/.."
runs_wanted=${1:-20}
seed=${2:-11}
command -v python3 >/dev/null || { echo "fault-injection: needs python3 for its checks" >&2; exit 2; }
[ -f cli/target/wisp.jar ] || ./mvnw -q -B -ntp -DskipTests package >&2
work=$(mktemp -d)
cp cli/target/wisp.jar "$work/wisp.jar"   # a build during the test must not change the jar under it
java=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -jar "$work/wisp.jar")
trap 'kill "$sim" 2>/dev/null || true; rm -rf "$work"' EXIT
export CADO_ACCESS_TOKEN="fault-test-$(date +%s)-token-0123456789"
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
start_cado_simulator --fault-500 "${FAULT_500:-0.05}" --fault-drop "${FAULT_DROP:-0.03}" \
  --fault-429 "${FAULT_429:-0.02}" --burst-429 1500 --latency 100 --seed "$seed"
ok=0; failed=0; dup=0; start=$(date +%s)
for t in $(seq "$runs_wanted"); do
  cat > "$work/answers.yaml" <<YAML
Set_Project_Name: Fault test $t
Set_S3: evidence-bucket
Set_EC2: [us-east-1, i-0a1b2c3d4e5f60001]
YAML
  lines_before=$(wc -l < "$work/requests.log")
  code=0
  "${java[@]}" run playbooks/capture_ec2_instance.yaml --assets "$work/assets.yaml" --answers "$work/answers.yaml" \
    --runs-dir "$work/runs-$t" > /dev/null 2> "$work/run-$t.txt" || code=$?
  sleep 0.2   # the simulator writes its log every 50 ms
  window=$(tail -n +"$((lines_before + 1))" "$work/requests.log")
  # a POST took effect when the simulator processed it with a 2xx, whatever the client was told afterwards
  creates=$(grep -cE '^POST /api/v2/projects 2[0-9][0-9]( |$)' <<< "$window" || true)
  captures=$(grep -cE '^POST /api/v2/projects/[0-9]+/imports/ec2 2[0-9][0-9]( |$)' <<< "$window" || true)
  faults=$(grep -cE ' (dropped|answered-500)$| 429$' <<< "$window" || true)
  if [ "$code" = 0 ]; then ok=$((ok + 1)); else
    failed=$((failed + 1)); echo "run $t: exit $code: $(grep -m1 -i 'fail' "$work/run-$t.txt" || true)" >&2; fi
  if [ "$creates" -gt 1 ] || [ "$captures" -gt 1 ]; then
    dup=$((dup + 1)); echo "run $t: $creates projects and $captures captures created" >&2
  fi
  echo "run $t: exit $code, $faults faults injected, $creates project(s), $captures capture(s)" >&2
done
total=$(wc -l < "$work/requests.log")
all_faults=$(grep -cE ' (dropped|answered-500)$| 429$| 503$' "$work/requests.log" || true)
post_faults=$(grep -cE '^POST .* (dropped|answered-500)$|^POST .* 429$' "$work/requests.log" || true)
echo "$runs_wanted runs: $ok succeeded, $failed failed, $dup with a duplicate POST; $total requests, $all_faults faults injected ($post_faults on POSTs); $(( $(date +%s) - start )) s"
[ "$ok" -ge $((runs_wanted * 19 / 20)) ] && [ "$dup" = 0 ]
