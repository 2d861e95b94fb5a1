import Foundation

/// The white-noise kernel: σ² on the diagonal of K(X, X) and nothing else.
///
///     K(X, X) = σ² I,   K(X, Y) = 0 (even when Y holds the same points, as in scikit-learn)
///
/// θ = (ln σ²) — the hyperparameter is the noise level σ², not σ — and ∂K/∂ln σ² = σ² I.
public struct WhiteKernel: Kernel, Hashable {
    /// The noise level σ² > 0.
    public var noiseLevel: Double

    /// White noise of variance `noiseLevel`.
    public init(noiseLevel: Double = 1) {
        self.noiseLevel = noiseLevel
    }

    public var theta: [Double] { [log(noiseLevel)] }
    public var hyperparameterNames: [String] { ["noise_level"] }
    public func withTheta(_ theta: [Double]) -> WhiteKernel {
        precondition(theta.count == 1, "WhiteKernel has 1 hyperparameter")
        return WhiteKernel(noiseLevel: exp(theta[0]))
    }
    public var description: String { "WhiteKernel(noise_level=\(noiseLevel))" }

    public func matrix(_ x: Matrix) -> Matrix { noiseLevel * Matrix.identity(x.rows) }

    public func matrix(_ x: Matrix, _ y: Matrix) -> Matrix { .zeros(x.rows, y.rows) }

    public func gradient(_ x: Matrix, component j: Int) -> Matrix { matrix(x) }

    public func contraction(_ x: Matrix, weights w: Matrix) -> KernelContraction {
        let value = noiseLevel * w.trace
        return KernelContraction(value: value, gradient: [value])
    }
}
