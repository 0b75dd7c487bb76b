# A RabbitMQ cluster of RABBIT_NODES nodes on this machine, sourced by services.sh after its own functions.
# Node i (1-based) is comments-$PROFILE-i@localhost with AMQP port AMQP_PORT+i-1, its own distribution port and data
# folder ($DATA_DIR/rabbit-i); the nodes share root's Erlang cookie (~/.erlang.cookie), which clustering needs.
# Nodes 2.. join node 1 the first time they start; a restarted node rejoins on its own.

RABBIT_BASE_PORT=$AMQP_PORT

cluster_node_name() { echo "comments-$PROFILE-$1@localhost"; }
cluster_node_port() { echo $((RABBIT_BASE_PORT + $1 - 1)); }

# Runs a services.sh function ($2...) as node $1: the variables rabbit_env reads, pointed at that node.
as_cluster_node() (
  local i=$1; shift
  RABBIT_NODE=$(cluster_node_name "$i")
  AMQP_PORT=$(cluster_node_port "$i")
  DATA_DIR="$DATA_DIR/rabbit-$i"
  [ -n "${RABBIT_MNESIA_DIR:-}" ] && RABBIT_MNESIA_DIR="$RABBIT_MNESIA_DIR/$i"
  MGMT_PORT=
  "$@"
)

start_rabbit_node() {
  as_cluster_node "$1" start_rabbitmq
  [ "$1" = 1 ] && return 0
  local first; first=$(cluster_node_name 1)
  if ! as_cluster_node "$1" rabbitmqctl_ cluster_status 2>/dev/null | grep -q "$first"; then
    log "joining $(cluster_node_name "$1") to $first"
    as_cluster_node "$1" rabbitmqctl_ stop_app >/dev/null
    as_cluster_node "$1" rabbitmqctl_ join_cluster "$first" >/dev/null
    as_cluster_node "$1" rabbitmqctl_ start_app >/dev/null
  fi
}

stop_rabbit_node() { as_cluster_node "$1" stop_rabbitmq; }

start_rabbit_cluster() {
  local i
  # Before the nodes: one that starts while a later one fails is stopped by the caller's exit trap too.
  STARTED_SERVICES+=(rabbit-cluster)
  for i in $(seq 1 "$RABBIT_NODES"); do start_rabbit_node "$i"; done
}

stop_rabbit_cluster() {
  local i
  for i in $(seq "$RABBIT_NODES" -1 1); do stop_rabbit_node "$i"; done
}

stop_leftover_rabbit_cluster() {
  local i
  for i in $(seq 1 "$RABBIT_NODES"); do
    as_cluster_node "$i" rabbitmqctl_ ping >/dev/null 2>&1 && stop_rabbit_node "$i"
  done
  return 0
}

# The node (1-based) that holds the leader of quorum queue $1, asked of any node that answers.
rabbit_queue_leader() {
  local i leader
  for i in $(seq 1 "$RABBIT_NODES"); do
    leader=$(as_cluster_node "$i" rabbitmqctl_ list_queues name leader --quiet --no-table-headers 2>/dev/null \
      | awk -v q="$1" '$1 == q { print $2 }') || continue
    [ -n "$leader" ] || continue
    for i in $(seq 1 "$RABBIT_NODES"); do
      [ "$leader" = "$(cluster_node_name "$i")" ] && { echo "$i"; return 0; }
    done
  done
  return 1
}

# The client settings: every node's address, the first also as RabbitMq__Host/Port for what reads only those.
export_rabbit_cluster_settings() {
  local i
  for i in $(seq 1 "$RABBIT_NODES"); do
    export "RabbitMq__Nodes__$((i - 1))=127.0.0.1:$(cluster_node_port "$i")"
  done
}
