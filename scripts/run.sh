#!/usr/bin/env bash
# Runs the whole system on this machine: PostgreSQL and RabbitMQ (installed with apt when missing and root),
# the database migrations, the moderation worker and the API. Ctrl-C stops everything it started.
# Settings (environment): API_URL (default http://127.0.0.1:8080), PG_PORT (55432), AMQP_PORT (5682),
# MGMT_PORT (15682), ASPNETCORE_ENVIRONMENT (Development).
set -euo pipefail

PROFILE=run
PG_PORT=${PG_PORT:-55432}
AMQP_PORT=${AMQP_PORT:-5682}
MGMT_PORT=${MGMT_PORT:-15682}
API_URL=${API_URL:-http://127.0.0.1:8080}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export DOTNET_ENVIRONMENT=$ASPNETCORE_ENVIRONMENT
source "$(dirname "$0")/lib/services.sh"

APP_PIDS=()
shutdown() {
  trap - EXIT INT TERM
  for pid in "${APP_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  stop_services
}
trap shutdown EXIT
trap 'exit 130' INT TERM

start_services

cd "$ROOT_DIR"
log "building"
dotnet build Comments.sln -c Release --nologo -v quiet >&2
WORKER_DIR="$ROOT_DIR/src/Moderation.Worker/bin/Release/net10.0"
API_DIR="$ROOT_DIR/src/Comments.Api/bin/Release/net10.0"

log "applying database migrations"
(cd "$WORKER_DIR" && dotnet Moderation.Worker.dll migrate)

# The worker exits with 75 when it finds itself stalled (see BrokerWatch); like a container's restart policy, this
# starts it again. Any other exit stops the whole system.
supervise() {
  local child code
  trap 'kill -TERM $child 2>/dev/null; wait $child; exit 0' TERM INT
  while true; do
    "$@" & child=$!
    wait $child && return 0 || code=$?
    [ "$code" = 75 ] || return "$code"
    log "the worker asked to be started again (exit 75)"
  done
}
(cd "$WORKER_DIR" && supervise dotnet Moderation.Worker.dll) & APP_PIDS+=($!)
(cd "$API_DIR" && exec dotnet Comments.Api.dll --urls "$API_URL") & APP_PIDS+=($!)

for _ in $(seq 1 60); do
  curl -fs "$API_URL/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$API_URL/health/ready" >/dev/null || { log "the API did not become ready"; exit 1; }

cat >&2 <<MSG

  Comments API      $API_URL   (health: $API_URL/health/ready)
  RabbitMQ UI       http://127.0.0.1:$MGMT_PORT   (guest / guest)
  PostgreSQL        $ConnectionStrings__Comments
  A token:          scripts/token.sh reader-1 reader "Ada Reader"

  Ctrl-C stops everything.
MSG
wait -n "${APP_PIDS[@]}"
log "a process exited; stopping"
