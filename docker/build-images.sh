#!/usr/bin/env bash
# npm run images:build — the three images docker-compose.test.yml runs, built with `nice -n 10`:
#   aivideo/system:test (api, worker, mock-sora, mock-google, web), aivideo/redis:test, aivideo/postgres:test
#
# Base images: BASE_IMAGE / NODE_IMAGE when set; else the offline ones when `npm run images:offline`
# made them (aivideo/base:bookworm, aivideo/node:20-bookworm); else the public debian:bookworm-slim and
# node:20-bookworm-slim (needs a registry). node_modules: NODE_MODULES=ci runs `npm ci` inside the build
# (needs the npm registry from inside a container); NODE_MODULES=host (the default with the offline
# bases) installs the production dependencies on this machine into .tmp/docker-deps/ and copies them.
# Layer caching makes a rebuild of unchanged sources take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "images:build: $*" >&2; }
have_image() { docker image inspect "$1" >/dev/null 2>&1; }
docker info >/dev/null 2>&1 || {
  say "no Docker engine answers"
  exit 1
}

if [ -z "${BASE_IMAGE:-}" ] && have_image aivideo/base:bookworm; then BASE_IMAGE=aivideo/base:bookworm; fi
if [ -z "${NODE_IMAGE:-}" ] && have_image aivideo/node:20-bookworm; then NODE_IMAGE=aivideo/node:20-bookworm; fi
BASE_IMAGE=${BASE_IMAGE:-debian:bookworm-slim}
NODE_IMAGE=${NODE_IMAGE:-node:20-bookworm-slim}
if [ -z "${NODE_MODULES:-}" ]; then
  case "$NODE_IMAGE" in aivideo/*) NODE_MODULES=host ;; *) NODE_MODULES=ci ;; esac
fi

if [ "$NODE_MODULES" = host ]; then
  # The production dependencies of package-lock.json, installed with this machine's npm (and its cache);
  # kept while the lock file is the same.
  deps=.tmp/docker-deps
  sha=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ "$(cat "$deps/.lock-sha" 2>/dev/null || true)" != "$sha" ] || [ ! -d "$deps/node_modules" ]; then
    say "npm ci --omit=dev into $deps"
    rm -rf "$deps" && mkdir -p "$deps"
    cp package.json package-lock.json "$deps/"
    (cd "$deps" && nice -n 10 npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
    echo "$sha" >"$deps/.lock-sha"
  fi
fi

build() {
  local tag=$1 file=$2
  shift 2
  local start=$SECONDS
  # The legacy builder (no buildx here) warns that it is deprecated on every build: not news.
  if ! nice -n 10 docker build -q -f "$file" -t "$tag" "$@" . 2> >(grep -v -e DEPRECATED -e 'legacy builder' \
    -e 'Install the buildx' -e 'docs.docker.com/go/buildx' -e '^ *$' >&2) >/dev/null; then
    say "building $tag failed; see the build output: docker build -f $file $* ."
    exit 1
  fi
  say "$tag ready ($((SECONDS - start)) s)"
}
say "bases: BASE_IMAGE=$BASE_IMAGE NODE_IMAGE=$NODE_IMAGE; node_modules: $NODE_MODULES"
build aivideo/redis:test docker/redis.Dockerfile --build-arg "BASE_IMAGE=$BASE_IMAGE"
build aivideo/postgres:test docker/postgres.Dockerfile --build-arg "BASE_IMAGE=$BASE_IMAGE"
build aivideo/system:test docker/system.Dockerfile --build-arg "NODE_IMAGE=$NODE_IMAGE" \
  --build-arg "NODE_MODULES=$NODE_MODULES"
