import Foundation

/// The periodic (exp-sine-squared) kernel (isotropic, as in scikit-learn):
///
///     k(x, x′) = exp(−2 sin²(π d / p) / λ²),   d = ‖x − x′‖
///
/// θ = (ln λ, ln p). With u = π d / p:
///
///     ∂k/∂ln λ = 4 sin²(u) / λ² · k
///     ∂k/∂ln p = 4 u cos(u) sin(u) / λ² · k
public struct ExpSineSquared: Kernel, Hashable {
    /// λ > 0.
    public var lengthScale: Double
    /// The period p > 0.
    public var periodicity: Double

    /// A periodic kernel.
    public init(lengthScale: Double = 1, periodicity: Double = 1) {
        self.lengthScale = lengthScale
        self.periodicity = periodicity
    }

    public var theta: [Double] { [log(lengthScale), log(periodicity)] }
    public var hyperparameterNames: [String] { ["length_scale", "periodicity"] }
    public func withTheta(_ theta: [Double]) -> ExpSineSquared {
        precondition(theta.count == 2, "ExpSineSquared has 2 hyperparameters")
        return ExpSineSquared(lengthScale: exp(theta[0]), periodicity: exp(theta[1]))
    }
    public var description: String {
        "ExpSineSquared(length_scale=\(lengthScale), periodicity=\(periodicity))"
    }

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
            let u = Double.pi * p.squaredDistance(a, p, b).squareRoot() / periodicity
            let s = sin(u)
            let k = exp(-2 * (s / lengthScale) * (s / lengthScale))
            return j == 0 ? 4 / l2 * s * s * k : 4 * u / l2 * cos(u) * s * k
        }
    }

    private func value(_ d2: Double) -> Double {
        let s = sin(Double.pi * d2.squareRoot() / periodicity) / lengthScale
        return exp(-2 * s * s)
    }
}
