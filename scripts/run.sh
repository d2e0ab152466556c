#!/usr/bin/env bash
# Set-up (packages, build), then the desktop app on a case: the bundled demo case by default.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: starting the app under Xvfb is pointless. Headless use:" >&2
  echo "  ./build/app/marginviz render assets/cases/han2009-abdomen.json --output demo.png" >&2
  exit 1
fi
exec ./build/app/marginviz "$@"
