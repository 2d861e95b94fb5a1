import Foundation

/// The log marginal likelihood of a Gaussian-process regression and its gradient with respect
/// to the kernel's log hyperparameters θ, from one Cholesky factorization.
///
/// Rasmussen & Williams, Algorithm 2.1 and eq. 5.9, for K = k(X, X) + jitter·I:
///
///     L = chol(K);   α = Lᵀ \ (L \ y)
///     log p(y | X, θ) = −½ yᵀα − Σᵢ log Lᵢᵢ − n/2 log 2π
///     ∂ log p/∂θⱼ = ½ tr((ααᵀ − K⁻¹) ∂K/∂θⱼ) = ½ Σₐᵦ Wₐᵦ (∂K/∂θⱼ)ₐᵦ,   W = ααᵀ − K⁻¹
///
/// The trace is an elementwise sum (O(n²) per hyperparameter, the kernel's `contraction`), so
/// the n×n×p gradient tensor is never formed. With several output columns (y of shape n×m)
/// the value and gradient are summed over the columns, as in scikit-learn.
public struct LogMarginalLikelihood: Sendable, Hashable, Codable {
    /// log p(y | X, θ).
    public var value: Double
    /// ∂ log p/∂θⱼ, one per component of the kernel's θ.
    public var gradient: [Double]
    /// LAPACK's estimate of κ₁(K), the condition number of the covariance that was factored,
    /// when asked for (`estimatingCondition`): O(n²), but a sizeable share of a small problem.
    public var conditionNumber: Double?

    /// Value and gradient for `kernel` at its θ, inputs X (n×d), targets y (n×m), and `jitter`
    /// added to the diagonal (scikit-learn's `alpha`, 1e-10 by default); with
    /// `estimatingCondition`, also κ₁(K) (LAPACK `dpocon`).
    ///
    /// - Throws: `LinearAlgebraError.notPositiveDefinite` when K + jitter·I cannot be factored.
    public init(
        kernel: some Kernel, x: Matrix, y: Matrix, jitter: Double = 1e-10, estimatingCondition: Bool = false
    ) throws(LinearAlgebraError) {
        let n = x.rows
        precondition(y.rows == n, "\(y.rows) targets for \(n) points")
        let cholesky = try Cholesky(Self.covariance(kernel: kernel, x: x, jitter: jitter))
        let alpha = cholesky.solve(y)  // Alg. 2.1 line 3: α = Lᵀ \ (L \ y)
        value = Self.value(cholesky: cholesky, y: y, alpha: alpha)
        conditionNumber = estimatingCondition ? cholesky.conditionNumber : nil
        // W = ααᵀ − m·K⁻¹, its lower triangle built in the storage of K⁻¹ (dpotri, 2n³/3
        // flops); contractions read only that triangle.
        var w = cholesky.lowerInverse()
        let m = Double(y.columns)
        w.elements.withUnsafeMutableBufferPointer { e in
            alpha.elements.withUnsafeBufferPointer { alpha in
                for b in 0..<n {
                    for a in b..<n {
                        var outer = 0.0
                        for k in 0..<y.columns { outer += alpha[a + k * n] * alpha[b + k * n] }
                        e[a + b * n] = outer - m * e[a + b * n]
                    }
                }
            }
        }
        // Eq. 5.9: ½ Σₐᵦ Wₐᵦ (∂K/∂θⱼ)ₐᵦ; the jitter does not depend on θ.
        gradient = kernel.contraction(x, weights: w).gradient.map { 0.5 * $0 }
    }

    /// log p(y | X, θ) alone, for `kernel` at its θ (as above, without the inverse).
    public static func value(kernel: some Kernel, x: Matrix, y: Matrix, jitter: Double = 1e-10)
        throws(LinearAlgebraError) -> Double
    {
        try value(covariance: covariance(kernel: kernel, x: x, jitter: jitter), y: y)
    }

    /// log p(y) = −½ yᵀK⁻¹y − ½ log det K − n/2 log 2π for a given covariance K (n×n, noise
    /// and jitter included) and targets y (n×m, summed over columns).
    public static func value(covariance k: Matrix, y: Matrix) throws(LinearAlgebraError) -> Double {
        let cholesky = try Cholesky(k)
        return value(cholesky: cholesky, y: y, alpha: cholesky.solve(y))
    }

    /// Alg. 2.1 line 7, summed over the m columns of y: −½ yᵀα − m Σᵢ log Lᵢᵢ − m n/2 log 2π.
    static func value(cholesky: Cholesky, y: Matrix, alpha: Matrix) -> Double {
        let m = Double(y.columns)
        let n = Double(cholesky.order)
        return -0.5 * frobeniusInner(y, alpha) - m * 0.5 * cholesky.logDeterminant - m * n / 2 * log(2 * Double.pi)
    }

    /// K = k(X, X) + jitter·I.
    static func covariance(kernel: some Kernel, x: Matrix, jitter: Double) -> Matrix {
        var k = kernel.matrix(x)
        for i in 0..<x.rows { k.elements[i + i * x.rows] += jitter }
        return k
    }
}
