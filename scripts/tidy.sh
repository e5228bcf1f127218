#!/usr/bin/env bash
# Runs clang-tidy (Debian's clang-tidy 14; checks in .clang-tidy: bugprone-*, performance-*)
# over core/ with build/compile_commands.json (configured here if missing). Any finding fails.
#   scripts/tidy.sh                  every core/ source (and the core/ headers they include)
#   scripts/tidy.sh core/ticks.cpp   only these files
set -euo pipefail
cd "$(dirname "$0")/.."
tidy=$(command -v clang-tidy-14 || command -v clang-tidy) ||
  { echo "tidy: needs clang-tidy (sudo apt-get install clang-tidy)" >&2; exit 2; }
if [ ! -f build/compile_commands.json ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(find core -name '*.cpp' | sort)
fi
# The compile commands are GCC's; clang does not know some of its warning options.
printf '%s\0' "${files[@]}" |
  xargs -0 -n1 -P"$(nproc)" "$tidy" -p build --quiet --extra-arg=-Wno-unknown-warning-option \
    2> >(grep -vE "^[0-9]+ warnings?( and [0-9]+ errors?)? generated\.$" >&2)
