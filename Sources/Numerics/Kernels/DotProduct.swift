import Foundation

/// The dot-product (linear) kernel, non-stationary:
///
///     k(x, x′) = σ₀² + x · x′
///
/// θ = (ln σ₀), and ∂k/∂ln σ₀ = 2σ₀² for every pair (not σ₀²: the square doubles it).
public struct DotProduct: Kernel, Hashable {
    /// The inhomogeneity σ₀ > 0.
    public var sigma0: Double

    /// A dot-product kernel.
    public init(sigma0: Double = 1) {
        self.sigma0 = sigma0
    }

    public var theta: [Double] { [log(sigma0)] }
    public var hyperparameterNames: [String] { ["sigma_0"] }
    public func withTheta(_ theta: [Double]) -> DotProduct {
        precondition(theta.count == 1, "DotProduct has 1 hyperparameter")
        return DotProduct(sigma0: exp(theta[0]))
    }
    public var description: String { "DotProduct(sigma_0=\(sigma0))" }

    public func matrix(_ x: Matrix) -> Matrix { matrix(x, x) }

    public func matrix(_ x: Matrix, _ y: Matrix) -> Matrix {
        x.multiplied(by: y, transposingOther: true) + sigma0 * sigma0
    }

    public func gradient(_ x: Matrix, component j: Int) -> Matrix {
        Matrix(rows: x.rows, columns: x.rows, repeating: 2 * sigma0 * sigma0)
    }

    /// Σ W∘K through one product, and 2σ₀² Σ W.
    public func contraction(_ x: Matrix, weights w: Matrix) -> KernelContraction {
        KernelContraction(value: symmetricInner(w, matrix(x)), gradient: [2 * sigma0 * sigma0 * symmetricSum(w)])
    }
}
