#!/bin/bash
# The compose health checks of the system image, in bash alone (a node process per check costs more
# than the check on a busy machine): `healthcheck.sh <role>`.
#   api, mock-sora, mock-google: GET /health answers 200 (the API's needs Redis, PostgreSQL, mock-sora)
#   web: GET / answers 200
#   worker: its heartbeat key {QUEUE_PREFIX}:workers:<this hostname>-* is in Redis (what /health counts)
set -uo pipefail
role=${1:-}
unhealthy() {
  echo "unhealthy: $*" >&2
  exit 1
}

http_ok() {
  local path=$1 status
  exec 3<>"/dev/tcp/127.0.0.1/${PORT:?PORT is not set}" || unhealthy "nothing listens on port $PORT"
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
  read -r -t 5 _ status _ <&3 || unhealthy "no answer to GET $path"
  exec 3<&-
  [ "$status" = 200 ] || unhealthy "GET $path answered $status"
}

worker_heartbeat() {
  local url=${REDIS_URL:-redis://127.0.0.1:6379/0} re='^redis://([^@/]*@)?([^:/]+)(:([0-9]+))?(/([0-9]+))?'
  [[ $url =~ $re ]] || unhealthy "REDIS_URL is not redis://host:port/db"
  local host=${BASH_REMATCH[2]} port=${BASH_REMATCH[4]:-6379} db=${BASH_REMATCH[6]:-0} line
  local pattern="${QUEUE_PREFIX:-aivideo}:workers:$(hostname)-*"
  exec 3<>"/dev/tcp/$host/$port" || unhealthy "Redis $host:$port unreachable"
  printf 'SELECT %s\r\nKEYS %s\r\n' "$db" "$pattern" >&3
  read -r -t 5 line <&3 || unhealthy "Redis did not answer"
  [ "${line%$'\r'}" = "+OK" ] || unhealthy "Redis SELECT answered ${line%$'\r'}"
  read -r -t 5 line <&3 || unhealthy "Redis did not answer"
  exec 3<&-
  line=${line%$'\r'}
  [ "${line:0:1}" = "*" ] && [ "${line:1}" -gt 0 ] 2>/dev/null || unhealthy "no heartbeat $pattern in Redis"
}

case "$role" in
  api | mock-sora | mock-google) http_ok /health ;;
  web) http_ok / ;;
  worker) worker_heartbeat ;;
  *) unhealthy "unknown role '$role'" ;;
esac
