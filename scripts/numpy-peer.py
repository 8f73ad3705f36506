#!/usr/bin/env python3
# The numpy peer of `npm run bench`: a competent vectorised numpy implementation of one VSML example on
# the MNIST grid (A 784 inputs x K 10 classes, N 16, M 8, 2 micro-ticks), for S runs with one shared V_M
# or one V_M per run (the ES-step shape: batched matmuls). Per example it does what the engines do:
#   U_a = x_a W[0]            (layer 0's forward input is [x_a, 0, ..., 0])
#   V_b = bwd_b W[M:2M] + bias
#   per micro-tick: z = U_a + V_b + h W_h (one GEMM over every cell), i g f o, c' = f c + i g, h' = o tanh c'
#   forward message: mean over a of h, then W_f, b_f (reduce before project); y = bound tanh(m / bound),
#   softmax, and the error p - onehot into the backward input of the next example.
# Usage:
#   python3 scripts/numpy-peer.py --runs 64 --vm per-run --seconds 3     one JSON line
#   python3 scripts/numpy-peer.py --serve                                JSON commands on stdin, one reply a line:
#     {"cmd": "prepare", "runs": 64, "vm": "shared", "seed": 22}  {"cmd": "measure", "seconds": 2}  {"cmd": "quit"}
# Replies: {"ok": true, ...} or {"ok": false, "error": "..."}; a measurement is
#   {"ok": true, "format": "vsml-numpy-peer", "version": 1, "runs", "vm", "examples", "seconds", "cells",
#    "cellTicksPerSecond", "numpy", "blas"}.
import json
import sys
import time

import numpy as np

A, K, N, M, MT = 784, 10, 16, 8, 2
OUTPUT_INDEX, BOUND = 1, 100.0
POOL = 8  # examples in the input stream, cycled


def blas_name():
    try:
        cfg = np.__config__.CONFIG  # numpy >= 2
        return cfg["Build Dependencies"]["blas"]["name"]
    except Exception:  # noqa: BLE001 - older numpy: no structured config
        return "unknown"


def sig(x):
    return 1 / (1 + np.exp(-x))


class Peer:
    def __init__(self, runs, vm, seed):
        if not isinstance(runs, int) or runs < 1:
            raise ValueError(f"runs must be a positive integer, got {runs!r}")
        if vm not in ("shared", "per-run"):
            raise ValueError(f"vm must be 'shared' or 'per-run', got {vm!r}")
        S = self.S = runs
        self.vm = vm
        rng = np.random.default_rng(seed)
        P = S if vm == "per-run" else 1
        W = (rng.standard_normal((P, 2 * M + N, 4 * N)) * 0.1).astype(np.float32)
        # Split once into contiguous blocks: a strided view of W_h makes the batched matmul 2x slower.
        self.W0 = np.ascontiguousarray(W[:, 0])                   # P, 4N
        self.Wb = np.ascontiguousarray(W[:, M:2 * M])             # P, M, 4N
        self.Wh = np.ascontiguousarray(W[:, 2 * M:])              # P, N, 4N
        self.bias = np.zeros((P, 1, 4 * N), np.float32)
        self.Wf = (rng.standard_normal((P, N, M)) * 0.1).astype(np.float32)
        self.bf = np.zeros((P, 1, M), np.float32)
        self.h = (rng.standard_normal((S, A, K, N)) * 0.1).astype(np.float32)
        self.c = (rng.standard_normal((S, A, K, N)) * 0.1).astype(np.float32)
        self.bwd = np.zeros((S, K, M), np.float32)
        self.xs = rng.random((POOL, S, A), dtype=np.float32)
        self.labels = rng.integers(0, K, (POOL, S))
        self.t = 0

    def step(self):
        S, Wh = self.S, self.Wh
        x = self.xs[self.t % POOL]
        label = self.labels[self.t % POOL]
        self.t += 1
        U = x[:, :, None] * self.W0[:, None, :]                      # S, A, 4N
        V = self.bwd @ self.Wb + self.bias                           # S, K, 4N
        UV = U[:, :, None, :] + V[:, None, :, :]                     # S, A, K, 4N
        h, c = self.h, self.c
        for _ in range(MT):
            if self.vm == "shared":
                hw = (h.reshape(S * A * K, N) @ Wh[0]).reshape(S, A, K, 4 * N)   # one GEMM
            else:
                hw = (h.reshape(S, A * K, N) @ Wh).reshape(S, A, K, 4 * N)       # batched GEMM
            z = UV + hw
            i = sig(z[..., :N] - 5)
            g = np.tanh(z[..., N:2 * N])
            f = sig(z[..., 2 * N:3 * N] + 5)
            o = sig(z[..., 3 * N:])
            c = f * c + i * g
            h = o * np.tanh(c)
        self.h, self.c = h, c
        fwd = h.mean(axis=1) @ self.Wf + self.bf                     # S, K, M
        y = BOUND * np.tanh(fwd[..., OUTPUT_INDEX] / BOUND)          # S, K
        p = np.exp(y - y.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        p[np.arange(S), label] -= 1
        self.bwd[..., 0] = p

    def measure(self, seconds):
        n = 0
        t0 = time.perf_counter()
        while True:
            self.step()
            n += 1
            dt = time.perf_counter() - t0
            if dt >= seconds:
                break
        return {
            "ok": True, "format": "vsml-numpy-peer", "version": 1, "runs": self.S, "vm": self.vm,
            "examples": n, "seconds": dt, "cells": A * K, "cellTicksPerSecond": n * self.S * A * K / dt,
            "numpy": np.__version__, "blas": blas_name(),
        }


def serve():
    peer = None
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            cmd = json.loads(line)
            if cmd.get("cmd") == "quit":
                break
            if cmd.get("cmd") == "prepare":
                peer = None  # free the previous case first
                peer = Peer(cmd.get("runs"), cmd.get("vm", "shared"), int(cmd.get("seed", 22)))
                peer.step()  # warm-up: first touches of the temporaries are not measured
                reply = {"ok": True, "runs": peer.S, "vm": peer.vm, "numpy": np.__version__, "blas": blas_name()}
            elif cmd.get("cmd") == "measure":
                if peer is None:
                    raise ValueError("measure before prepare")
                reply = peer.measure(float(cmd.get("seconds", 1)))
            else:
                raise ValueError(f"unknown cmd {cmd.get('cmd')!r} (prepare, measure, quit)")
        except Exception as e:  # noqa: BLE001 - every error goes back as a value
            reply = {"ok": False, "error": f"{type(e).__name__}: {e}"}
        print(json.dumps(reply), flush=True)


def main(argv):
    if "--serve" in argv:
        serve()
        return 0
    opts = {"--runs": "64", "--vm": "shared", "--seconds": "3", "--seed": "22"}
    i = 0
    while i < len(argv):
        if argv[i] not in opts or i + 1 >= len(argv):
            print(f"numpy-peer: unknown option {argv[i]} (use --runs S --vm shared|per-run --seconds X --seed N, or --serve)", file=sys.stderr)
            return 2
        opts[argv[i]] = argv[i + 1]
        i += 2
    peer = Peer(int(opts["--runs"]), opts["--vm"], int(opts["--seed"]))
    peer.step()  # warm-up
    print(json.dumps(peer.measure(float(opts["--seconds"]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
