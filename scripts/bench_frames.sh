#!/usr/bin/env bash
# The window's frame-time benchmark behind the README's Performance table (issue 10's targets):
# each scene RUNS times (default 3) through `losslab --size 1280 800 --bench-frames N` under
# Xvfb (Mesa llvmpipe), one line per run (median / p99 / max frame time, CPU ms per frame), then
# the machine's load. Also the canvas's GL passes alone (bench_canvas). Quiet machine please:
# absolute times follow the load; the CPU ms per frame move much less.
#   scripts/bench_frames.sh [RUNS] [BUILD_DIR]      (default 3, build)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
build=${2:-build}
app=$build/app/losslab
[ -x "$app" ] || { echo "bench_frames: no $app (build the app first)" >&2; exit 1; }
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT

frames() {  # label, then losslab options
  local label=$1
  shift
  for ((r = 1; r <= runs; ++r)); do
    printf '%-44s ' "$label"
    LOSSLAB_STATE_DIR=$state xvfb-run -a -s "-screen 0 1280x800x24" \
      "$app" --size 1280 800 "$@" | grep -o 'median.*ms/frame'
  done
}

uptime
frames "default scene, training at 60 steps/s" --bench-frames 1200 --play --rate 60
frames "10,000 points, training at 60 steps/s" --bench-frames 1200 --points 10000 --play --rate 60
frames "100,000 points, training at 60 steps/s" --bench-frames 600 --points 100000 --play --rate 60
frames "100,000 points, idle" --bench-frames 600 --points 100000
frames "1,000,000 points, idle" --bench-frames 300 --points 1000000
if [ -x "$build/bench/bench_canvas" ]; then
  "$build/bench/bench_canvas" 10000 300
fi
uptime
