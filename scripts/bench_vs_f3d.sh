#!/usr/bin/env bash
# Whole-process timing, side by side in one run: `marginviz render` of each bundled case at
# 1280×800 against f3d rendering marginviz's own .glb export of the same scene, both headless.
# Usage: scripts/bench_vs_f3d.sh [runs]   (needs Debian's f3d: apt-get install f3d)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bin=build/app/marginviz
command -v f3d >/dev/null || { echo "f3d is not installed (apt-get install f3d)" >&2; exit 1; }
# Debian's f3d 1.3 renders through GLX: without a display it needs Xvfb (marginviz uses EGL).
f3d="f3d"
[ -n "${DISPLAY:-}" ] || f3d="xvfb-run -a f3d"
printf "%-18s %14s %14s %8s\n" case "marginviz s" "f3d s" ratio
for case in assets/cases/han2009-*.json; do
  name=$(basename "$case" .json)
  "$bin" export "$case" --output "$out/$name.glb" >/dev/null
  mv_total=0; f3d_total=0
  for _ in $(seq "$runs"); do
    t0=$(date +%s.%N); "$bin" render "$case" --output "$out/mv.png" --resolution 1280,800 --backend egl >/dev/null; t1=$(date +%s.%N)
    $f3d --output "$out/f3d.png" --resolution 1280,800 "$out/$name.glb" >/dev/null 2>&1
    t2=$(date +%s.%N)
    mv_total=$(echo "$mv_total + $t1 - $t0" | bc -l); f3d_total=$(echo "$f3d_total + $t2 - $t1" | bc -l)
  done
  printf "%-18s %14.2f %14.2f %8.2f\n" "$name" "$(echo "$mv_total / $runs" | bc -l)" "$(echo "$f3d_total / $runs" | bc -l)" \
    "$(echo "$mv_total / $f3d_total" | bc -l)"
done
