#!/usr/bin/env bash
# Installs what is missing (Debian 12 packages only), then configures and builds LossLab.
# Idempotent and fast when nothing changed. Usage: scripts/setup.sh [app|test|packages]
#   test      also what the tests, the fuzzing build and the style checks need
#   packages  installs the test packages only, builds nothing
#   LOSSLAB_SANITIZE=1  builds the ASan+UBSan configuration in build-asan/ instead of build/.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake ninja-build pkg-config libglfw3-dev libimgui-dev libstb-dev
          python3-glad libeigen3-dev libegl-dev libgl1-mesa-dri libcairo2-dev libpango1.0-dev
          fonts-dejavu-core zlib1g-dev dataset-fashion-mnist
          libavcodec-dev libavformat-dev libavfilter-dev libswscale-dev libavutil-dev
          libgtest-dev nlohmann-json3-dev libcli11-dev)
mode=${1:-app}
if [ "$mode" = test ] || [ "$mode" = packages ]; then
  # Tests bring their own display (Xvfb) and check exported files with these tools.
  # clang + libclang-rt: the fuzzing build; clang-format: the style check (scripts/format.sh).
  # ffmpeg: ffprobe and ffmpeg read back the animations (tests/video, tests/cli).
  packages+=(xvfb xauth poppler-utils libxml2-utils clang libclang-rt-14-dev clang-format ffmpeg)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends "${missing[@]}"
fi

[ "$mode" = packages ] && exit 0

# Ninja: it starts a target's compiles before the libraries it links are done (Make waits),
# so both cores stay busy. A build directory made earlier with Make is reconfigured.
if [ "${LOSSLAB_SANITIZE:-0}" = 1 ]; then
  build=build-asan
  flags=(-DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DCMAKE_C_FLAGS_DEBUG="-O1 -g1"
         -DLOSSLAB_SANITIZE=ON)
else
  build=build
  flags=(-DCMAKE_BUILD_TYPE=Release)
fi
cache=$build/CMakeCache.txt
if [ -f "$cache" ] && ! grep -qx "CMAKE_GENERATOR:INTERNAL=Ninja" "$cache"; then
  rm -rf "$cache" "$build/CMakeFiles"
fi
cmake -S . -B "$build" -G Ninja "${flags[@]}" >/dev/null
cmake --build "$build" -j"$(nproc)"
