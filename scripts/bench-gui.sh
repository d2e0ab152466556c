#!/usr/bin/env bash
# The desktop app on the demo case under Xvfb (1280×800), measured from outside:
# - idle: left alone after a warm-up, its user+system time over 10 s from /proc/PID/stat
#   (goal, README "Speed": at most 1% of one core);
# - orbit: the frame rate of 120 frames of camera orbit (MARGINVIZ_GUI_ORBIT_FRAMES), each frame
#   assembled, drawn and shown as a left-drag does.
# Usage: scripts/bench-gui.sh [seconds]   (needs build/ and Xvfb)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
app=build/app/marginviz
[ -x "$app" ] || { echo "bench-gui: build first ($app is missing)" >&2; exit 1; }
display=:$((90 + RANDOM % 800))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d)
trap 'kill "$app_pid" "$xvfb" 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
DISPLAY=$display XDG_CONFIG_HOME=$home XDG_STATE_HOME=$home "$app" assets/cases/han2009-abdomen.json >/dev/null 2>&1 &
app_pid=$!
sleep 5  # opening, first frames and the refinement to full quality
ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
hz=$(getconf CLK_TCK)
t0=$(ticks)
sleep "$seconds"
t1=$(ticks)
kill -0 "$app_pid" 2>/dev/null || { echo "bench-gui: marginviz exited early" >&2; exit 1; }
awk -v a="$t0" -v b="$t1" -v hz="$hz" -v s="$seconds" \
  'BEGIN { cpu = (b - a) / hz; printf "idle GUI, demo case, %d s: %.2f CPU-s = %.1f%% of one core\n", s, cpu, 100 * cpu / s }'
kill "$app_pid" 2>/dev/null || true
DISPLAY=$display XDG_CONFIG_HOME=$home XDG_STATE_HOME=$home MARGINVIZ_GUI_ORBIT_FRAMES=120 "$app" assets/cases/han2009-abdomen.json 2>&1 >/dev/null |
  grep -o "orbit of.*" || { echo "bench-gui: no orbit figure" >&2; exit 1; }
