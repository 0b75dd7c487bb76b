#!/usr/bin/env bash
# Fault injection against the real system (issue 8): starts its own PostgreSQL and RabbitMQ, runs two APIs and two
# workers as processes (FAULTS_APIS, FAULTS_WORKERS), drives a steady load of new comments spread over the APIs in turn
# and, one scenario at a time, kills every worker, restarts RabbitMQ, stops PostgreSQL for 30 s, sends a poison message,
# kills every API, and kills one API and one worker together (api-and-worker-kill). Prints each scenario's counts,
# writes them into docs/reliability.md and fails on any lost or duplicated comment or decision. The run-script
# scenario starts scripts/run.sh itself (ports FAULTS_RUN_PG_PORT, FAULTS_RUN_AMQP_PORT, FAULTS_RUN_API_URL), fetches
# every page, kills its worker and API with SIGKILL and checks that its supervisor started them again.
#   scripts/faults.sh [baseline|worker-kill|rabbitmq-restart|postgres-stop|poison-message|api-kill|api-and-worker-kill|run-script ...]
# After them, against a fresh three-node RabbitMQ cluster with quorum intake queues (issue 23):
#   rabbit-leader-stop, rabbit-rolling-restart (run when named, or when no scenario is named)
# Settings (environment): FAULTS_PROFILE (faults: data folder and node name), FAULTS_COMMENTS (2000 per scenario), FAULTS_RATE (100 per second; see docs/reliability.md), FAULTS_READERS (20),
# FAULTS_APIS and FAULTS_WORKERS (2 each; the i-th API listens on HARNESS_API_URL's port + i, default 5790; logs api-1.log ... under .data/$FAULTS_PROFILE/logs).
set -euo pipefail

export PROFILE=${FAULTS_PROFILE:-faults}
export PG_PORT=${FAULTS_PG_PORT:-25434}
export AMQP_PORT=${FAULTS_AMQP_PORT:-5684}
export MGMT_PORT=
# No scenario crashes the machine, only processes: the operating system keeps what PostgreSQL wrote, so this cluster
# skips fsync like the test cluster. With fsync on, PostgreSQL's checkpoints and RabbitMQ's syncs shared this
# machine's disk, and a slow stretch of it held broker confirms past the intake bound (docs/reliability.md).
export PG_EXTRA_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
# For the same reason RabbitMQ's message store lives in memory (/dev/shm): a broker restart keeps it, and its fsyncs
# no longer wait on the shared disk. Confirms still held past the intake bound now and then with it on disk.
export RABBIT_MNESIA_DIR=/dev/shm/comments-$PROFILE-rabbitmq
source "$(dirname "$0")/lib/services.sh"

# --- replica (issue 23): a streaming replica that the APIs' public listings and stats read from, in every scenario
# (FAULTS_REPLICA=0: none, everything reads the primary). The replica scenario checks and measures it.
export PG_REPLICA_PORT=${FAULTS_PG_REPLICA_PORT:-25444}
source "$(dirname "$0")/lib/pg-replica.sh"
start_replica_for_faults() {
  [ "${FAULTS_REPLICA:-1}" = 1 ] || return 0
  start_pg_replica
  export ConnectionStrings__CommentsRead="$PG_REPLICA_CONNECTION"
}
# --- end replica

trap stop_services EXIT
trap 'exit 130' INT TERM

stop_leftover_services
# An interrupted run's cluster nodes hold this profile's ports (node 1 the single node's): stop them too.
RABBIT_NODES=3 stop_leftover_rabbit_cluster
rm -rf "$DATA_DIR" "$RABBIT_MNESIA_DIR"
start_services
start_replica_for_faults

cd "$ROOT_DIR"
log "building"
dotnet build Comments.sln -c Release --nologo -v quiet >&2
(cd src/Moderation.Worker/bin/Release/net10.0 && dotnet Moderation.Worker.dll migrate) >&2

export COMMENTS_ROOT="$ROOT_DIR"
# ---- issue 23: the cluster scenarios are split off the named ones and run after them, on their own cluster ----
cluster_scenarios=() single_scenarios=()
for name in "$@"; do
  case $name in rabbit-leader-stop|rabbit-rolling-restart) cluster_scenarios+=("$name") ;; *) single_scenarios+=("$name") ;; esac
done
[ $# -eq 0 ] && cluster_scenarios=(rabbit-leader-stop rabbit-rolling-restart)
status=0
if [ $# -eq 0 ] || [ ${#single_scenarios[@]} -gt 0 ]; then
  dotnet tests/Comments.FaultInjection/bin/Release/net10.0/Comments.FaultInjection.dll "${single_scenarios[@]}" || status=$?
fi
if [ ${#cluster_scenarios[@]} -gt 0 ]; then
  stop_services
  export RABBIT_NODES=3 RABBIT_QUEUE_TYPE=quorum
  stop_leftover_services
  rm -rf "$RABBIT_MNESIA_DIR"
  log "starting a three-node RabbitMQ cluster with quorum intake queues"
  start_services
  start_replica_for_faults
  dotnet tests/Comments.FaultInjection/bin/Release/net10.0/Comments.FaultInjection.dll "${cluster_scenarios[@]}" || status=$?
fi
exit $status
# ---- end of issue 23's block ----
