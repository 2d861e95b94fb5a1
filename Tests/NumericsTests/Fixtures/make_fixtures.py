"""Write the scikit-learn reference values that derive's Numerics tests compare against.

Run through `make fixtures` (which installs the pinned scikit-learn into Benchmarks/.venv),
or directly: `python make_fixtures.py` with scikit-learn importable. It writes, beside itself:

  sklearn_kernels.json  every analytic kernel of scikit-learn's test_kernels.py on its data
                        X = RandomState(0).normal(0, 1, (5, 2)), Y = RandomState(0).normal(0, 1, (6, 2)):
                        K(X), K(X, Y) and dK/dtheta, one matrix per free hyperparameter.
  sklearn_gpr.json      log marginal likelihood and gradient of GaussianProcessRegressor
                        (alpha = 1e-10) for the kernels of test_gpr.py on x = 1, 3, 5, 6, 7, 8,
                        y = x sin x, at their own length-scale and across 10^-3 ... 10^3 (the grid
                        of test_lml_gradient), and for C(1.0) * RBF([0.5, 2.0]) + WhiteKernel(0.1)
                        on 2-D data (documented below).

Kernels are written as trees ({"type": ..., parameters, children}) that the Swift tests rebuild.
"free" marks, per hyperparameter component in scikit-learn's order, whether it is in theta
(scikit-learn drops "fixed" ones from theta and the gradient; derive has no fixed ones).
"""

import json
import os

import numpy as np
import sklearn
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import (
    RBF,
    ConstantKernel,
    DotProduct,
    Exponentiation,
    ExpSineSquared,
    Matern,
    Product,
    RationalQuadratic,
    Sum,
    WhiteKernel,
)
from sklearn.gaussian_process.kernels import ConstantKernel as C

HERE = os.path.dirname(os.path.abspath(__file__))


def spec(kernel):
    """The kernel as a JSON tree."""
    if isinstance(kernel, Sum):
        return {"type": "Sum", "k1": spec(kernel.k1), "k2": spec(kernel.k2)}
    if isinstance(kernel, Product):
        return {"type": "Product", "k1": spec(kernel.k1), "k2": spec(kernel.k2)}
    if isinstance(kernel, Exponentiation):
        return {"type": "Exponentiation", "kernel": spec(kernel.kernel), "exponent": float(kernel.exponent)}
    if isinstance(kernel, RBF) and not isinstance(kernel, Matern):
        return {"type": "RBF", "length_scale": np.atleast_1d(kernel.length_scale).astype(float).tolist()}
    if isinstance(kernel, Matern):
        return {
            "type": "Matern",
            "length_scale": np.atleast_1d(kernel.length_scale).astype(float).tolist(),
            "nu": float(kernel.nu),
        }
    if isinstance(kernel, RationalQuadratic):
        return {"type": "RationalQuadratic", "length_scale": float(kernel.length_scale), "alpha": float(kernel.alpha)}
    if isinstance(kernel, ExpSineSquared):
        return {
            "type": "ExpSineSquared",
            "length_scale": float(kernel.length_scale),
            "periodicity": float(kernel.periodicity),
        }
    if isinstance(kernel, DotProduct):
        return {"type": "DotProduct", "sigma_0": float(kernel.sigma_0)}
    if isinstance(kernel, ConstantKernel):
        return {"type": "ConstantKernel", "constant_value": float(kernel.constant_value)}
    if isinstance(kernel, WhiteKernel):
        return {"type": "WhiteKernel", "noise_level": float(kernel.noise_level)}
    raise TypeError(f"no spec for {kernel!r}")


def free(kernel):
    """Per hyperparameter component (scikit-learn's order), whether it is in theta."""
    return [not h.fixed for h in kernel.hyperparameters for _ in range(h.n_elements)]


def rows(matrix):
    return np.asarray(matrix, dtype=float).tolist()


