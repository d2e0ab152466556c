#!/usr/bin/env bash
# Installs the Debian 12 packages marginviz needs (only those missing) and builds it into build/.
# With --hardening-only: also the sanitizer and fuzzing toolchain (clang, its runtimes, the
# symbolizer), and no build (scripts/test-hardening.sh builds its own). Run as root, or with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config
  libvtk9-dev libglfw3-dev libimgui-dev libassimp-dev nlohmann-json3-dev libcli11-dev
  libepoxy-dev libglm-dev libstb-dev zlib1g-dev libgtest-dev libbenchmark-dev
  libegl-dev libegl-mesa0 libgl1-mesa-dri fonts-dejavu-core xvfb xauth glslang-tools clang-format
  libcairo2-dev libpango1.0-dev libgif-dev lib3mf-dev libzip-dev poppler-utils qpdf
)
hardening=false
[ "${1:-}" = "--hardening-only" ] && hardening=true
$hardening && packages+=(clang libclang-rt-14-dev llvm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

$hardening && exit 0
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"
