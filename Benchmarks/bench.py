"""derive's log marginal likelihood and gradient against scikit-learn's, in one measurement.

Run through `make bench`, which builds the Swift side in release mode and runs this with the
same OPENBLAS_NUM_THREADS for both sides, and without OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE
(set on some machines for old OpenBLAS builds, they slow numpy's current one); the BLAS
kernels each side then runs are printed.

For n in {200, 500, 1000, 2000}, d = 8, kernel C(1.0) * RBF(8 length-scales) +
WhiteKernel(0.1) (p = 10), it times GaussianProcessRegressor.log_marginal_likelihood(theta,
eval_gradient=True) and derive's LogMarginalLikelihood on the same data. The two sides are
timed alternately, run by run (derive in a long-lived process that times one evaluation per
request, so neither side pays for starting up), and each row reports the median of the
pairwise ratios: a busy machine slows both sides of a pair alike. derive's time is also set
against the flop floor of the same problem, dpotrf + dpotri on its K (n³/3 + 2n³/3 flops,
which the gradient cannot do without), timed in the same run. Then the small problem that
dominates a notebook (n = 25, d = 3, C * RBF(3 length-scales), p = 4), per call. Ends with
`speedup at n=2000: X.Xx`.
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
from threadpoolctl import threadpool_info

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", ".build", "release", "NumericsBenchmark")
SIZES = [200, 500, 1000, 2000]
PAIRS = {200: 15, 500: 15, 1000: 11, 2000: 7}
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


class Derive:
    """derive's side: a NumericsBenchmark process that times `calls` evaluations per request."""

    def __init__(self, paths, n, d, c, noise, lengths):
        numbers = [c, noise, *lengths]
        args = [BINARY, "serve", *paths, str(n), str(d), "0", *map(repr, map(float, numbers))]
        self.process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.info = json.loads(self.process.stdout.readline())

    def run(self, calls=1):
        self.process.stdin.write(f"run {calls}\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait()


class ScikitLearn:
    """scikit-learn's side, in this process: `calls` evaluations per run."""

    def __init__(self, kernel, X, y):
        self.gpr = GaussianProcessRegressor(kernel=kernel, optimizer=None).fit(X, y)
        self.theta = kernel.theta

    def run(self, calls=1):
        start = time.perf_counter()
        for _ in range(calls):
            value, gradient = self.gpr.log_marginal_likelihood(self.theta, eval_gradient=True)
        return (time.perf_counter() - start) / calls, value, gradient


def alternate(derive, sklearn, pairs, derive_calls=1, sklearn_calls=1):
    """Times the two sides in turn, `pairs` times after one warm-up pair, starting with each
    side every other time. Returns the per-call times of each pair and the last results."""
    sklearn.run(sklearn_calls)
    derive.run(derive_calls)
    rows = []
    for k in range(pairs):
        if k % 2 == 0:
            theirs, value, gradient = sklearn.run(sklearn_calls)
            mine = derive.run(derive_calls)
        else:
            mine = derive.run(derive_calls)
            theirs, value, gradient = sklearn.run(sklearn_calls)
        rows.append((theirs, mine))
    return rows, mine, value, gradient


def relative(a, b):
    return float(np.max(np.abs(np.asarray(a) - np.asarray(b))) / max(np.max(np.abs(b)), 1e-300))


def numpy_blas():
    """numpy's OpenBLAS as threadpoolctl sees it."""
    for library in threadpool_info():
        if library.get("internal_api") == "openblas":
            return f"OpenBLAS {library.get('version')}, {library.get('architecture')} kernels, {library.get('num_threads')} threads"
    return "no OpenBLAS found by threadpoolctl"


def main():
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "unset")
    pinned = [name for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if name in os.environ]
    print(f"OPENBLAS_NUM_THREADS={threads} for both sides; {', '.join(pinned) or 'no OpenBLAS kernel pinned'}")
    print(f"scikit-learn: numpy's {numpy_blas()}")
    print("the sides are timed alternately; ratio = median of the pairwise scikit-learn/derive ratios\n")
    header = f"{'n':>6} {'derive':>10} {'scikit-learn':>13} {'ratio':>7} {'ratios':>13} {'floor':>9} {'derive/floor':>13} {'peak memory':>22} {'agree':>8}"
    speedup = None
    derive_kernels = None
    for n in SIZES:
        X, y, paths = data(n, D, seed=0)
        kernel = C(1.0) * RBF(LENGTH_SCALES) + WhiteKernel(NOISE)
        derive = Derive(paths, n, D, 1.0, NOISE, LENGTH_SCALES)
        if derive_kernels is None:
            derive_kernels = derive.info
            print(f"derive: Debian's OpenBLAS, {derive.info['kernels']} kernels, {derive.info['threads']} threads\n")
            print(header)
        rows, mine, value, gradient = alternate(derive, ScikitLearn(kernel, X, y), PAIRS[n])
        derive.close()
        ratios = sorted(theirs / m["seconds"] for theirs, m in rows)
        ratio = statistics.median(ratios)
        over_floor = statistics.median(m["seconds"] / m["floor"] for _, m in rows)
        agree = max(relative(mine["lml"], value), relative(mine["gradient"], gradient))
        peak = mine["peak_bytes"]
        peak_text = f"{peak / 2**20:.1f} MiB = {peak / (8 * n * n):.1f} n²"
        spread = f"{ratios[0]:.1f}–{ratios[-1]:.1f}x"
        print(
            f"{n:>6} {statistics.median(m['seconds'] for _, m in rows) * 1e3:>8.1f}ms"
            f" {statistics.median(t for t, _ in rows) * 1e3:>11.1f}ms {ratio:>6.1f}x {spread:>13}"
            f" {statistics.median(m['floor'] for _, m in rows) * 1e3:>7.1f}ms {over_floor:>12.2f}x"
            f" {peak_text:>22} {agree:>8.0e}"
        )
        if n == 2000:
            speedup = ratio
    X, y, paths = data(25, 3, seed=1)
    small_lengths = [0.8, 1.5, 3.0]
    kernel = C(1.0) * RBF(small_lengths)
    derive = Derive(paths, 25, 3, 1.0, float("nan"), small_lengths)
    rows, mine, value, gradient = alternate(derive, ScikitLearn(kernel, X, y), 7, derive_calls=3000, sklearn_calls=300)
    derive.close()
    agree = max(relative(mine["lml"], value), relative(mine["gradient"], gradient))
    ratio = statistics.median(theirs / m["seconds"] for theirs, m in rows)
    print(
        f"\nsmall problem (n=25, d=3, p=4), per call: derive {statistics.median(m['seconds'] for _, m in rows) * 1e6:.1f} µs, "
        f"scikit-learn {statistics.median(t for t, _ in rows) * 1e6:.1f} µs, ratio {ratio:.1f}x, agree {agree:.0e}"
    )
    breakdown_args = [BINARY, "breakdown", *data(2000, D, seed=0)[2], "2000", str(D), "3"]
    breakdown_args += map(repr, map(float, [1.0, NOISE, *LENGTH_SCALES]))
    breakdown = json.loads(subprocess.run(breakdown_args, check=True, capture_output=True, text=True).stdout)
    total = sum(breakdown.values())
    print("\nwhere derive's time goes at n=2000 (median of each stage run on its own):")
    for stage, seconds in sorted(breakdown.items(), key=lambda item: -item[1]):
        print(f"  {stage:<40} {seconds * 1e3:7.1f} ms  {100 * seconds / total:4.0f}%")
    print(f"\nspeedup at n=2000: {speedup:.1f}x")


if __name__ == "__main__":
    main()
