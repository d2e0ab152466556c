#!/usr/bin/env bash
# Set-up (packages, build), then every test in parallel: unit, command line, OpenGL (EGL on Mesa
# llvmpipe) and the desktop app under Xvfb. GL tests fail rather than skip when no context exists.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export MARGINVIZ_REQUIRE_GL=1
ctest --test-dir build -j "$(nproc)" --output-on-failure --timeout 600
