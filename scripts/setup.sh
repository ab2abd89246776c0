#!/usr/bin/env bash
# npm run setup: the npm packages, then the machine's binaries the harness runs (Redis, PostgreSQL,
# Chromium, ffmpeg; poppler-utils, with which the PM report's test reads its PDF). Idempotent: quick
# when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# 1. npm packages: npm ci from the lock (npm install without one), skipped when node_modules already
#    matches the lock (npm's own hidden lockfile is newer than package.json and package-lock.json).
if [ -f package-lock.json ]; then
  if [ -z "${SETUP_FORCE_NPM:-}" ] && [ -f node_modules/.package-lock.json ] &&
    [ node_modules/.package-lock.json -nt package-lock.json ] &&
    [ node_modules/.package-lock.json -nt package.json ]; then
    echo "setup: node_modules matches package-lock.json"
  else
    echo "setup: npm ci"
    npm ci --no-audit --no-fund
  fi
else
  echo "setup: no package-lock.json, npm install"
  npm install --no-audit --no-fund
fi

# 2. system packages: only those missing.
have_postgres() {
  [ -n "${PG_BIN_DIR:-}" ] && [ -x "${PG_BIN_DIR}/postgres" ] && return 0
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null && return 0
  command -v postgres >/dev/null 2>&1
}
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
have_postgres || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: redis-server, postgresql, chromium, ffmpeg, poppler-utils are installed"
elif [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${missing[@]}"
else
  echo "setup: missing system packages: ${missing[*]}" >&2
  if command -v apt-get >/dev/null 2>&1; then
    echo "setup: install them by hand:  sudo apt-get install -y ${missing[*]}" >&2
  else
    echo "setup: install them by hand with your package manager (Debian names: ${missing[*]});" >&2
    echo "setup: PostgreSQL's server binaries may be given with PG_BIN_DIR=/path/to/bin" >&2
  fi
  exit 1
fi

# 3. media fixtures mock-sora serves, made with ffmpeg when their script exists and they are missing.
if [ -f fixtures/make-fixtures.sh ] && [ ! -f fixtures/sample-video.mp4 ]; then
  echo "setup: npm run fixtures"
  npm run fixtures
fi
echo "setup: done"
