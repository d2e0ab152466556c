#!/usr/bin/env bash
# The benchmark suite (README, "Speed"): Google Benchmark for solid rebuilds and frame times, then
# whole-process timings with peak memory, side by side in one run: `marginviz render` of each
# bundled case against f3d rendering marginviz's own .glb export of the same scene (1280x800,
# both headless), the desktop app from start to first frame, and a 1-million-triangle scan.
# Usage: scripts/bench.sh [runs]   (needs build/, Xvfb, and Debian's f3d: apt-get install f3d)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
bin=build/app/marginviz
bench=build/bench/marginviz_bench
command -v f3d >/dev/null || { echo "f3d is not installed (apt-get install f3d)" >&2; exit 1; }
out=$(mktemp -d)
# One X server for f3d (Debian's f3d 1.3 renders through GLX) and the desktop app, started once so
# that neither pays for starting it; marginviz render uses EGL and needs none.
Xvfb -displayfd 3 -screen 0 1600x1000x24 3>"$out/display" >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 50); do [ -s "$out/display" ] && break; sleep 0.1; done
display=":$(cat "$out/display")"

# Median wall time (s) and peak memory (MB) of a command over $runs runs: "seconds megabytes".
measure() {
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$out/time" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
    cat "$out/time"
  done | sort -n | awk -v n="$runs" '{t[NR]=$1; m=($2>m?$2:m)} END {printf "%.2f %.0f\n", t[int((n+1)/2)], m/1024}'
}

echo "== Google Benchmark (this machine, one run)"
"$bench" --benchmark_filter='Rebuild|Plan|Clearance|Metrics|AnatomyLoad|Frame|Gui' 2>/dev/null | grep -E "^BM_"
printf "\n%-36s %12s\n" "benchmark group" "peak MB"
for group in 'TumourRebuild' 'MohsStagesRebuild' 'PlanRebuild' 'FrameDemoCase' 'FrameMillionTriangleScan'; do
  /usr/bin/time -f "%M" -o "$out/time" "$bench" --benchmark_filter="$group" >/dev/null 2>&1
  printf "%-36s %12.0f\n" "$group" "$(echo "$(cat "$out/time") / 1024" | bc -l)"
done

echo
echo "== Whole process, median of $runs (s) and peak memory (MB)"
# marginviz as shipped (--anti-aliasing auto: FXAA on llvmpipe) against f3d with its own
# translucency and anti-aliasing (depth peeling, FXAA, the skin's opacity), each run paired.
printf "%-28s %10s %8s %10s %8s %8s %12s %8s\n" case "marginviz" MB "f3d-fxaa" MB ratio "no-AA s" ratio
for case in assets/cases/han2009-*.json; do
  name=$(basename "$case" .json)
  "$bin" export "$case" --output "$out/$name.glb" >/dev/null
  read -r mv_s mv_mb < <(measure "$bin" render "$case" --output "$out/mv.png" --resolution 1280,800 --backend egl)
  read -r f3d_s f3d_mb < <(measure env DISPLAY="$display" f3d --output "$out/f3d.png" --resolution 1280,800 --depth-peeling --fxaa --opacity 0.35 "$out/$name.glb")
  read -r plain_s _ < <(measure "$bin" render "$case" --output "$out/mv.png" --resolution 1280,800 --backend egl --anti-aliasing none)
  printf "%-28s %10s %8s %10s %8s %8.2f %12s %8.2f\n" "render $name" "$mv_s" "$mv_mb" "$f3d_s" "$f3d_mb" "$(echo "$mv_s / $f3d_s" | bc -l)" \
    "$plain_s" "$(echo "$plain_s / $f3d_s" | bc -l)"
done

# The chart's documents (issue 12): the JSON report, the PDF report (with its 3D and section
# pictures, drawn through EGL) and a Mohs map as PDF; goal: the abdomen's PDF report ≤ 3 s.
echo
printf "%-28s %10s %8s %10s %8s %10s %8s\n" "case" "JSON s" MB "PDF s" MB "map PDF s" MB
for case in assets/cases/han2009-*.json; do
  name=$(basename "$case" .json)
  read -r json_s json_mb < <(measure "$bin" report "$case")
  read -r pdf_s pdf_mb < <(measure "$bin" report "$case" --format pdf --output "$out/report.pdf" --backend egl)
  read -r map_s map_mb < <(measure "$bin" render "$case" --view map --stage 1 --output "$out/map.pdf")
  printf "%-28s %10s %8s %10s %8s %10s %8s\n" "report $name" "$json_s" "$json_mb" "$pdf_s" "$pdf_mb" "$map_s" "$map_mb"
