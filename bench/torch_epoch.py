#!/usr/bin/env python3
"""One epoch of minibatch SGD on Fashion-MNIST in PyTorch: the reference loop for
bench/bench_images.cpp (same data and settings: softmax cross-entropy, batch 256, float64,
lr 0.5, L2 1e-4 on W only, W ~ 1e-3 N(0, 1), b = 0; one thread). Prints JSON like
bench_images. For the benchmark only (python3-torch is not a dependency of the app or tests).

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 bench/torch_epoch.py [--epochs 5]
"""
import argparse
import gzip
import json
import os
import statistics
import struct
import time

import numpy as np
import torch


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--lr", type=float, default=0.5)
    ap.add_argument("--reg", type=float, default=1e-4)
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(1)
    t0 = time.perf_counter()
    d = args.data
    xtr = torch.from_numpy(read_idx(os.path.join(d, "train-images-idx3-ubyte.gz"))
                           .reshape(-1, 784).astype(np.float64) / 255.0)
    ytr = torch.from_numpy(read_idx(os.path.join(d, "train-labels-idx1-ubyte.gz")).astype(np.int64))
    xte = torch.from_numpy(read_idx(os.path.join(d, "t10k-images-idx3-ubyte.gz"))
                           .reshape(-1, 784).astype(np.float64) / 255.0)
    yte = torch.from_numpy(read_idx(os.path.join(d, "t10k-labels-idx1-ubyte.gz")).astype(np.int64))
    load_s = time.perf_counter() - t0

    model = torch.nn.Linear(784, 10).double()
    with torch.no_grad():
        model.weight.normal_(0.0, 1e-3)
        model.bias.zero_()
    # L2 = reg * sum W^2 (gradient 2 reg W), on W only, as LossLab's regularizer.
    opt = torch.optim.SGD([{"params": [model.weight], "weight_decay": 2 * args.reg},
                           {"params": [model.bias], "weight_decay": 0.0}], lr=args.lr)
    loss_fn = torch.nn.CrossEntropyLoss()
    n = xtr.shape[0]
    steps = n // args.batch  # the remainder of an epoch is dropped, as LossLab does
    times = []
    for _ in range(args.epochs):
        t0 = time.perf_counter()
        perm = torch.randperm(n)
        for s in range(steps):
            idx = perm[s * args.batch:(s + 1) * args.batch]
            opt.zero_grad()
            loss = loss_fn(model(xtr[idx]), ytr[idx])
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - t0)
    with torch.no_grad():
        acc = (model(xte).argmax(1) == yte).double().mean().item()
    print(json.dumps({"impl": "torch", "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "load_seconds": round(load_s, 3), "steps_per_epoch": steps,
                      "batch": args.batch, "epoch_seconds": [round(t, 4) for t in times],
                      "median_epoch_seconds": round(statistics.median(times), 4),
                      "test_accuracy": round(acc, 4)}))


if __name__ == "__main__":
    main()
