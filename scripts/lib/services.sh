# Starts and stops the real PostgreSQL and RabbitMQ that the system and its tests use, on 127.0.0.1, each in a
# data folder of its own. Sourced by run.sh and test.sh, which set:
#   PROFILE      name of this set of services (run or test); keeps data folders and node names apart
#   PG_PORT      PostgreSQL port
#   AMQP_PORT    RabbitMQ AMQP port
#   MGMT_PORT    RabbitMQ management UI port, or empty for none
#   RABBIT_MNESIA_DIR  optional: RabbitMQ's message store somewhere else (faults.sh puts it in memory)
#   RABBIT_NODES optional: 3 runs a three-node RabbitMQ cluster (lib/rabbit-cluster.sh) instead of one node (1, the default)
#   RABBIT_QUEUE_TYPE  optional: classic or quorum, exported as RabbitMq__QueueType (the apps' default: classic)
# and afterwards read COMMENTS_DB and the RabbitMq__* variables this exports.
# With a Docker engine that answers, docker compose runs the two services instead.

ROOT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA_DIR="$ROOT_DIR/.data/$PROFILE"
RABBIT_NODE="comments-$PROFILE@localhost"
STARTED_SERVICES=()
RABBIT_NODES=${RABBIT_NODES:-1}

log() { printf '[%s] %s\n' "$PROFILE" "$*" >&2; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

docker_engine_answers() {
  command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1
}

ensure_packages() {
  if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    install_debian_package postgresql
  fi
  if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ] && ! command -v rabbitmq-server >/dev/null 2>&1; then
    install_debian_package rabbitmq-server
  fi
}

install_debian_package() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "$1 is missing: install it (Debian: apt-get install -y $1) and run this again"; exit 1
  fi
  log "installing $1 with apt-get"
  # The package scripts would start a system-wide service; ours runs from its own folder instead.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1"; } >&2
}

# The browser tests drive Debian's Chromium.
ensure_browser() {
  [ -x /usr/bin/chromium ] || install_debian_package chromium
}

