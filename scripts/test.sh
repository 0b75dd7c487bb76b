#!/usr/bin/env bash
# Runs every test against real PostgreSQL and RabbitMQ. Sets up everything it needs on a fresh machine, uses its
# own data folder and ports (so it never collides with a running scripts/run.sh), starts from empty services each
# time, and stops what it started, also when a test fails. Then, on a full run, the fault-injection scenarios
# (scripts/faults.sh, about 8 minutes). Extra arguments go to `dotnet test` and skip the fault injection.
set -euo pipefail

PROFILE=test
PG_PORT=${TEST_PG_PORT:-55433}
AMQP_PORT=${TEST_AMQP_PORT:-5683}
MGMT_PORT=
# Test data is thrown away after the run, so the test cluster skips fsync.
PG_EXTRA_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
source "$(dirname "$0")/lib/services.sh"

trap stop_services EXIT
trap 'exit 130' INT TERM

stop_leftover_services
rm -rf "$DATA_DIR"
ensure_browser
start_services

cd "$ROOT_DIR"
dotnet test Comments.sln --logger "console;verbosity=normal" "$@"

if [ $# -eq 0 ]; then
  stop_services
  STARTED_SERVICES=()
  bash "$ROOT_DIR/scripts/faults.sh"
fi
