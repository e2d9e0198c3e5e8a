#!/usr/bin/env bash
# Runs the Wisp CLI, building it first when the jar is missing or older than the sources.
# Build output goes to stderr so that stdout carries only Wisp's own output.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$root/cli/target/wisp.jar"

stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find "$root" -path "$root/.git" -prune -o -path '*/target' -prune -o \
      \( -name pom.xml -o -path '*/src/main/*' -o -path "$root/schema/*" \) -type f -newer "$jar" -print -quit)" ]
}

if stale; then
  echo "wisp: building the CLI (first run or sources changed)..." >&2
  (cd "$root" && ./mvnw -q -B -ntp -DskipTests package -pl cli -am) >&2
fi

# Fast start for a short-lived CLI: serial GC, no C2 warm-up, one compiler thread (a second one took CPU from the
# run on a 2-core machine: 7 % more for a one-step run), class data sharing. Once per build, the classes
# that validating and testing the repository's playbooks load are recorded in an archive beside the jar (the
# JDK's dynamic CDS); every run maps them in instead of loading and verifying them again, which saves about a
# fifth of the start-up and a quarter of the memory. WISP_CDS=off turns this off.
# As the release's launcher does, compile at a quarter of the usual invocation counts (dist/src/bin/wisp says why).
opts=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:CompileThresholdScaling=0.25 -Xshare:auto
  -Xlog:cds*=off)
jsa="$root/cli/target/wisp.jsa"
if [ "${WISP_CDS:-on}" != off ] && ! { [ -f "$jsa" ] && [ "$jsa" -nt "$jar" ]; }; then
  tmp="$jsa.$$"
  java "${opts[@]}" -XX:ArchiveClassesAtExit="$tmp" -jar "$jar" test "$root/playbooks" >/dev/null 2>&1 || true
  if [ -s "$tmp" ]; then mv -f "$tmp" "$jsa" 2>/dev/null || rm -f "$tmp"; else rm -f "$tmp"; fi
fi
if [ "${WISP_CDS:-on}" != off ] && [ -f "$jsa" ] && [ "$jsa" -nt "$jar" ]; then
  opts+=(-XX:SharedArchiveFile="$jsa")
fi
exec java "${opts[@]}" ${WISP_JAVA_OPTS:-} -jar "$jar" "$@"
