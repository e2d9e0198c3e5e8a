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

# Fast start for a short-lived CLI: serial GC, no C2 warm-up, class data sharing.
exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto ${WISP_JAVA_OPTS:-} -jar "$jar" "$@"
