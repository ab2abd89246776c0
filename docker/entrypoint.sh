#!/bin/sh
# The system image's commands: api | worker | mock-sora | mock-google | web (one server each).
set -eu
case "${1:-}" in
  api) entry=system/api/src/server.ts ;;
  worker) entry=system/worker/src/server.ts ;;
  mock-sora) entry=system/mock-sora/src/server.ts ;;
  mock-google) entry=system/mock-google/src/server.ts ;;
  web) entry=system/web/src/server.ts ;;
  *)
    echo "usage: api | worker | mock-sora | mock-google | web (got '${1:-}')" >&2
    exit 64
    ;;
esac
# LOOPBACK_FORWARDS="8080=web:8080,8000=api:8000": this container's 127.0.0.1:8080 reaches web:8080.
# The browser on the host names the preset images by its own origin (http://127.0.0.1:<web port>/...),
# and the worker fetches that very URL: inside the container it must reach the same web app.
if [ -n "${LOOPBACK_FORWARDS:-}" ]; then
  node /app/docker/loopback-forward.mjs "$LOOPBACK_FORWARDS" &
fi
exec node --import tsx "/app/$entry"