def kernel_fixtures():
    X = np.random.RandomState(0).normal(0, 1, (5, 2))
    Y = np.random.RandomState(0).normal(0, 1, (6, 2))
    kernel_rbf_plus_white = RBF(length_scale=2.0) + WhiteKernel(noise_level=3.0)
    # The list of test_kernels.py without PairwiseKernel, whose gradient is numerical.
    kernels = [
        RBF(length_scale=2.0),
        RBF(length_scale_bounds=(0.5, 2.0)),
        ConstantKernel(constant_value=10.0),
        2.0 * RBF(length_scale=0.33, length_scale_bounds="fixed"),
        2.0 * RBF(length_scale=0.5),
        kernel_rbf_plus_white,
        2.0 * RBF(length_scale=[0.5, 2.0]),
        2.0 * Matern(length_scale=0.33, length_scale_bounds="fixed"),
        2.0 * Matern(length_scale=0.5, nu=0.5),
        2.0 * Matern(length_scale=1.5, nu=1.5),
        2.0 * Matern(length_scale=2.5, nu=2.5),
        2.0 * Matern(length_scale=[0.5, 2.0], nu=0.5),
        3.0 * Matern(length_scale=[2.0, 0.5], nu=1.5),
        4.0 * Matern(length_scale=[0.5, 0.5], nu=2.5),
        RationalQuadratic(length_scale=0.5, alpha=1.5),
        ExpSineSquared(length_scale=0.5, periodicity=1.5),
        DotProduct(sigma_0=2.0),
        DotProduct(sigma_0=2.0) ** 2,
        RBF(length_scale=[2.0]),
        Matern(length_scale=[2.0]),
    ]
    cases = []
    for kernel in kernels:
        K, K_gradient = kernel(X, eval_gradient=True)
        cases.append(
            {
                "name": repr(kernel),
                "kernel": spec(kernel),
                "free": free(kernel),
                "theta": kernel.theta.tolist(),
                "K": rows(K),
                "K_XY": rows(kernel(X, Y)),
                "gradient": [rows(K_gradient[:, :, j]) for j in range(K_gradient.shape[2])],
            }
        )
    return {"X": rows(X), "Y": rows(Y), "cases": cases}


def lml_case(kernel, X, y, label):
    gpr = GaussianProcessRegressor(kernel=kernel, optimizer=None).fit(X, y)
    value, gradient = gpr.log_marginal_likelihood(kernel.theta, eval_gradient=True)
    finite = bool(np.isfinite(value))
    return {
        "label": label,
        "name": repr(kernel),
        "kernel": spec(kernel),
        "free": free(kernel),
        "theta": kernel.theta.tolist(),
        # scikit-learn answers -inf when the Cholesky factorization fails; derive throws.
        "lml": float(value) if finite else None,
        "gradient": np.asarray(gradient, dtype=float).tolist() if finite else None,
    }


def gpr_fixtures():
    X = np.atleast_2d([1.0, 3.0, 5.0, 6.0, 7.0, 8.0]).T
    y = (X * np.sin(X)).ravel()
    fixed_kernel = RBF(length_scale=1.0, length_scale_bounds="fixed")
    kernels = [
        RBF(length_scale=1.0),
        fixed_kernel,
        RBF(length_scale=1.0, length_scale_bounds=(1e-3, 1e3)),
        C(1.0, (1e-2, 1e2)) * RBF(length_scale=1.0, length_scale_bounds=(1e-3, 1e3)),
        C(1.0, (1e-2, 1e2)) * RBF(length_scale=1.0, length_scale_bounds=(1e-3, 1e3)) + C(1e-5, (1e-5, 1e2)),
        C(0.1, (1e-2, 1e2)) * RBF(length_scale=1.0, length_scale_bounds=(1e-3, 1e3)) + C(1e-5, (1e-5, 1e2)),
    ]
    cases = [lml_case(kernel, X, y, "test_gpr") for kernel in kernels]
    grid = []
    for kernel in kernels:
        if kernel is fixed_kernel:
            continue
        for length_scale in np.logspace(-3, 3, 13):
            k = sklearn.base.clone(kernel)
            name = next(name for name in k.get_params() if name.endswith("length_scale"))
            k.set_params(**{name: length_scale})
            grid.append(lml_case(k, X, y, f"grid length_scale={length_scale:.3g}"))
    # The anisotropic case: 12 points in 2-D, X ~ RandomState(1).uniform(-2, 2), y = sin(3 x1) + x2^2.
    X2 = np.random.RandomState(1).uniform(-2, 2, (12, 2))
    y2 = np.sin(3 * X2[:, 0]) + X2[:, 1] ** 2
    anisotropic = C(1.0) * RBF([0.5, 2.0]) + WhiteKernel(0.1)
    return {
        "X": rows(X),
        "y": y.tolist(),
        "cases": cases,
        "grid": grid,
        "anisotropic": {"X": rows(X2), "y": y2.tolist(), "case": lml_case(anisotropic, X2, y2, "anisotropic")},
    }


def write(name, payload):
    payload = {"generator": "make_fixtures.py", "sklearn": sklearn.__version__, "numpy": np.__version__, **payload}
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")
    print(f"wrote {name}")


if __name__ == "__main__":
    write("sklearn_kernels.json", kernel_fixtures())
    write("sklearn_gpr.json", gpr_fixtures())
