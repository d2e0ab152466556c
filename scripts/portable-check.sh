#!/usr/bin/env bash
# A rendering check through another machine's OpenGL driver (a GPU machine without Debian 12's
# libraries, say). `pack` bundles the app, the GL tests and the benchmarks from build/ with every
# library they load, Debian's dynamic loader and the label font. `run`, there, from a checkout of
# the same commit and as root: renders the bundled cases (whole process, three times each), runs the
# GL tests against the golden images made on llvmpipe, and the frame benchmarks.
#   scripts/portable-check.sh pack [BUNDLE]          (here, after scripts/test.sh; default marginviz-portable.tar.xz)
#   scripts/portable-check.sh run BUNDLE OUTDIR      (there; log.txt and a few PNGs land in OUTDIR)
set -euo pipefail
cd "$(dirname "$0")/.."

pack() {
  local bundle=${1:-marginviz-portable.tar.xz} stage
  stage=$(mktemp -d)
  trap "rm -rf '$stage'" EXIT
  mkdir -p "$stage/bin" "$stage/lib"
  for b in build/app/marginviz build/tests/marginviz_gl_tests build/bench/marginviz_bench; do
    strip --strip-debug -o "$stage/bin/$(basename "$b")" "$b"
  done
  # libepoxy opens libOpenGL/libGL and libEGL (glvnd) at run time; glvnd then finds the vendor driver there.
  local gl_loaders="libEGL.so.1 libOpenGL.so.0 libGL.so.1 libGLX.so.0 libGLdispatch.so.0"
  { for b in "$stage"/bin/*; do ldd "$b"; done; } | awk '$3 ~ /^\// {print $3}' | sort -u |
    while read -r lib; do cp -L "$lib" "$stage/lib/"; done
  for lib in $gl_loaders; do cp -L "/lib/x86_64-linux-gnu/$lib" "$stage/lib/"; done
  cp -L /lib64/ld-linux-x86-64.so.2 "$stage/lib/"
  cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf "$stage/"
  sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' build/CMakeCache.txt > "$stage/source_dir"  # compiled into the tests
  git rev-parse HEAD > "$stage/commit"
  tar -C "$stage" -cf - . | xz -T0 -6 > "$bundle"
  echo "$bundle: $(du -h "$bundle" | cut -f1), commit $(cat "$stage/commit")"
}

run() {
  local bundle=$1 out=$2 here=$PWD m=/tmp/marginviz-portable
  mkdir -p "$m" "$out"
  tar -C "$m" -xJf "$bundle"
  exec > >(tee "$out/log.txt") 2>&1
  echo "bundle of commit $(cat "$m/commit"), checkout at $(git rev-parse HEAD 2>/dev/null || echo '?')"
  local src
  src=$(cat "$m/source_dir")
  [ "$src" = "$here" ] || { mkdir -p "$(dirname "$src")"; ln -sfn "$here" "$src"; }
  local font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
  [ -f "$font" ] || { mkdir -p "$(dirname "$font")"; cp "$m/DejaVuSans.ttf" "$font"; }
  # glvnd's EGL finds NVIDIA's driver through its vendor file, which some images keep off the default path.
  local vendor
  vendor=$(ls /usr/share/glvnd/egl_vendor.d/*nvidia*.json /usr/local/nvidia/share/glvnd/egl_vendor.d/*nvidia*.json 2>/dev/null | head -1 || true)
  [ -n "$vendor" ] && export __EGL_VENDOR_LIBRARY_FILENAMES=$vendor
  local driver drivers=""
  driver=$(ldconfig -p | awk '/libEGL_nvidia|libEGL_mesa/ {print $NF; exit}' || true)
  [ -n "$driver" ] && drivers=$(dirname "$driver")
  local run_bundled=("$m/lib/ld-linux-x86-64.so.2" --library-path "$m/lib:${drivers:-/usr/lib/x86_64-linux-gnu}")
  # Started through the bundled loader, marginviz does not restart itself for huge pages
  # (app/huge_pages.hpp): ask the bundled glibc for them here, as the restart would.
  export GLIBC_TUNABLES=glibc.malloc.hugetlb=1
  command -v nvidia-smi >/dev/null && nvidia-smi -L
  TIMEFORMAT='%R s'
  echo "== marginviz render, whole process, 1280x800, 4x MSAA"
  for c in assets/cases/*.json; do
    local name
    name=$(basename "$c" .json)
    for i in 1 2 3; do
      echo -n "$name run $i: "
      { time "${run_bundled[@]}" "$m/bin/marginviz" render "$c" -o "$out/$name.png" > "$m/render.txt"; } 2>&1
    done
    cat "$m/render.txt"
  done
  echo "== GL tests (golden images made on llvmpipe)"
  (cd "$m" && MARGINVIZ_REQUIRE_GL=1 "${run_bundled[@]}" "$m/bin/marginviz_gl_tests" --gtest_brief=1) || true
  cp "$m"/*.actual.png "$out/" 2>/dev/null || true
  echo "== frame benchmarks"
  "${run_bundled[@]}" "$m/bin/marginviz_bench" --benchmark_filter=Frame
}

case "${1:-}" in
  pack) shift; pack "$@" ;;
  run) [ $# -eq 3 ] || { echo "usage: $0 run BUNDLE OUTDIR" >&2; exit 2; }; run "$2" "$3" ;;
  *) echo "usage: $0 pack [BUNDLE] | run BUNDLE OUTDIR" >&2; exit 2 ;;
esac
