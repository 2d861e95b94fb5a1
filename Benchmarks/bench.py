"""derive's log marginal likelihood and gradient against scikit-learn's, side by side.

Run through `make bench`, which builds the Swift side in release mode and sets the same
OPENBLAS_NUM_THREADS for both. For n in {200, 500, 1000, 2000}, d = 8, kernel
C(1.0) * RBF(8 length-scales) + WhiteKernel(0.1) (p = 10), it times
GaussianProcessRegressor.log_marginal_likelihood(theta, eval_gradient=True) and derive's
LogMarginalLikelihood on the same data, median of several runs each; then the small problem
that dominates a notebook (n = 25, d = 3, C * RBF(3 length-scales), p = 4), per call.
Prints a table and ends with `speedup at n=2000: X.Xx`.
"""

import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, WhiteKernel
from sklearn.gaussian_process.kernels import ConstantKernel as C

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", ".build", "release", "NumericsBenchmark")
SIZES = [200, 500, 1000, 2000]
D = 8
LENGTH_SCALES = np.linspace(2.0, 5.5, D)  # distinct per dimension, none equal to 1
NOISE = 0.1


def data(n, d, seed):
    """Seeded inputs and targets, written as raw float64 for the Swift side."""
    rng = np.random.RandomState(seed)
    X = rng.normal(0, 1, (n, d))
    y = np.sin(X[:, 0]) + 0.5 * np.cos(2 * X[:, 1]) + 0.1 * rng.normal(0, 1, n)
    os.makedirs(WORK, exist_ok=True)
    paths = (os.path.join(WORK, f"X_{n}_{d}.bin"), os.path.join(WORK, f"y_{n}_{d}.bin"))
    X.astype("<f8").tofile(paths[0])
    y.astype("<f8").tofile(paths[1])
    return X, y, paths


def sklearn_seconds(kernel, X, y, runs, calls=1):
    gpr = GaussianProcessRegressor(kernel=kernel, optimizer=None).fit(X, y)
    theta = kernel.theta
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(calls):
            value, gradient = gpr.log_marginal_likelihood(theta, eval_gradient=True)
        times.append((time.perf_counter() - start) / calls)
    return statistics.median(times), value, gradient


def ours(mode, paths, n, d, count, *numbers):
    args = [BINARY, mode, *paths, str(n), str(d), str(count), *map(repr, map(float, numbers))]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def relative(a, b):
    return float(np.max(np.abs(np.asarray(a) - np.asarray(b))) / max(np.max(np.abs(b)), 1e-300))


def main():
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "unset")
    print(f"OPENBLAS_NUM_THREADS={threads} for both sides; median of several runs each\n")
    print(f"{'n':>6} {'derive':>10} {'scikit-learn':>13} {'ratio':>7} {'peak memory':>22} {'agree':>8}")
    speedup = None
    for n in SIZES:
        X, y, paths = data(n, D, seed=0)
        runs = 9 if n <= 1000 else 7
        kernel = C(1.0) * RBF(LENGTH_SCALES) + WhiteKernel(NOISE)
        theirs, value, gradient = sklearn_seconds(kernel, X, y, runs)
        mine = ours("large", paths, n, D, runs, 1.0, NOISE, *LENGTH_SCALES)
        ratio = theirs / mine["median"]
        agree = max(relative(mine["lml"], value), relative(mine["gradient"], gradient))
        peak = mine["peak_bytes"]
        peak_text = f"{peak / 2**20:.1f} MiB = {peak / (8 * n * n):.1f} n²"
        print(f"{n:>6} {mine['median'] * 1e3:>8.1f}ms {theirs * 1e3:>11.1f}ms {ratio:>6.1f}x {peak_text:>22} {agree:>8.0e}")
        if n == 2000:
            speedup = ratio
    X, y, paths = data(25, 3, seed=1)
    small_lengths = [0.8, 1.5, 3.0]
    kernel = C(1.0) * RBF(small_lengths)
    theirs, value, gradient = sklearn_seconds(kernel, X, y, runs=7, calls=300)
    mine = ours("small", paths, 25, 3, 3000, 7, 1.0, *small_lengths)
    agree = max(relative(mine["lml"], value), relative(mine["gradient"], gradient))
    print(
        f"\nsmall problem (n=25, d=3, p=4), per call: derive {mine['median'] * 1e6:.1f} µs, "
        f"scikit-learn {theirs * 1e6:.1f} µs, ratio {theirs / mine['median']:.1f}x, agree {agree:.0e}"
    )
    breakdown = ours("breakdown", data(2000, D, seed=0)[2], 2000, D, 3, 1.0, NOISE, *LENGTH_SCALES)
    total = sum(breakdown.values())
    print("\nwhere derive's time goes at n=2000 (median of each stage run on its own):")
    for stage, seconds in sorted(breakdown.items(), key=lambda item: -item[1]):
        print(f"  {stage:<24} {seconds * 1e3:7.1f} ms  {100 * seconds / total:4.0f}%")
    print(f"\nspeedup at n=2000: {speedup:.1f}x")


if __name__ == "__main__":
    main()
