#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, and runs the Swift test suites (unit, property,
# route and end-to-end tests against the real binaries). SYNC_PROPERTY_SCHEDULES raises the property runs.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
scripts/install-deps.sh

swift build --build-tests
swift test --skip-build
