#!/usr/bin/env bash
# npm run test:e2e:portable: the browser suite in target mode against our own `npm start` serving its
# pages without any data-testid (WEB_TEST_IDS=off), so that the suite's portability cannot regress: a
# locator that leaned on our test ids fails here. Output in reports/portable/ (REPORTS_DIR overrides).
set -euo pipefail
cd "$(dirname "$0")/.."
export API_PORT="${API_PORT:-8000}" WEB_PORT="${WEB_PORT:-8080}"
export MOCK_SORA_PORT="${MOCK_SORA_PORT:-4010}" MOCK_GOOGLE_PORT="${MOCK_GOOGLE_PORT:-4020}"
reports="${REPORTS_DIR:-reports/portable}"
mkdir -p "$reports"

# Its own process group, so that one signal stops the whole system, as Ctrl-C does.
WEB_TEST_IDS=off setsid node --import tsx harness/start.ts >"$reports/npm-start.log" 2>&1 &
system=$!
trap 'kill -INT -- "-$system" 2>/dev/null || true; wait "$system" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  if curl -fs -m 2 "http://127.0.0.1:$API_PORT/health" >/dev/null && curl -fs -m 2 "http://127.0.0.1:$WEB_PORT/" >/dev/null; then
    ready=1
    break
  fi
  kill -0 "$system" 2>/dev/null || break
  sleep 0.5
done
if [ -z "${ready:-}" ]; then
  echo "test:e2e:portable: npm start did not come up; its log:" >&2
  tail -40 "$reports/npm-start.log" >&2
  exit 1
fi

# Our Sora is our mock-sora: it hands its fault control to the suite (TARGET_MOCK_SORA_URL), as a
# deployment whose Sora is a mock-sora can, so that the failure-path specs run here too.
TARGET_API_URL="http://127.0.0.1:$API_PORT" TARGET_WEB_URL="http://127.0.0.1:$WEB_PORT" \
  TARGET_GOOGLE_URL="http://127.0.0.1:$MOCK_GOOGLE_PORT" TARGET_MOCK_SORA_URL="http://127.0.0.1:$MOCK_SORA_PORT" \
  REPORTS_DIR="$reports" \
  E2E_JUNIT_FILE="$reports/junit/e2e-portable.xml" npx playwright test
