import Foundation

/// The rational quadratic kernel, a scale mixture of RBFs (isotropic only, as in scikit-learn):
///
///     k(x, x′) = b^(−α),   b = 1 + d²/(2αλ²),   d = ‖x − x′‖
///
/// θ = (ln α, ln λ) — scikit-learn orders hyperparameters by name. Derivatives:
///
///     ∂k/∂ln α = k · (−α ln b + d²/(2λ² b))
///     ∂k/∂ln λ = k · d²/(λ² b)
public struct RationalQuadratic: Kernel, Hashable {
    /// λ > 0.
    public var lengthScale: Double
    /// The scale-mixture parameter α > 0.
    public var alpha: Double

    /// A rational quadratic kernel.
    public init(lengthScale: Double = 1, alpha: Double = 1) {
        self.lengthScale = lengthScale
        self.alpha = alpha
    }

    public var theta: [Double] { [log(alpha), log(lengthScale)] }
    public var hyperparameterNames: [String] { ["alpha", "length_scale"] }
    public func withTheta(_ theta: [Double]) -> RationalQuadratic {
        precondition(theta.count == 2, "RationalQuadratic has 2 hyperparameters")
        return RationalQuadratic(lengthScale: exp(theta[1]), alpha: exp(theta[0]))
    }
    public var description: String { "RationalQuadratic(alpha=\(alpha), length_scale=\(lengthScale))" }

    public func matrix(_ x: Matrix) -> Matrix {
        let p = Points(x)
        return p.symmetric(diagonal: 1) { a, b in value(p.squaredDistance(a, p, b)) }
    }

    public func matrix(_ x: Matrix, _ y: Matrix) -> Matrix {
        Points(x).cross(Points(y)) { value($0) }
    }

    public func gradient(_ x: Matrix, component j: Int) -> Matrix {
        let p = Points(x)
        let l2 = lengthScale * lengthScale
        return p.symmetric(diagonal: 0) { a, b in
            let d2 = p.squaredDistance(a, p, b)
            let base = 1 + d2 / (2 * alpha * l2)
            let k = Foundation.pow(base, -alpha)
            return j == 0 ? k * (-alpha * log(base) + d2 / (2 * l2 * base)) : d2 * k / (l2 * base)
        }
    }

    private func value(_ d2: Double) -> Double {
        Foundation.pow(1 + d2 / (2 * alpha * lengthScale * lengthScale), -alpha)
    }
}
