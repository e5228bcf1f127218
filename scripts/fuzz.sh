#!/usr/bin/env bash
# Fuzzes the scene loaders with libFuzzer (clang, ASan + UBSan) for SECONDS (default 60),
# starting from the seed corpus in tests/fuzz/corpus. New interesting inputs go to
# build-fuzz/corpus (not the repo); a crash writes build-fuzz/crash-* and exits non-zero.
# A longer run: scripts/fuzz.sh 3600
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
cache=build-fuzz/CMakeCache.txt
if [ -f $cache ] && ! grep -qx "CMAKE_GENERATOR:INTERNAL=Ninja" $cache; then
  rm -rf build-fuzz/CMakeCache.txt build-fuzz/CMakeFiles  # made earlier with Make
fi
# -O1 -g1 (libFuzzer's usual flags): compiles in less time than -O2 -g, and the line tables
# still give a crash's stack its file:line.
flags="-O1 -g1 -DNDEBUG"
cmake -S . -B build-fuzz -G Ninja -DLOSSLAB_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$flags" -DCMAKE_C_FLAGS_RELWITHDEBINFO="$flags" \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target scene_fuzz
mkdir -p build-fuzz/corpus
build-fuzz/tests/fuzz/scene_fuzz -max_total_time="$seconds" -max_len=4096 -timeout=10 \
  -artifact_prefix=build-fuzz/ -print_final_stats=1 build-fuzz/corpus tests/fuzz/corpus 2>&1 |
  tee build-fuzz/fuzz.log | grep -E "^(#[0-9]+ +(INITED|DONE)|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)" || true
test "${PIPESTATUS[0]}" -eq 0
