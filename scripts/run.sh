#!/usr/bin/env bash
# Runs the whole system on this machine: PostgreSQL and RabbitMQ (installed with apt when missing and root),
# the database migrations, the moderation worker and the API. Ctrl-C stops everything it started.
# The worker and the API are supervised like containers with a restart policy: after any exit that Ctrl-C did not
# ask for, each is started again after a growing pause.
# Settings (environment): API_URL (default http://127.0.0.1:8080), PG_PORT (55432), AMQP_PORT (5682),
# MGMT_PORT (15682; empty for no management UI), ASPNETCORE_ENVIRONMENT (Development; any other needs Auth__Issuer and
# Auth__SigningKey or the site's published keys, see docs/security.md), RUN_PROFILE (run: the name of
# the data folder .data/RUN_PROFILE and of the RabbitMQ node; a second copy beside the first also needs other ports),
# RUN_REPLICA=1 (a streaming PostgreSQL replica on PG_REPLICA_PORT, 55433, for the public listings and stats).
set -euo pipefail

PROFILE=${RUN_PROFILE:-run}
PG_PORT=${PG_PORT:-55432}
AMQP_PORT=${AMQP_PORT:-5682}
MGMT_PORT=${MGMT_PORT-15682}
API_URL=${API_URL:-http://127.0.0.1:8080}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export DOTNET_ENVIRONMENT=$ASPNETCORE_ENVIRONMENT
source "$(dirname "$0")/lib/services.sh"
source "$(dirname "$0")/lib/pg-replica.sh"
PG_REPLICA_PORT=${PG_REPLICA_PORT:-55433}

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
if [ "${RUN_REPLICA:-0}" = 1 ]; then
  start_pg_replica
  export ConnectionStrings__CommentsRead="$PG_REPLICA_CONNECTION"
fi
mkdir -p "$DATA_DIR"

cd "$ROOT_DIR"
log "building"
dotnet build Comments.sln -c Release --nologo -v quiet >&2
WORKER_DIR="$ROOT_DIR/src/Moderation.Worker/bin/Release/net10.0"
API_DIR="$ROOT_DIR/src/Comments.Api/bin/Release/net10.0"

log "applying database migrations"
(cd "$WORKER_DIR" && dotnet Moderation.Worker.dll migrate)

# Runs a command and starts it again whenever it exits, as a container's restart policy would: at once when it asks
# for that (the worker's exit 75, see BrokerWatch), otherwise after a pause that doubles up to 30 s and falls back to
# 1 s once a run has lasted a minute. Its process id is kept in .data/PROFILE/NAME.pid while it runs. SIGTERM (sent
# by shutdown on Ctrl-C) stops the command, waits for it and ends the supervisor; further signals are ignored
# meanwhile, so the supervisor never exits before its command has.
supervise() {
  local name=$1; shift
  local child= pause=1 code started
  trap 'trap "" TERM INT; kill -TERM $(jobs -p) 2>/dev/null; wait; rm -f "$DATA_DIR/$name.pid"; exit 0' TERM INT
  while true; do
    started=$SECONDS
    "$@" & child=$!
    echo "$child" > "$DATA_DIR/$name.pid"
    code=0; wait "$child" || code=$?
    child=
    [ $((SECONDS - started)) -ge 60 ] && pause=1
    if [ "$code" = 75 ]; then
      log "the $name asked to be started again (exit 75)"
      continue
    fi
    log "the $name exited with code $code; starting it again in ${pause} s"
    sleep "$pause" & wait $!
    pause=$((pause * 2 > 30 ? 30 : pause * 2))
  done
}
# The worker yields the CPU to the API and the broker (nice 10): on a machine they share, a comment's decision may
# wait a moment, its acceptance may not (docs/reliability.md).
(cd "$WORKER_DIR" && supervise worker nice -n 10 dotnet Moderation.Worker.dll) & APP_PIDS+=($!)
(cd "$API_DIR" && supervise api dotnet Comments.Api.dll --urls "$API_URL") & APP_PIDS+=($!)

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
wait
