#!/usr/bin/env bash
# Sets up everything (Debian packages, build) and runs every test through CTest. Needs no
# display: window tests start their own Xvfb, render tests use EGL surfaceless.
#   LOSSLAB_SANITIZE=1 scripts/test.sh   the same under AddressSanitizer + UBSan (build-asan/)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
build=build
[ "${LOSSLAB_SANITIZE:-0}" = 1 ] && build=build-asan
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
ctest --test-dir "$build" --output-on-failure -j2 --timeout 300
