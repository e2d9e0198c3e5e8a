#!/usr/bin/env bash
# Cost of a code block execution: a Python process per execution against one warm interpreter per run (what Wisp
# does), measured with Wisp's own runner (engine/src/main/resources/.../wisp_runner.py) and the same request; then
# end to end, a playbook of N code blocks in a row run by wisp, each execution's duration read from the journal.
#
#   bench/code-blocks.sh [N]      (default 50 executions; needs python3)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50}
python=${WISP_PYTHON:-python3}
command -v "$python" >/dev/null || { echo "code-blocks: needs $python" >&2; exit 2; }
[ -f cli/target/wisp.jar ] || ./mvnw -q -B -ntp -DskipTests package >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== the runner alone ($n executions each, $(nproc) cores, $("$python" --version 2>&1))"
"$python" - "$n" engine/src/main/resources/dev/wisp/engine/code/wisp_runner.py <<'PY'
import json, statistics, subprocess, sys, time
n, runner = int(sys.argv[1]), open(sys.argv[2]).read()
exe = subprocess.run([sys.executable, "-c", "import sys; print(sys.executable)"], capture_output=True,
                     text=True).stdout.strip()
cmd = [exe, "-I", "-u", "-X", "utf8", "-c", runner]
req = (json.dumps({"block": "b", "code": "outputs['n'] = sum(inputs['xs'])", "inputs": {"xs": list(range(100))},
                   "outputs": ["n"]}) + "\n").encode()

def per_process():
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    p.stdin.write(req); p.stdin.flush()
    line = p.stdout.readline()
    p.stdin.close(); p.wait()
    assert b'"done"' in line, line
    return (time.perf_counter() - t) * 1000

times = [per_process() for _ in range(n)]
print("process per execution: first %.1f ms, median %.1f ms, p90 %.1f ms" % (
    times[0], statistics.median(times[1:]), sorted(times[1:])[int(0.9 * (n - 1))]))

t = time.perf_counter()
p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
warm = []
for i in range(n):
    s = time.perf_counter()
    p.stdin.write(req); p.stdin.flush()
    line = p.stdout.readline()
    assert b'"done"' in line, line
    warm.append((time.perf_counter() - (t if i == 0 else s)) * 1000)
p.stdin.close(); p.wait()
print("warm interpreter:      first %.1f ms (its start), median %.2f ms, p90 %.2f ms" % (
    warm[0], statistics.median(warm[1:]), sorted(warm[1:])[int(0.9 * (n - 1))]))
PY

echo "== end to end: wisp run of $n code blocks in a row"
{
  echo "playbook: bench_code"
  echo "inputs: { xs: { type: list, default: [1, 2, 3] } }"
  echo "blocks:"
  for i in $(seq 1 "$n"); do
    echo "  c$i: { code: \"outputs['n'] = sum(inputs['xs'][0])\", inputs: { xs: playbook_input:xs }, outputs: { n: { type: numeric } } }"
  done
  echo "edges:"
  echo "  - start -> c1"
  for i in $(seq 2 "$n"); do echo "  - c$((i - 1)) -> c$i"; done
  echo "  - c$n -> end"
} > "$work/bench_code.yaml"
start=$(date +%s.%N)
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -jar cli/target/wisp.jar run "$work/bench_code.yaml" \
  --allow-code --quiet --runs-dir "$work/runs" >/dev/null 2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
end=$(date +%s.%N)
"$python" - "$work"/runs/*/journal.jsonl "$(echo "$end - $start" | bc)" <<'PY'
import json, statistics, sys
ms = [e["duration_millis"] for e in map(json.loads, open(sys.argv[1])) if e["type"] == "execution_finished"]
ok = [e for e in map(json.loads, open(sys.argv[1])) if e["type"] == "run_finished"][0]["status"]
print("run %s in %.2f s (JVM start included); per execution, as the journal records it (ms, start to result):"
      % (ok, float(sys.argv[2])))
print("  first %d ms (starts the interpreter), median of the rest %.1f ms, max %d ms over %d executions"
      % (ms[0], statistics.median(ms[1:]), max(ms[1:]), len(ms)))
PY
