#!/usr/bin/env bash
# Benchmarks, run on demand (not by the tests). Extra arguments go to BenchmarkDotNet, e.g. --filter '*Toxicity*'.
#   scripts/bench.sh            the moderation pipeline and classifiers per comment (results: docs/classifier.md)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/bench/Moderation.Benchmarks"
dotnet run -c Release -- --filter '*' --job short "$@"
