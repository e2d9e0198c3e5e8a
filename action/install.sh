#!/usr/bin/env bash
# Installs Wisp for the Action (action.yml): from a release of the Action's repository, checked against the
# release's SHA256SUMS, or from a local archive (WISP_ARCHIVE, e.g. one this repository's build just made).
# Puts its bin/ on GITHUB_PATH. Also runs outside GitHub Actions (scripts/release-check.sh tests it).
#
#   WISP_VERSION     the release, e.g. 0.1.0 (empty: from WISP_ACTION_REF, the Action's tag v0.1.0)
#   WISP_ARCHIVE     a local archive (a glob is expanded; it must match one file) instead of a download
#   WISP_DIR         where to install (a cached directory that already holds bin/wisp is used as it is)
#   WISP_REPOSITORY  owner/name the release is downloaded from; WISP_BASE_URL overrides the whole URL
set -euo pipefail

fail() {
  echo "::error title=wisp action::$*" >&2
  exit 1
}

: "${WISP_DIR:?WISP_DIR is required}"

sha256_check() {   # FILE.sha256 in the current folder; macOS runners have shasum, not sha256sum
  if command -v sha256sum >/dev/null; then sha256sum --quiet -c "$1"; else shasum -a 256 --quiet -c "$1"; fi
}
platform() {
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) echo linux-x64 ;;
    *) echo "" ;;
  esac
}

install_from() {   # archive: unpack it into WISP_DIR, without its top folder
  local archive=$1 tmp
  tmp=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/wisp.XXXXXX")
  case "$archive" in
    *.tar.gz) tar -xzf "$archive" -C "$tmp" ;;
    *.zip) unzip -q "$archive" -d "$tmp" ;;
    *) fail "$archive is not a Wisp release archive (.tar.gz or .zip)" ;;
  esac
  local top=("$tmp"/wisp-*)
  [ ${#top[@]} -eq 1 ] && [ -f "${top[0]}/bin/wisp" ] || fail "$archive does not hold a wisp-VERSION/bin/wisp"
  rm -rf "$WISP_DIR"
  mkdir -p "$(dirname "$WISP_DIR")"
  mv "${top[0]}" "$WISP_DIR"
  rm -rf "$tmp"
  chmod +x "$WISP_DIR/bin/wisp"
}

if [ -n "${WISP_ARCHIVE:-}" ]; then
  # shellcheck disable=SC2206 # the glob is expanded on purpose
  matches=($WISP_ARCHIVE)
  [ ${#matches[@]} -eq 1 ] || fail "archive '$WISP_ARCHIVE' must name one file; it matches: ${matches[*]}"
  [ -f "${matches[0]}" ] || fail "archive '$WISP_ARCHIVE': no such file (build it first: ./mvnw -B -ntp package)"
  if [ -f "${matches[0]}.sha256" ]; then
    (cd "$(dirname "${matches[0]}")" && sha256_check "$(basename "${matches[0]}").sha256") \
      || fail "${matches[0]} does not match its .sha256"
  fi
  install_from "${matches[0]}"
elif [ -x "$WISP_DIR/bin/wisp" ]; then
  echo "wisp: using the cached installation in $WISP_DIR"
else
  version=${WISP_VERSION:-}
  if [ -z "$version" ]; then
    ref=${WISP_ACTION_REF:-}
    [[ "$ref" =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]] \
      || fail "no version to install: set 'with: version: X.Y.Z' (the Action's ref '${ref}' is not a release tag vX.Y.Z)"
    version=${ref#v}
  fi
  [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([.-][0-9A-Za-z.-]+)?$ ]] || fail "version '$version' is not a release version"
  p=$(platform)
  asset="wisp-${version}${p:+-$p}.tar.gz"
  base=${WISP_BASE_URL:-https://github.com/${WISP_REPOSITORY:?WISP_REPOSITORY is required}/releases/download/v${version}}
  tmp=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/wisp-download.XXXXXX")
  echo "wisp: downloading $base/$asset"
  curl -fsSL --retry 3 -o "$tmp/$asset" "$base/$asset" || fail "cannot download $base/$asset (is there a release v$version?)"
  curl -fsSL --retry 3 -o "$tmp/SHA256SUMS" "$base/SHA256SUMS" || fail "cannot download $base/SHA256SUMS"
  (cd "$tmp" && grep -E "^[0-9a-f]{64}  ${asset}\$" SHA256SUMS > "$asset.sha256") || fail "SHA256SUMS has no line for $asset"
  (cd "$tmp" && sha256_check "$asset.sha256") || fail "$asset does not match the release's SHA256SUMS"
  install_from "$tmp/$asset"
  rm -rf "$tmp"
fi

if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$WISP_DIR/bin" >> "$GITHUB_PATH"
fi
"$WISP_DIR/bin/wisp" --version | head -1
