#!/usr/bin/env bash
# Stops or starts one of the services of the profile in the environment (PROFILE, PG_PORT, AMQP_PORT, MGMT_PORT),
# for the fault-injection runs: service-ctl.sh stop-postgres|start-postgres|stop-rabbitmq|start-rabbitmq; with a
# cluster (RABBIT_NODES): stop-rabbit-node N|start-rabbit-node N|rabbit-leader QUEUE (prints the leader's node number)
set -euo pipefail
source "$(dirname "$0")/services.sh"

if docker_engine_answers; then
  compose() { docker compose -p "comments-$PROFILE" -f "$ROOT_DIR/docker-compose.yml" "$@" >&2; }
  case $1 in
    stop-postgres) compose stop postgres ;;
    start-postgres) compose start postgres && compose up -d --wait postgres ;;
    stop-rabbitmq) compose stop rabbitmq ;;
    start-rabbitmq) compose start rabbitmq && compose up -d --wait rabbitmq ;;
    *) echo "unknown action $1" >&2; exit 2 ;;
  esac
  exit 0
fi

case $1 in
  stop-postgres) stop_postgres ;;
  start-postgres) start_postgres ;;
  stop-rabbitmq) stop_rabbitmq ;;
  start-rabbitmq) start_rabbitmq ;;
  stop-rabbit-node) stop_rabbit_node "$2" ;;
  start-rabbit-node) start_rabbit_node "$2" ;;
  rabbit-leader) rabbit_queue_leader "$2" ;;
  *) echo "unknown action $1" >&2; exit 2 ;;
esac