done

# The patient's documents (issue 14): the handout (goal ≤ 2 s) and the 3-s morph at 800×500 (≤ 10 s).
read -r handout_s handout_mb < <(measure "$bin" handout assets/cases/han2009-abdomen.json --plan-margin 2 --output "$out/handout.pdf" --backend egl)
read -r animate_s animate_mb < <(measure "$bin" animate assets/cases/han2009-abdomen.json --output "$out/morph.gif" --backend egl)
printf "%-28s %10s %8s\n" "handout abdomen" "$handout_s" "$handout_mb" "animate abdomen 3 s" "$animate_s" "$animate_mb"

# The desktop app: from exec to the first frame on screen (MARGINVIZ_GUI_FIRST_FRAME prints when).
first_frame() {
  local start end
  start=$(date +%s%6N)
  env DISPLAY="$display" XDG_STATE_HOME="$out/state" MARGINVIZ_GUI_FIRST_FRAME=1 /usr/bin/time -f "%M" -o "$out/time" \
    "$bin" assets/cases/han2009-abdomen.json 2>"$out/gui.err" >/dev/null
  end=$(grep -o "first frame at [0-9]*" "$out/gui.err" | grep -o "[0-9]*$")
  echo "$(( (end - start) / 1000 )) $(( $(cat "$out/time") / 1024 ))"
}
for _ in $(seq "$runs"); do first_frame; done | sort -n | awk -v n="$runs" '{t[NR]=$1; m=($2>m?$2:m)} END {printf "%-28s %10.2f %8.0f\n", "GUI start to first frame", t[int((n+1)/2)]/1000, m}'

# A 1-million-triangle surface scan (a head-sized sphere, binary STL in mm) on the scalp case.
python3 - "$out" <<'PY'
import json, math, struct, sys
out = sys.argv[1]
rows, cols, r = 700, 715, 90.0
pts = [(0.0, r, 0.0)] + [(r*math.sin(math.pi*(i+1)/(rows+1))*math.sin(2*math.pi*j/cols), r*math.cos(math.pi*(i+1)/(rows+1)),
        r*math.sin(math.pi*(i+1)/(rows+1))*math.cos(2*math.pi*j/cols)) for i in range(rows) for j in range(cols)] + [(0.0, -r, 0.0)]
tris = []
idx = lambda i, j: 1 + i*cols + (j % cols)
for j in range(cols): tris.append((0, idx(0, j), idx(0, j+1)))
for i in range(rows-1):
    for j in range(cols):
        tris.append((idx(i, j), idx(i+1, j), idx(i+1, j+1))); tris.append((idx(i, j), idx(i+1, j+1), idx(i, j+1)))
last = len(pts)-1
for j in range(cols): tris.append((last, idx(rows-1, j+1), idx(rows-1, j)))
with open(out + "/scan.stl", "wb") as f:
    f.write(b"\0"*80 + struct.pack("<I", len(tris)))
    for a, b, c in tris: f.write(struct.pack("<3f", 0, 0, 0) + struct.pack("<9f", *pts[a], *pts[b], *pts[c]) + b"\0\0")
case = json.load(open("assets/cases/han2009-scalp.json"))
case["anatomy"] = {"mesh": out + "/scan.stl", "unit": "mm"}
case["lesion"]["position"] = {"azimuth_deg": 0, "height_cm": 0}
json.dump(case, open(out + "/scan-case.json", "w"))
print(f"{len(tris)} triangles", file=sys.stderr)
PY
read -r s mb < <(measure "$bin" render "$out/scan-case.json" --output "$out/scan.png" --resolution 1280,800 --backend egl)
printf "%-28s %10s %8s\n" "render, 1M-triangle scan" "$s" "$mb"
