#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, runs the Swift test suites (unit, property, route and
# end-to-end tests against the real binaries), then the interoperability tests in Python (real calendar
# parsers and a Radicale CalDAV server). SYNC_PROPERTY_SCHEDULES raises the property runs.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
scripts/install-deps.sh --tests
python3 scripts/check-imports.py
swift format lint --strict --recursive Sources Tests Benchmarks Package.swift

swift build --build-tests
swift test --skip-build

venv=.build/interop-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r Tests/interop/requirements.txt
# The schedule format's consumer pins an older icalendar than the calendar tests use: it gets a venv of its own.
consumer=.build/schedule-consumer-venv
if [ ! -x "$consumer/bin/python" ]; then
    python3 -m venv "$consumer"
fi
"$consumer/bin/python" -m pip install --quiet --disable-pip-version-check -r Tests/interop/requirements-schedule-consumer.txt
EVENTS_BIN_DIR="$(swift build --show-bin-path)" SCHEDULE_CONSUMER_PYTHON="$consumer/bin/python" \
    "$venv/bin/python" -m pytest -q Tests/interop
