# A streaming replica of the profile's PostgreSQL (issue 23): a second server on this machine, copied from the primary
# with pg_basebackup -R (which writes primary_conninfo and standby.signal), in .data/PROFILE/postgres-replica, on
# PG_REPLICA_PORT. Sourced after services.sh by the scripts that want one; start_pg_replica sets PG_REPLICA_CONNECTION
# (empty when there is none), which the caller exports as ConnectionStrings__CommentsRead (run.sh, faults.sh; empty
# means the primary) or leaves to the tests (test.sh).
# PostgreSQL's default pg_hba.conf (initdb -A trust) already lets 127.0.0.1 connect for replication.

start_pg_replica() {
  local replica="$DATA_DIR/postgres-replica"
  PG_REPLICA_CONNECTION=
  if docker_engine_answers; then
    log "no replica with docker compose: public reads use the primary"
    return 0
  fi
  if [ ! -s "$replica/PG_VERSION" ]; then
    log "copying the primary into a replica with pg_basebackup"
    rm -rf "$replica" && mkdir -p "$replica"
    [ "$(id -u)" = 0 ] && chown postgres: "$replica" && chmod 700 "$replica"
    as_postgres "$(pg_bin pg_basebackup)" -h 127.0.0.1 -p "$PG_PORT" -U postgres -D "$replica" -R -X stream -c fast --no-sync
    rm -f "$replica/server.log"
  fi
  log "starting the PostgreSQL replica on 127.0.0.1:$PG_REPLICA_PORT"
  as_postgres "$(pg_bin pg_ctl)" -D "$replica" -l "$replica/server.log" -w -t 60 \
    -o "-p $PG_REPLICA_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$replica ${PG_EXTRA_OPTIONS:-}" start >/dev/null \
    || { log "the replica did not start; see $replica/server.log"; return 1; }
  STARTED_SERVICES+=(postgres-replica)
  PG_REPLICA_CONNECTION="Host=127.0.0.1;Port=$PG_REPLICA_PORT;Username=postgres;Database=comments"
}

stop_pg_replica() {
  [ -f "$DATA_DIR/postgres-replica/postmaster.pid" ] || return 0
  as_postgres "$(pg_bin pg_ctl)" -D "$DATA_DIR/postgres-replica" -m fast -w stop >/dev/null 2>&1 || true
}
