import Foundation

/// The constant kernel k(x, x′) = c, for K(X, X) and K(X, Y) alike; it scales another kernel
/// in a product (`2 * RBF()` is `Product(ConstantKernel(2), RBF())`, as in scikit-learn).
///
/// θ = (ln c), and ∂k/∂ln c = c.
public struct ConstantKernel: Kernel, Hashable {
    /// c > 0.
    public var value: Double

    /// The constant kernel c.
    public init(_ value: Double = 1) {
        self.value = value
    }

    public var theta: [Double] { [log(value)] }
    public var hyperparameterNames: [String] { ["constant_value"] }
    public func withTheta(_ theta: [Double]) -> ConstantKernel {
        precondition(theta.count == 1, "ConstantKernel has 1 hyperparameter")
        return ConstantKernel(exp(theta[0]))
    }
    public var description: String { "ConstantKernel(constant_value=\(value))" }

    public func matrix(_ x: Matrix) -> Matrix { Matrix(rows: x.rows, columns: x.rows, repeating: value) }

    public func matrix(_ x: Matrix, _ y: Matrix) -> Matrix {
        Matrix(rows: x.rows, columns: y.rows, repeating: value)
    }

    public func gradient(_ x: Matrix, component j: Int) -> Matrix { matrix(x) }

    public func contraction(_ x: Matrix, weights w: Matrix) -> KernelContraction {
        let value = self.value * symmetricSum(w)
        return KernelContraction(value: value, gradient: [value])
    }
}
