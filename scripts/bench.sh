#!/usr/bin/env bash
# Benchmarks, run on demand (not by the tests); results go to docs/performance.md and docs/classifier.md.
#   scripts/bench.sh            both of the below
#   scripts/bench.sh system     the system end to end against the limits of its parts: starts its own PostgreSQL
#                               and RabbitMQ (ports 25435, 5685; BENCH_PG_PORT, BENCH_AMQP_PORT, BENCH_PROFILE), the API
#                               and the worker as processes; measures a raw RabbitMQ round trip, a raw PostgreSQL
#                               batched insert, the intake skeleton (bench/Intake.Skeleton: the same route, JWT and JSON
#                               rules from the raw parts, with a confirm before the 202 and batched rows with the
#                               system's decision; the fair ceiling), a trivial endpoint, intake capacity and
#                               submit-to-decision latency at 50, 200 and 1,000 comments per second, reads of an article
#                               with 100,000 comments, and peak memory (BENCH_SECONDS, default 10). BENCH_APIS and
#                               BENCH_WORKERS (1 each): how many of each; the load goes to the APIs in turn (the i-th on
#                               HARNESS_API_URL's port + i, default 5793), CPU is summed per kind. BENCH_INTAKE_ONLY=1:
#                               the skeleton and the intake stages only; BENCH_SKELETON_ONLY=1: the skeleton alone;
#                               BENCH_SEED_COMMENTS=N: N comments and decisions stored first (set-based SQL, timed)
#   scripts/bench.sh latency    the intake warm-up, then the 200-per-second step BENCH_LATENCY_RUNS times in a row
#                               (default 5), each with p50/p99 submit-to-decision and the machine's CPU, printed
#   scripts/bench.sh search     moderator search alone (same services): the 100,000-comment article and a million
#                               more comments, a few hundred searches of each kind through GET /api/moderation/search,
#                               p50/p95/p99 per kind, printed (BENCH_SEARCHES per kind, default 300; BENCH_SEARCH_CONCURRENCY, 2)
#   scripts/bench.sh live       live discussion alone (same services): 2,000 event streams on one article, 200
#                               comments decided by the worker at 5 a second after 10 as warm-up, the time from each decision being stored to
#                               the last stream receiving it (p50/p99) and the API's memory, printed
#                               (BENCH_LIVE_STREAMS, default 2000; BENCH_LIVE_DECISIONS, 200; BENCH_LIVE_RATE, 5)
#   scripts/bench.sh brokers    intake capacity (BENCH_INTAKE_ONLY=1) with three brokers in a row, printed: one node with
#                               classic queues, a three-node cluster with classic and with quorum intake queues (issue 23);
#                               `system` alone takes BENCH_RABBIT_NODES (1; 3 for a cluster) and BENCH_QUEUE_TYPE (classic, quorum)
#   scripts/bench.sh models     the resident size of the worker's classifier models (Moderation.Benchmarks --model-memory), printed
#   scripts/bench.sh pipeline   BenchmarkDotNet: the moderation pipeline and the classifiers per comment; extra
#                               arguments go to BenchmarkDotNet, e.g. scripts/bench.sh pipeline --filter '*Toxicity*'
set -euo pipefail
what=${1:-all}
[ $# -gt 0 ] && shift
ROOT=$(cd "$(dirname "$0")/.." && pwd)

run_system() (
  export PROFILE=${BENCH_PROFILE:-bench} PG_PORT=${BENCH_PG_PORT:-25435} AMQP_PORT=${BENCH_AMQP_PORT:-5685} MGMT_PORT=
  export RABBIT_NODES=${BENCH_RABBIT_NODES:-1} RABBIT_QUEUE_TYPE=${BENCH_QUEUE_TYPE:-classic}
  source "$ROOT/scripts/lib/services.sh"
  trap stop_services EXIT
  stop_leftover_services
  rm -rf "$DATA_DIR"
  start_services
  cd "$ROOT"
  dotnet build Comments.sln -c Release --nologo -v quiet >&2
  (cd src/Moderation.Worker/bin/Release/net10.0 && dotnet Moderation.Worker.dll migrate) >&2
  export COMMENTS_ROOT="$ROOT"
  dotnet bench/Comments.Bench/bin/Release/net10.0/Comments.Bench.dll
)

run_search() (
  export BENCH_SEARCH_ONLY=1
  run_system
)

run_live() (
  export BENCH_LIVE_ONLY=1
  run_system
)

run_latency() (
  export BENCH_LATENCY_ONLY=1
  run_system
)

# issue 23: what quorum queues cost the intake, against classic queues on the same cluster and on one node.
run_brokers() {
  local setup
  for setup in "1 classic" "3 classic" "3 quorum"; do
    set -- $setup
    echo "== broker: $1 node(s), $2 intake queues"
    BENCH_INTAKE_ONLY=1 BENCH_RABBIT_NODES=$1 BENCH_QUEUE_TYPE=$2 run_system || return
  done
}

run_models() {
  cd "$ROOT/bench/Moderation.Benchmarks"
  dotnet run -c Release -- --model-memory
}

run_pipeline() {
  cd "$ROOT/bench/Moderation.Benchmarks"
  dotnet run -c Release -- --filter '*' --job short "$@"
}

case $what in
  system) run_system ;;
  search) run_search ;;
  live) run_live ;;
  latency) run_latency ;;
  brokers) run_brokers ;;
  pipeline) run_pipeline "$@" ;;
  models) run_models ;;
  all) run_system && run_pipeline "$@" ;;
  *) echo "usage: $0 [system|search|live|latency|brokers|models|pipeline|all]" >&2; exit 2 ;;
esac
