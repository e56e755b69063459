#!/usr/bin/env bash
# Builds in release and runs the benchmark scenarios side by side with their baselines, one line each:
# NAME: value unit (baseline value unit, ratio R). Pass --only NAME (merge, push, wire, initial-sync, api-read, web,
# rsvp-load, rss) or --scale F to shrink or grow every scenario. Not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
scripts/install-deps.sh --bench
swift build -c release --product eventsd
swift build -c release --product events-bench
exec .build/release/events-bench "$@"
