#!/usr/bin/env bash
# Builds the release archives into dist/target/ (docs/release.md):
#   wisp-VERSION.tar.gz, wisp-VERSION.zip   any OS with Java 17 or newer
#   wisp-VERSION-OS-ARCH.tar.gz             with a jlinked Java runtime for this machine's OS and CPU
#   SHA256SUMS                              (and one .sha256 per archive)
# The version is the POM's; the commit is recorded in the jar (wisp --version). Runs the tests unless
# --skip-tests. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

tests=()
if [ "${1:-}" = "--skip-tests" ]; then
  tests=(-DskipTests)
  shift
fi
./mvnw -B -ntp "${tests[@]}" -Pruntime package "$@"
echo
(cd dist/target && ls -l wisp-*.tar.gz wisp-*.zip && cat SHA256SUMS)
