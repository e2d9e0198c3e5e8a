#!/usr/bin/env bash
# Checks the release as a user meets it: builds it (scripts/release.sh --skip-tests; --no-build uses the archives
# already in dist/target), then, in empty folders outside the checkout:
#   1. the plain archive: checksums, layout, wisp --version (version and commit), wisp init, then bin/wisp
#      validate and bin/wisp test on what init made; the launcher's messages without Java or with an old one;
#   2. the self-contained archive, the same with no JAVA_HOME and no java on PATH, also as a non-root user
#      through the container's entrypoint (what the Dockerfile runs; the image itself needs Docker);
#   3. the Action's installer (action/install.sh): from a local archive, from a "download" (file:// URL) checked
#      against SHA256SUMS, from its cache, and refusing an archive that does not match;
#   4. a build from a source archive without .git says "commit unknown".
# Prints the archives' sizes and the start-up times (median of 11 runs) of the plain jar and the jlinked image.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

if [ "${1:-}" != "--no-build" ]; then
  scripts/release.sh --skip-tests -q
fi

version=$(sed -n 's/^version=//p' cli/target/classes/dev/wisp/cli/build.properties)
commit=$(git -C "$repo" describe --always --dirty --abbrev=12 --exclude='*')
plain=$repo/dist/target/wisp-$version.tar.gz
runtime=$repo/dist/target/wisp-$version-linux-x64.tar.gz
[ -f "$plain" ] && [ -f "$runtime" ] || { echo "missing $plain or $runtime" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/wisp-release-check.XXXXXX")
case "$work/" in "$repo"/*) echo "the temporary folder $work is inside the checkout" >&2; exit 1 ;; esac
trap 'rm -rf "$work"' EXIT
failures=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; failures=$((failures + 1)); }
check() {   # check DESCRIPTION COMMAND...: the command must succeed
  local what=$1; shift
  if "$@" >"$work/out" 2>&1; then ok "$what"; else bad "$what"; sed 's/^/     /' "$work/out"; fi
}
expect_fail() {   # expect_fail DESCRIPTION EXIT TEXT COMMAND...: the command must exit EXIT and print TEXT
  local what=$1 code=$2 text=$3; shift 3
  set +e; "$@" >"$work/out" 2>&1; local got=$?; set -e
  if [ "$got" -eq "$code" ] && grep -qF -- "$text" "$work/out"; then ok "$what"
  else bad "$what (exit $got)"; sed 's/^/     /' "$work/out"; fi
}

# A PATH with the tools the launchers need and no java at all.
tools=$work/tools
mkdir -p "$tools"
for t in sh bash dirname readlink sed id uname head tar gzip mktemp; do ln -s "$(command -v "$t")" "$tools/$t"; done
nojava=(env -i "PATH=$tools" "HOME=$work/home")
"${nojava[@]}" sh -c 'command -v java' >/dev/null && { echo "java is on the test PATH" >&2; exit 1; }

echo "== checksums"
check "SHA256SUMS matches the archives" sh -c "cd '$repo/dist/target' && sha256sum -c SHA256SUMS"

echo "== the plain archive ($(basename "$plain")), on the system's Java"
mkdir "$work/plain" && tar -xzf "$plain" -C "$work/plain"
home=$work/plain/wisp-$version
for f in bin/wisp bin/wisp.cmd lib/wisp.jar schema/playbook.schema.json docs/cli.md README.md LICENSE NOTICE THIRD-PARTY.txt; do
  [ -f "$home/$f" ] || bad "the archive has no $f"
done
[ -x "$home/bin/wisp" ] && ok "the archive holds the launchers, the jar, the schema, the docs and the notices"
grep -q "snakeyaml" "$home/THIRD-PARTY.txt" && ! grep -q "dev.wisp:" "$home/THIRD-PARTY.txt" \
  && ok "THIRD-PARTY.txt lists the libraries, not Wisp's own modules" || bad "THIRD-PARTY.txt"
[ "$(head -1 "$home/bin/wisp.cmd" | od -c | grep -c '\\r')" -eq 1 ] && ok "bin/wisp.cmd has CRLF line ends" || bad "wisp.cmd line ends"
first=$("$home/bin/wisp" --version | head -1)
[ "$first" = "wisp $version (commit $commit)" ] && ok "wisp --version: $first" || bad "wisp --version: '$first', not commit $commit"
cd "$work/plain"
check "wisp init demo" "$home/bin/wisp" init demo
cd demo
check "bin/wisp validate --strict playbooks/ (made by wisp init)" "$home/bin/wisp" validate --strict playbooks/
check "bin/wisp test --junit playbooks/" "$home/bin/wisp" test --junit "$work/plain/junit.xml" playbooks/
grep -q '<testsuite' "$work/plain/junit.xml" && ok "the JUnit report is written" || bad "no JUnit report"
check "the GitHub annotations format" "$home/bin/wisp" validate --format github playbooks/
expect_fail "no Java: the launcher says so" 2 "no Java found: JAVA_HOME is not set and there is no java on PATH" \
  "${nojava[@]}" "$home/bin/wisp" --version
expect_fail "a JAVA_HOME without java" 2 "JAVA_HOME is $work/nowhere, but $work/nowhere/bin/java is not there" \
  env JAVA_HOME="$work/nowhere" "$home/bin/wisp" --version
mkdir -p "$work/java11/bin" && printf 'JAVA_VERSION="11.0.24"\n' > "$work/java11/release"
printf '#!/bin/sh\necho unreachable >&2\nexit 1\n' > "$work/java11/bin/java" && chmod +x "$work/java11/bin/java"
expect_fail "a Java older than 17" 2 "Wisp needs Java 17 or newer, and $work/java11/bin/java (from JAVA_HOME) is Java 11.0.24" \
  env JAVA_HOME="$work/java11" "$home/bin/wisp" --version
ln -s "$home/bin/wisp" "$tools/wisp-link"
check "a symbolic link to bin/wisp finds its installation" env PATH="$tools:$PATH" wisp-link --version

echo "== the self-contained archive ($(basename "$runtime")): no JAVA_HOME, no java on PATH"
mkdir "$work/runtime" && tar -xzf "$runtime" -C "$work/runtime"
rhome=$work/runtime/wisp-$version
mkdir "$work/runtime/repo" && cd "$work/runtime/repo"
check "wisp --version" "${nojava[@]}" "$rhome/bin/wisp" --version
check "wisp init" "${nojava[@]}" "$rhome/bin/wisp" init
check "bin/wisp validate --strict playbooks/" "${nojava[@]}" "$rhome/bin/wisp" validate --strict playbooks/
check "bin/wisp test playbooks/" "${nojava[@]}" "$rhome/bin/wisp" test playbooks/
printf '%s\n' '{"container": {"name": "x", "severity": "low"}, "artifacts": [{"cef": {"sourceAddress": "203.0.113.9"}}]}' \
  > "$work/low.json"
check "wisp run (the example, answering its prompt, with the assets template)" "${nojava[@]}" CADO_ACCESS_TOKEN=fake-token-0 \
  "$rhome/bin/wisp" run playbooks/triage_alert.yaml --assets assets.example.yaml --event "$work/low.json" \
  --answer ask_analyst=no
entry=$repo/dist/src/docker/entrypoint.sh
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  # as the image runs it: uid 10001, the installation read-only to it, the playbooks mounted read-only
  chmod -R go-w "$work/runtime" && chmod 755 "$work" "$work/runtime" && chmod -R a+rX "$work/runtime" "$tools"
  as_user=(setpriv --reuid=10001 --regid=10001 --clear-groups env -i "PATH=$tools" "HOME=/nonexistent" "WISP_HOME=$rhome")
  check "the entrypoint as uid 10001: validate" "${as_user[@]}" "$entry" validate playbooks/
  check "the entrypoint as uid 10001: test" "${as_user[@]}" "$entry" test playbooks/
  expect_fail "the entrypoint says when the folder is not writable" 0 "is not writable by uid 10001" \
    "${as_user[@]}" "$entry" validate playbooks/
  "${as_user[@]}" "$entry" > "$work/usage" 2>&1 || true
  head -1 "$work/usage" | grep -q '^Usage: wisp' && ok "the entrypoint without arguments prints the usage" \
    || bad "the entrypoint without arguments: $(head -3 "$work/usage")"
else
  echo "skip the non-root entrypoint checks (needs root and setpriv)"
  check "the entrypoint: validate" env WISP_HOME="$rhome" "${nojava[@]}" "$entry" validate playbooks/
fi

echo "== the Action's installer (action/install.sh)"
inst=$repo/action/install.sh
check "from a local archive (a glob)" env WISP_ARCHIVE="$repo/dist/target/wisp-$version.*gz" WISP_DIR="$work/action/local" bash "$inst"
expect_fail "a glob that matches several archives is refused" 1 "must name one file" \
  env WISP_ARCHIVE="$repo/dist/target/wisp-*" WISP_DIR="$work/action/several" bash "$inst"
"$work/action/local/bin/wisp" --version >/dev/null && ok "  and it runs" || bad "the local install does not run"
gp=$work/action/github_path && : > "$gp"
check "from a release download, checked against SHA256SUMS" env WISP_VERSION="$version" WISP_DIR="$work/action/dl" \
  WISP_BASE_URL="file://$repo/dist/target" GITHUB_PATH="$gp" bash "$inst"
[ -x "$work/action/dl/runtime/bin/java" ] && ok "  the Linux x64 runner gets the self-contained archive" || bad "no runtime/"
grep -qx "$work/action/dl/bin" "$gp" && ok "  its bin/ is put on GITHUB_PATH" || bad "GITHUB_PATH"
expect_fail "from the cache, without downloading" 0 "using the cached installation" \
  env WISP_VERSION="$version" WISP_DIR="$work/action/dl" WISP_BASE_URL="file:///nonexistent" bash "$inst"
mkdir "$work/action/tampered" && cp "$repo/dist/target/"wisp-"$version"*.tar.gz "$work/action/tampered/"
(cd "$repo/dist/target" && sed 's/^[0-9a-f]/0/' SHA256SUMS) > "$work/action/tampered/SHA256SUMS"
expect_fail "an archive that does not match SHA256SUMS is refused" 1 "does not match the release's SHA256SUMS" \
  env WISP_VERSION="$version" WISP_DIR="$work/action/t" WISP_BASE_URL="file://$work/action/tampered" bash "$inst"
expect_fail "no version and no release tag: a clear error" 1 "no version to install" \
  env WISP_DIR="$work/action/none" WISP_ACTION_REF=main WISP_REPOSITORY=x/y bash "$inst"

echo "== a build from a source archive without .git"
mkdir "$work/src" && git -C "$repo" archive HEAD | tar -x -C "$work/src"
(cd "$work/src" && ./mvnw -B -ntp -q -o -DskipTests package -pl cli -am >"$work/out" 2>&1) || { cat "$work/out"; bad "source build"; }
srcv=$(java -jar "$work/src/cli/target/wisp.jar" --version | head -1)
[ "$srcv" = "wisp $version (commit unknown)" ] && ok "wisp --version: $srcv" || bad "source build says '$srcv'"

echo "== sizes and start-up (median of 11 runs; validate is wisp init's playbooks/)"
median() {
  local times=() s e
  for _ in 1 2 3 4 5 6 7 8 9 10 11; do
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); times+=($(((e - s) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 6p
}
cd "$work/runtime/repo"
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }
printf '%-44s %9s %10s\n' archive size unpacked
printf '%-44s %9s %10s\n' "$(basename "$plain")" "$(mb "$(stat -c %s "$plain")")" "$(mb "$(du -sb "$home" | cut -f1)")"
printf '%-44s %9s %10s\n' "$(basename "$runtime")" "$(mb "$(stat -c %s "$runtime")")" "$(mb "$(du -sb "$rhome" | cut -f1)")"
printf '%-44s %9s %10s\n' "start-up (ms)" "--version" validate
printf '%-44s %9s %10s\n' "plain jar, system Java $(java -version 2>&1 | sed -n '1s/.*"\(.*\)".*/\1/p')" \
  "$(median "$home/bin/wisp" --version)" "$(median "$home/bin/wisp" validate playbooks/)"
printf '%-44s %9s %10s\n' "jlinked runtime" \
  "$(median "${nojava[@]}" "$rhome/bin/wisp" --version)" "$(median "${nojava[@]}" "$rhome/bin/wisp" validate playbooks/)"

echo
if [ "$failures" -eq 0 ]; then echo "release check: all passed"; else echo "release check: $failures failed"; exit 1; fi
