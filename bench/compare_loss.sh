#!/usr/bin/env bash
# Side by side: one full-batch loss + gradient over 1e6 points, K = 3 (softmax and
# Weston-Watkins), LossLab's core (bench_loss --side) against a vectorized numpy version
# (bench/numpy_loss.py) on the same data file, in alternating rounds so that both see the same
# machine load. Prints the per-round ratios and their medians, and fails if the two sides'
# losses or gradients differ.
# Usage: bench/compare_loss.sh [BUILD_DIR [ROUNDS [REPS]]]   (default: build 5 11)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
rounds=${2:-5}
reps=${3:-11}
bench=$build/bench/bench_loss
[ -x "$bench" ] || { echo "compare_loss.sh: no $bench (build the bench_loss target)" >&2; exit 2; }
python=/usr/bin/python3  # Debian's, with python3-numpy
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bench" --write-data "$tmp/data.bin"
for ((r = 0; r < rounds; ++r)); do
  "$bench" --side "$tmp/data.bin" "$reps" >>"$tmp/lines"
  # numpy on one thread, as ours (OpenBLAS and OpenMP pinned to 1), without the environment's
  # other OPENBLAS_* settings (they slow OpenBLAS on this machine).
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 "$python" "$here/numpy_loss.py" "$tmp/data.bin" \
    "$reps" >>"$tmp/lines"
done
echo "1e6 points, K = 3, $rounds rounds of $reps repetitions each; $(nproc --all) cores, numpy single-threaded, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$python" "$here/numpy_loss.py" --report "$tmp/lines"
