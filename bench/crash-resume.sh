#!/usr/bin/env bash
# Crash test: the Cado tutorial against a loopback Cado Response simulator (its own process), the Wisp JVM killed
# with SIGKILL at a random moment, then resumed until the run ends. Checks that every run succeeds, that no POST is
# sent twice (one create project and one capture per run), and that every journal is valid JSON Lines.
#
#   bench/crash-resume.sh [TRIALS] [SEED]      (default 20 trials, seed 42; needs python3 for the checks)
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-20}
RANDOM=${2:-42}
command -v python3 >/dev/null || { echo "crash-resume: needs python3 for its checks" >&2; exit 2; }
[ -f cli/target/wisp.jar ] || ./mvnw -q -B -ntp -DskipTests package >&2
work=$(mktemp -d)
cp cli/target/wisp.jar "$work/wisp.jar"   # a build during the test must not change the jar under it
java=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -jar "$work/wisp.jar")
trap 'kill "$sim" 2>/dev/null || true; rm -rf "$work"' EXIT
export CADO_ACCESS_TOKEN="crash-test-$(date +%s)-token-0123456789"
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
start_cado_simulator
ok=0; failed=0; dup=0; resumes=0; before_start=0
for t in $(seq "$trials"); do
  runs="$work/runs-$t"
  cat > "$work/answers.yaml" <<YAML
Set_Project_Name: Crash test $t
Set_S3: evidence-bucket
Set_EC2: [us-east-1, i-0a1b2c3d4e5f60001]
YAML
  lines_before=$(wc -l < "$work/requests.log" 2>/dev/null || echo 0)
  "${java[@]}" run playbooks/capture_ec2_instance.yaml --assets "$work/assets.yaml" --answers "$work/answers.yaml" \
    --runs-dir "$runs" > /dev/null 2>&1 &
  pid=$!
  # a moment between 0 and 13 s: during start-up, the prompts, the POSTs, or the pipeline's polls (a run takes ~12 s)
  sleep "$((RANDOM % 13)).$((RANDOM % 10))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  id=$(ls "$runs" 2>/dev/null | head -1 || true)
  if [ -n "$id" ] && [ ! -s "$runs/$id/journal.jsonl" ]; then
    # killed after the run's directory was made but before its first event: nothing was done, and wisp resume
    # refuses a run without a journal; drop it and start again
    rm -rf "${runs:?}/$id"
    id=""
  fi
  if [ -z "$id" ]; then
    before_start=$((before_start + 1))   # killed before the run existed: start it again, uninterrupted
    "${java[@]}" run playbooks/capture_ec2_instance.yaml --assets "$work/assets.yaml" --answers "$work/answers.yaml" \
      --runs-dir "$runs" > /dev/null 2>&1 || true
    id=$(ls "$runs" | head -1)
  fi
  code=4
  for _ in $(seq 5); do
    if python3 - "$runs/$id/journal.jsonl" <<'PY'
import json, sys
try:
    lines = open(sys.argv[1]).read().split("\n")
except OSError:
    sys.exit(1)
sys.exit(0 if lines and lines[-1] == "" and any('"run_finished"' in l for l in lines) else 1)
PY
    then code=0; break; fi
    resumes=$((resumes + 1))
    code=0
    "${java[@]}" resume "$id" --answers "$work/answers.yaml" --assets "$work/assets.yaml" --runs-dir "$runs" \
      > "$work/resume.txt" 2>&1 || code=$?
    [ "$code" = 0 ] && break
  done
  sleep 0.2   # the simulator writes its log every 50 ms
  window=$(tail -n +"$((lines_before + 1))" "$work/requests.log")
  creates=$(grep -c '^POST /api/v2/projects ' <<< "$window" || true)
  captures=$(grep -c '^POST /api/v2/projects/[0-9]*/imports/ec2 ' <<< "$window" || true)
  status=$(python3 - "$runs/$id/journal.jsonl" <<'PY'
import json, sys
events = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]   # every line must be JSON
ends = [e for e in events if e["type"] == "run_finished"]
print(ends[-1]["status"] if ends else "unfinished")
PY
)
  if [ "$status" = success ]; then ok=$((ok + 1)); else failed=$((failed + 1)); echo "trial $t: $status" >&2; fi
  if [ "$creates" -gt 1 ] || [ "$captures" -gt 1 ]; then
    dup=$((dup + 1)); echo "trial $t: $creates create project and $captures capture POSTs" >&2
  fi
done
echo "$trials trials: $ok succeeded, $failed did not, $dup with a repeated POST; $resumes resumes, $before_start killed before the run started"
[ "$failed" = 0 ] && [ "$dup" = 0 ]
