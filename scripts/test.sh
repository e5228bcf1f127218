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
if [ "${LOSSLAB_SANITIZE:-0}" = 1 ]; then
  # Leaks inside the GL driver and X/font libraries only (see the file); never our own code.
  export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}"
  # Mesa's driver is unloaded (glfwTerminate, eglTerminate) before the leak check, so its
  # lifetime allocations become unnamed "<unknown module>" leaks; preloaded, it stays mapped.
  drv=/usr/lib/$(gcc -dumpmachine)/dri/swrast_dri.so
  [ -f "$drv" ] && export LD_PRELOAD="$drv" ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0"
fi
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
ctest --test-dir "$build" --output-on-failure -j2 --timeout 300