pg_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; else ls /usr/lib/postgresql/*/bin/"$1" | tail -n 1; fi
}

rabbit_bin() {
  if [ -x "/usr/lib/rabbitmq/bin/$1" ]; then echo "/usr/lib/rabbitmq/bin/$1"; else command -v "$1"; fi
}

rabbit_env() {
  export RABBITMQ_NODENAME="$RABBIT_NODE"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$AMQP_PORT"
  # Below the AMQP port when above it would pass 65535 (RabbitMQ then falls back to 35672, which a second profile's node may hold).
  export RABBITMQ_DIST_PORT=$((AMQP_PORT + 20000 > 65535 ? AMQP_PORT - 20000 : AMQP_PORT + 20000))
  export RABBITMQ_MNESIA_BASE="${RABBIT_MNESIA_DIR:-$DATA_DIR/rabbitmq/mnesia}"
  export RABBITMQ_LOG_BASE="$DATA_DIR/rabbitmq/log"
  export RABBITMQ_CONFIG_FILE="$DATA_DIR/rabbitmq/rabbitmq.conf"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$DATA_DIR/rabbitmq/enabled_plugins"
  export RABBITMQ_PID_FILE="$DATA_DIR/rabbitmq/pid"
}

rabbitmqctl_() { rabbit_env; "$(rabbit_bin rabbitmqctl)" -n "$RABBIT_NODE" "$@"; }

start_postgres() {
  local pgdata="$DATA_DIR/postgres"
  mkdir -p "$pgdata"
  [ "$(id -u)" = 0 ] && chown postgres: "$pgdata" && chmod 700 "$pgdata"
  if [ ! -s "$pgdata/PG_VERSION" ]; then
    log "creating a PostgreSQL cluster in $pgdata"
    as_postgres "$(pg_bin initdb)" -D "$pgdata" -U postgres -A trust --no-sync >/dev/null
  fi
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  # A port in Linux's ephemeral range (32768-60999, run.sh's 55432) may be held for a while as the local port of a
  # client connection; the test, fault and benchmark ports lie below it. Wait and try again, as its hint says.
  local attempt
  for attempt in 1 2 3 4 5 6; do
    if as_postgres "$(pg_bin pg_ctl)" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pgdata ${PG_EXTRA_OPTIONS:-}" start >/dev/null; then
      break
    fi
    if [ $attempt = 6 ] || ! tail -n 5 "$pgdata/server.log" | grep -q "Address already in use"; then
      log "PostgreSQL did not start; see $pgdata/server.log"
      return 1
    fi
    log "port $PG_PORT is still in use; trying again in 5 s"
    sleep 5
  done
  STARTED_SERVICES+=(postgres)
  if ! as_postgres psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "select 1 from pg_database where datname='comments'" | grep -q 1; then
    as_postgres psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database comments" >/dev/null
  fi
}

stop_postgres() {
  as_postgres "$(pg_bin pg_ctl)" -D "$DATA_DIR/postgres" -m fast -w stop >/dev/null 2>&1 || true
}

start_rabbitmq() {
  mkdir -p "$DATA_DIR/rabbitmq"
  {
    echo "listeners.tcp.default = 127.0.0.1:$AMQP_PORT"
    echo "loopback_users = none"
    [ -n "${MGMT_PORT:-}" ] && echo "management.tcp.ip = 127.0.0.1" && echo "management.tcp.port = $MGMT_PORT"
  } > "$DATA_DIR/rabbitmq/rabbitmq.conf"
  if [ -n "${MGMT_PORT:-}" ]; then echo '[rabbitmq_management].' ; else echo '[].'; fi > "$DATA_DIR/rabbitmq/enabled_plugins"
  rabbit_env
  if rabbitmqctl_ status >/dev/null 2>&1; then
    log "RabbitMQ node $RABBIT_NODE is already running"
  else
    log "starting RabbitMQ on 127.0.0.1:$AMQP_PORT"
    "$(rabbit_bin rabbitmq-server)" -detached >/dev/null 2>&1
  fi
  STARTED_SERVICES+=(rabbitmq)
  local waited=0
  until rabbitmqctl_ ping >/dev/null 2>&1; do
    waited=$((waited + 1))
    [ $waited -gt 90 ] && { log "RabbitMQ did not start; see $DATA_DIR/rabbitmq/log"; return 1; }
    sleep 1
  done
  rabbitmqctl_ await_startup --timeout 90 >/dev/null
}

stop_rabbitmq() {
  rabbitmqctl_ shutdown >/dev/null 2>&1 || true
}

start_services() {
  if docker_engine_answers; then
    log "a Docker engine answers: starting postgres and rabbitmq with docker compose"
    # Development values for the two services on 127.0.0.1; compose asks for every secret of the full system.
    pg_password=comments-dev rabbit_user=comments rabbit_password=comments-dev
    POSTGRES_PASSWORD=$pg_password RABBITMQ_USER=$rabbit_user RABBITMQ_PASSWORD=$rabbit_password PG_PORT=$PG_PORT AMQP_PORT=$AMQP_PORT MGMT_PORT=${MGMT_PORT:-15672} AUTH_ISSUER=unused \
      EMBED_ORIGIN=unused docker compose -p "comments-$PROFILE" -f "$ROOT_DIR/docker-compose.yml" up -d --wait postgres rabbitmq >&2
    STARTED_SERVICES+=(docker)
  else
    # Debian's packages: PostgreSQL trusts local connections; the broker listens on 127.0.0.1 only.
    pg_password= rabbit_user=guest rabbit_password=guest
    ensure_packages
    start_postgres
    if [ "$RABBIT_NODES" -gt 1 ]; then start_rabbit_cluster; else start_rabbitmq; fi
  fi
  export ConnectionStrings__Comments="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=comments${pg_password:+;Password=$pg_password}"
  export RabbitMq__Host=127.0.0.1 RabbitMq__Port="$AMQP_PORT" RabbitMq__Username="$rabbit_user" RabbitMq__Password="$rabbit_password"
  export RABBIT_NODE RABBIT_NODES
  [ "$RABBIT_NODES" -gt 1 ] && export_rabbit_cluster_settings
  [ -n "${RABBIT_QUEUE_TYPE:-}" ] && export RabbitMq__QueueType="$RABBIT_QUEUE_TYPE"
  return 0
}

# Stops services that an earlier, interrupted run of the same profile left behind.
stop_leftover_services() {
  [ -f "$DATA_DIR/postgres/postmaster.pid" ] && stop_postgres
  declare -F stop_pg_replica >/dev/null && stop_pg_replica
  rabbitmqctl_ ping >/dev/null 2>&1 && stop_rabbitmq
  [ "$RABBIT_NODES" -gt 1 ] && stop_leftover_rabbit_cluster
  return 0
}

stop_services() {
  for service in "${STARTED_SERVICES[@]}"; do
    case $service in
      postgres) log "stopping PostgreSQL"; stop_postgres ;;
      postgres-replica) log "stopping the PostgreSQL replica"; stop_pg_replica ;;
      rabbitmq) log "stopping RabbitMQ"; stop_rabbitmq ;;
      rabbit-cluster) log "stopping the RabbitMQ cluster"; stop_rabbit_cluster ;;
      docker) docker compose -p "comments-$PROFILE" -f "$ROOT_DIR/docker-compose.yml" down >&2 ;;
    esac
  done
  STARTED_SERVICES=()
RABBIT_NODES=${RABBIT_NODES:-1}
}

source "$ROOT_DIR/scripts/lib/rabbit-cluster.sh"
