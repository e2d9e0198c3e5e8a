#!/usr/bin/env bash
# Starts a Temporal service for development and tests, without Docker: Temporal's Java test server
# (io.temporal:temporal-test-server from Maven Central) in one JVM, on a loopback port (default 7233). It keeps
# everything in memory: stopping it loses every run. See docs/temporal.md.
#   scripts/temporal-dev-server.sh [PORT]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${1:-7233}"
cp_file="$root/runtime-temporal/dev-server/target/classpath.txt"
if [ ! -s "$cp_file" ]; then
  echo "temporal-dev-server: resolving the test server's classpath (once)..." >&2
  (cd "$root" && ./mvnw -q -B -ntp -f runtime-temporal/dev-server/pom.xml dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt) >&2
fi
echo "temporal-dev-server: Temporal on 127.0.0.1:$port (in memory; Ctrl-C stops it)" >&2
exec java -XX:+UseSerialGC -cp "$(cat "$cp_file")" io.temporal.testserver.TestServer "$port"
