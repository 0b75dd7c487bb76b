#!/usr/bin/env bash
# Runs every test against real PostgreSQL and RabbitMQ. Sets up everything it needs on a fresh machine, uses its
# own data folder and ports (so it never collides with a running scripts/run.sh), starts from empty services each
# time, and stops what it started, also when a test fails. Then, on a full run, the fault-injection scenarios
# (scripts/faults.sh, about 9 minutes). Extra arguments go to `dotnet test` and skip the fault injection.
set -euo pipefail

# TEST_PROFILE and the two ports let a second run (another worktree) use services of its own beside this one.
PROFILE=${TEST_PROFILE:-test}
PG_PORT=${TEST_PG_PORT:-25433}
AMQP_PORT=${TEST_AMQP_PORT:-5683}
MGMT_PORT=
# The streaming replica the replica tests read through (ReplicaReadTests); the other tests never use it.
PG_REPLICA_PORT=${TEST_PG_REPLICA_PORT:-25443}
# Test data is thrown away after the run, so the test cluster skips fsync.
PG_EXTRA_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
source "$(dirname "$0")/lib/services.sh"
source "$(dirname "$0")/lib/pg-replica.sh"

# Runs a command with a time limit, in the background so that Ctrl-C reaches this script at once; the limit and
# Ctrl-C stop the command together with every process it started (timeout signals its whole process group).
BOUNDED_PID=
bounded() {
  local limit=$1; shift
  timeout --kill-after=1m "$limit" "$@" & BOUNDED_PID=$!
  wait "$BOUNDED_PID"
}

trap stop_services EXIT
trap '[ -n "$BOUNDED_PID" ] && kill -TERM "$BOUNDED_PID" 2>/dev/null && wait "$BOUNDED_PID"; exit 130' INT TERM

stop_leftover_services
rm -rf "$DATA_DIR"
ensure_browser
start_services
start_pg_replica
export PG_REPLICA_CONNECTION

cd "$ROOT_DIR"
# A test that runs longer than the hang timeout fails the run at once: the test host is dumped (the dump and a
# Sequence_*.xml naming the running test go to .data/test/results/) and stopped. The outer timeout also catches a
# hang outside any test, such as a fixture that never stops.
bounded "${TEST_TIMEOUT:-45m}" dotnet test Comments.sln --logger "console;verbosity=normal" \
  --blame-hang-timeout "${TEST_HANG_TIMEOUT:-5m}" --blame-hang-dump-type mini --results-directory "$DATA_DIR/results" "$@"

if [ $# -eq 0 ]; then
  stop_services
  STARTED_SERVICES=()
  bounded "${FAULTS_TIMEOUT:-40m}" bash "$ROOT_DIR/scripts/faults.sh"
fi
