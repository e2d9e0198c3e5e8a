#!/usr/bin/env bash
# Where a command's CPU goes: runs one wisp command through the release's launcher (its class archives recorded
# first, as bench/steps.sh does) under async-profiler (fetched from Maven Central once), then prints the CPU time of
# each thread and, for the threads named, the frames that took the most, inclusive. This is how the figures in the
# README's performance section were found.
#
#   bench/profile.sh [-t THREAD]... [-n TOP] [-i INTERVAL] -- WISP ARGUMENTS...
#   bench/profile.sh -t main -t wisp-run -- run /tmp/w1k.yaml -q --runs-dir /tmp/runs
#
# THREAD matches the start of a thread's name (main, wisp-run, C1, wisp-schema, httpclient); TOP frames a thread
# (default 25); INTERVAL the sampling interval (default 1ms). Linux on x86-64 only; needs python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
threads=() top=25 interval=1ms
while [ $# -gt 0 ]; do
  case $1 in
    -t) threads+=("$2"); shift 2 ;;
    -n) top=$2; shift 2 ;;
    -i) interval=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "profile: unknown option $1 (see the comment at the top of bench/profile.sh)" >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || { echo "profile: give the wisp command after --" >&2; exit 2; }
[ "$(uname -sm)" = "Linux x86_64" ] || { echo "profile: async-profiler's build here is for Linux x86-64" >&2; exit 2; }
command -v python3 >/dev/null || { echo "profile: needs python3 to summarise the profile" >&2; exit 2; }

version=4.1
lib="$root/bench/target/async-profiler-$version/linux-x64/libasyncProfiler.so"
if [ ! -f "$lib" ]; then
  (cd "$root" && ./mvnw -q -B -ntp dependency:copy -Dartifact="tools.profiler:async-profiler:$version:jar:linux-x64" \
    -DoutputDirectory="$root/bench/target") >&2
  mkdir -p "$root/bench/target/async-profiler-$version"
  (cd "$root/bench/target/async-profiler-$version" \
    && unzip -q -o "$root/bench/target/async-profiler-$version-linux-x64.jar" 'linux-x64/*')
fi

[ -f "$root/cli/target/wisp.jar" ] || (cd "$root" && ./mvnw -q -B -ntp -DskipTests package -pl cli -am) >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
release_launcher "$work/release"
"$wisp" "$@" >/dev/null 2>&1 || true   # records the command's class archive, as a user's first command does
WISP_JAVA_OPTS="-agentpath:$lib=start,event=cpu,interval=$interval,threads,file=$work/cpu.collapsed,collapsed" \
  "$wisp" "$@" >/dev/null 2>&1 || true

python3 - "$work/cpu.collapsed" "$interval" "$top" "${threads[@]}" <<'PY'
import collections, re, sys
path, interval, top, wanted = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
unit = {"us": 1e-6, "ms": 1e-3, "s": 1.0}
m = re.fullmatch(r"(\d+)(us|ms|s)", interval)
seconds = int(m.group(1)) * unit[m.group(2)] if m else 1e-3
by_thread, frames = collections.Counter(), collections.defaultdict(collections.Counter)
for line in open(path):
    stack, n = line.rsplit(" ", 1)
    n = int(n)
    parts = stack.split(";")
    name = re.sub(r" tid=\d+\]$", "]", parts[0]).strip("[]")
    name = re.sub(r"-\d{8}-\d{6}-[0-9a-f]+$", "", name)   # a run's thread, without its run id
    by_thread[name] += n
    for frame in set(parts[1:]):
        frames[name][frame] += n
total = sum(by_thread.values())
print(f"CPU {total * seconds:.2f} s in all, by thread:")
for name, n in by_thread.most_common():
    print(f"  {n * seconds:7.3f} s  {100 * n / total:5.1f} %  {name}")
for want in wanted:
    for name in [t for t in by_thread if t.startswith(want)]:
        print(f"\n{name}: the {top} frames that took the most CPU (inclusive)")
        for frame, n in frames[name].most_common(top):
            print(f"  {n * seconds:7.3f} s  {frame[:140]}")
PY
