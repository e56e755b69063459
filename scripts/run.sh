#!/usr/bin/env bash
# The main job: install what is missing, build, and start eventsd on an embedded SQLite file with the seed
# data loaded. EVENTSD_DB defaults to ./data/eventsd.sqlite here; every other EVENTSD_* setting of `eventsd serve`
# (README, Configuration) applies as it is; BUILD_CONFIG picks debug or release.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
scripts/install-deps.sh

config="${BUILD_CONFIG:-debug}"
swift build -c "$config" --product eventsd >&2
swift build -c "$config" --product eventsctl >&2
bin="$(swift build -c "$config" --show-bin-path)"

db="${EVENTSD_DB:-data/eventsd.sqlite}"
mkdir -p "$(dirname "$db")"
if [ ! -f "$db" ]; then
    echo "First start: creating the administrator account organizer@example.org; keep its token:" >&2
    "$bin/eventsd" admin create-user --db "$db" --email organizer@example.org --name "Summit organizer" --admin >&2
fi
exec "$bin/eventsd" serve --db "$db" --seed "${EVENTSD_SEED:-seed}"
