#!/usr/bin/env bash
# npm run test:containers — the suites again, on the system in containers (docker-compose.test.yml):
#   1. a Docker engine: dockerd started when none answers (docker.io, docker-compose and debootstrap
#      installed with apt when missing, as root); no engine → exit 1 with the reason, never a skip
#   2. images: npm run images:offline (unless IMAGES=registry), then npm run images:build
#   3. with STACK=containers: the API suite, the e2e guide walk, the API's pacts verified against its
#      container, the three-worker proof
#   4. nothing left: no container, network or volume of ours (docker ps -a is printed)
# CONTAINERS_SUITES=api,e2e,contracts,workers picks suites. Their reports go to reports/containers/
# (REPORTS_DIR/containers: junit/, allure-results/, perf.json, logs/) so that they do not replace the local run's.
set -uo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

started_at=$SECONDS
say() { echo "test:containers: $*"; }
fatal() {
  say "FAILED: $*" >&2
  exit 1
}
is_root() { [ "$(id -u)" -eq 0 ]; }
apt_updated=
apt_install() {
  is_root && command -v apt-get >/dev/null 2>&1 || return 1
  [ -n "$apt_updated" ] || { apt-get update -q >/dev/null && apt_updated=1; }
  apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

# 0. A clean clone: the npm packages (and the machine's packages the suites use) first.
[ -d node_modules/testcontainers ] || bash scripts/setup.sh || fatal "npm run setup failed"

# 1. The engine, and what the run needs beside it.
if ! docker info >/dev/null 2>&1; then
  if ! command -v dockerd >/dev/null 2>&1; then
    say "no Docker engine installed: apt-get install docker.io"
    apt_install docker.io || fatal "cannot install docker.io (needs root and apt): install Docker and start it"
  fi
  DOCKERD_LOG=${DOCKERD_LOG:-${TMPDIR:-/tmp}/aivideo-dockerd.log}
  is_root || fatal "no Docker engine answers and starting dockerd needs root"
  say "starting dockerd (log $DOCKERD_LOG)"
  setsid dockerd >"$DOCKERD_LOG" 2>&1 </dev/null &
  dockerd_pid=$!
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    kill -0 "$dockerd_pid" 2>/dev/null || break
    sleep 1
  done
  if ! docker info >/dev/null 2>&1; then
    tail -15 "$DOCKERD_LOG" >&2
    fatal "the Docker engine did not start (dockerd log above, $DOCKERD_LOG)"
  fi
  say "dockerd running (pid $dockerd_pid; left running for later runs)"
fi
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null 2>&1; then
  say "no Docker Compose: apt-get install docker-compose"
  apt_install docker-compose || fatal "no Docker Compose (docker compose v2 or docker-compose) and cannot install it"
fi
if [ "${IMAGES:-offline}" = offline ] && ! command -v debootstrap >/dev/null 2>&1; then
  apt_install debootstrap || say "debootstrap missing: only a cached rootfs can make the offline base"
fi
if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  apt_install chromium || say "no chromium: the e2e walk will fail"
fi

# 2. Images.
t=$SECONDS
if [ "${IMAGES:-offline}" = offline ]; then
  bash docker/images-offline.sh >/dev/null || fatal "npm run images:offline failed"
fi
bash docker/build-images.sh || fatal "npm run images:build failed"
say "images ready in $((SECONDS - t)) s"

# 3. Suites against containers, reporting into a dir of their own so the local run's reports stay.
export STACK=containers CONTAINERS_BUILD=skip TESTCONTAINERS_RYUK_DISABLED=${TESTCONTAINERS_RYUK_DISABLED:-true}
export REPORTS_DIR="${REPORTS_DIR:-reports}/containers"
mkdir -p "$REPORTS_DIR"

passed=0
failed=0
results=()
suite() {
  local name=$1
  shift
  case ",${CONTAINERS_SUITES:-api,e2e,contracts,workers}," in *",$name,"*) ;; *) return ;; esac
  local t=$SECONDS
  say "── $name: $*"
  if "$@"; then
    passed=$((passed + 1))
    results+=("✅ $name ($((SECONDS - t)) s)")
  else
    failed=$((failed + 1))
    results+=("❌ $name ($((SECONDS - t)) s)")
  fi
}
pacts_then_verify() {
  npx vitest run -c vitest.contracts.config.ts --project consumers &&
    npx vitest run -c vitest.containers.config.ts contracts/containers
}
suite api npm run test:api
# The guide walk in the browser (E2E_HAPPY_PATH names another spec).
E2E_HAPPY_PATH=${E2E_HAPPY_PATH:-e2e/generate/guide-walk-plays-the-video-within-20-s.spec.ts}
e2e_happy_path() {
  [ -f "$E2E_HAPPY_PATH" ] || {
    say "no e2e spec at $E2E_HAPPY_PATH (set E2E_HAPPY_PATH)"
    return 1
  }
  npx playwright test "$E2E_HAPPY_PATH"
}
suite e2e e2e_happy_path
suite contracts pacts_then_verify
suite workers npx vitest run -c vitest.containers.config.ts harness/stack/containers

# 4. Nothing of ours may be left.
left_containers=$(docker ps -a --filter label=com.docker.compose.project --format '{{.Label "com.docker.compose.project"}} {{.Names}}' | grep '^aivideo-stack-' || true)
left_networks=$(docker network ls --format '{{.Name}}' | grep '^aivideo-stack-' || true)
left_volumes=$(docker volume ls --format '{{.Name}}' | grep '^aivideo-stack-' || true)
say "docker ps -a after the run:"
docker ps -a
if [ -n "$left_containers$left_networks$left_volumes" ]; then
  failed=$((failed + 1))
  results+=("❌ cleanup: left behind: ${left_containers//$'\n'/, } ${left_networks//$'\n'/, } ${left_volumes//$'\n'/, }")
else
  passed=$((passed + 1))
  results+=("✅ cleanup: no container, network or volume left")
fi

for r in "${results[@]}"; do say "$r"; done
say "wall time $((SECONDS - started_at)) s"
echo "containers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
