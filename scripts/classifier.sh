#!/usr/bin/env bash
# The offline classifiers: train (reproducibly, fixed seed), evaluate on any labelled CSV, score stdin, or run
# the news evaluation set. Examples:
#   scripts/classifier.sh train
#   scripts/classifier.sh evaluate --model toxicity --data FILE.csv     (CSV with a text and a 0/1 label column)
#   echo "some comment" | scripts/classifier.sh score --model spam
#   scripts/classifier.sh news-eval
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build_output=$(dotnet build "$root/src/Classifier.Tool" -c Release --nologo -v quiet 2>&1) || { echo "$build_output" >&2; exit 1; }
exec dotnet "$root/src/Classifier.Tool/bin/Release/net10.0/Classifier.Tool.dll" "$@"
