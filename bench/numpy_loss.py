#!/usr/bin/env python3
"""The numpy side of bench/compare_loss.sh: one full-batch loss + gradient (loss, dW, db) of a
linear classifier on 2-D points, softmax and Weston-Watkins (multiclass SVM, delta = 1), with
L2 regularization lambda = 0.1 (LossLab's defaults: reg = lambda * sum W^2), written the
straightforward vectorized way (CS231n's assignment-1 style: whole-array operations, no Python
loop over points).

Usage: numpy_loss.py DATA REPS
       numpy_loss.py --report LINES
DATA is the binary file that `bench_loss --write-data DATA` writes (the same points and W, b
as the C++ side). Prints, per loss, one line:
  numpy <loss> <median ms> <min ms> <total loss> <dW row-major...> <db...>
which compare_loss.sh collects with bench_loss's "ours" lines (same format) into LINES, one
block per round; --report prints the per-round ratios and their medians, and checks that both
sides computed the same loss and gradient.
"""
import struct
import sys
import time

import numpy as np

LAMBDA = 0.1
DELTA = 1.0


def read_data(path):
    with open(path, "rb") as f:
        magic = f.read(8)
        if magic != b"LLBENCH1":
            sys.exit(f"{path}: not a bench_loss data file")
        n, k = struct.unpack("<qq", f.read(16))
        W = np.fromfile(f, dtype="<f8", count=2 * k).reshape(k, 2)
        b = np.fromfile(f, dtype="<f8", count=k)
        x0 = np.fromfile(f, dtype="<f8", count=n)
        x1 = np.fromfile(f, dtype="<f8", count=n)
        y = np.fromfile(f, dtype="<i4", count=n)
    if y.size != n:
        sys.exit(f"{path}: truncated")
    X = np.ascontiguousarray(np.stack([x0, x1], axis=1))  # N x 2, as a numpy user would hold it
    return X, y.astype(np.intp), W, b


def softmax_loss(X, y, W, b):
    n = X.shape[0]
    rows = np.arange(n)
    S = X @ W.T + b  # N x K scores
    S -= S.max(axis=1, keepdims=True)
    E = np.exp(S)
    total = E.sum(axis=1)
    loss = np.mean(np.log(total) - S[rows, y])
    P = E / total[:, None]
    P[rows, y] -= 1.0
    P /= n
    dW = P.T @ X
    db = P.sum(axis=0)
    return loss + LAMBDA * np.sum(W * W), dW + 2.0 * LAMBDA * W, db


def ww_loss(X, y, W, b):
    n = X.shape[0]
    rows = np.arange(n)
    S = X @ W.T + b
    margins = np.maximum(0.0, S - S[rows, y][:, None] + DELTA)
    margins[rows, y] = 0.0
    loss = margins.sum() / n
    G = (margins > 0).astype(np.float64)
    G[rows, y] = -G.sum(axis=1)
    G /= n
    dW = G.T @ X
    db = G.sum(axis=0)
    return loss + LAMBDA * np.sum(W * W), dW + 2.0 * LAMBDA * W, db


def report(path):
    rows = {}  # (who, loss) -> list of (median, min, values), one per round
    memory = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if parts[:2] == ["memory", "pass"]:
                memory.append(float(parts[2]))
            elif len(parts) > 4 and parts[0] in ("ours", "numpy"):
                rows.setdefault((parts[0], parts[1]), []).append(
                    (float(parts[2]), float(parts[3]), [float(v) for v in parts[4:]]))
    median = lambda v: sorted(v)[len(v) // 2]
    ok = True
    print(f"{'loss':8} {'side':8} {'rounds':>6} {'median ms':>10} {'min ms':>8} "
          f"{'ratio (median of rounds)':>26} {'ratios per round'}")
    for loss in ("softmax", "ww"):
        ref = rows.get(("numpy", loss), [])
        for who in ("numpy", "ours"):
            runs = rows.get((who, loss))
            if not runs:
                continue
            ratios = [r[0] / o[0] for r, o in zip(ref, runs)] if who != "numpy" else []
            print(f"{loss:8} {who:8} {len(runs):>6} {median([r[0] for r in runs]):>10.3f} "
                  f"{min(r[1] for r in runs):>8.3f} "
                  f"{(f'{median(ratios):.1f}x' if ratios else ''):>26} "
                  f"{' '.join(f'{x:.1f}' for x in ratios)}")
            for r, o in zip(ref, runs):  # the same numbers on both sides
                err = max(abs(a - b) / max(1.0, abs(a)) for a, b in zip(r[2], o[2]))
                if err > 1e-9:
                    ok = False
                    print(f"  {who} {loss}: differs from numpy by {err:.3g}")
    if memory:
        print(f"one pass over the points' memory: median {median(memory):.3f} ms")
    print("loss and gradient agree with numpy to 1e-9" if ok else "MISMATCH")
    return 0 if ok else 1


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--report":
        sys.exit(report(sys.argv[2]))
    if len(sys.argv) != 3:
        sys.exit("usage: numpy_loss.py DATA REPS | --report LINES")
    X, y, W, b = read_data(sys.argv[1])
    reps = int(sys.argv[2])
    for name, fn in (("softmax", softmax_loss), ("ww", ww_loss)):
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            loss, dW, db = fn(X, y, W, b)
            times.append((time.perf_counter() - t0) * 1e3)
        times.sort()
        values = [loss, *dW.ravel(), *db]
        print("numpy", name, f"{times[len(times) // 2]:.3f}", f"{times[0]:.3f}",
              " ".join(f"{v:.17g}" for v in values))


if __name__ == "__main__":
    main()
