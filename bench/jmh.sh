#!/usr/bin/env bash
# Builds and runs the JMH benchmarks of the engine's hot paths (bench/jmh): a chain of set value blocks end to
# end, one block fanned out over many rows, static checks, data path evaluation, journal encoding. Extra
# arguments go to JMH, e.g.
#   bench/jmh.sh chainInMemory -p steps=1000
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && ./mvnw -q -B -ntp -Pjmh -DskipTests package -pl bench/jmh -am) >&2
exec java -jar "$root/bench/jmh/target/benchmarks.jar" "$@"
