import Foundation

/// The squared-exponential (RBF) kernel, isotropic or anisotropic:
///
///     k(x, x′) = exp(−½ r²),   r² = Σₖ (xₖ − x′ₖ)² / λₖ²
///
/// with one length-scale λ for every dimension (isotropic) or one λₖ per dimension.
/// θ = (ln λ₁, …, ln λ_d) (one entry when isotropic). Derivatives:
///
///     ∂k/∂ln λₖ = k · (xₖ − x′ₖ)² / λₖ²      (anisotropic)
///     ∂k/∂ln λ  = k · r²                      (isotropic)
public struct RBF: Kernel, Hashable {
    /// λ: one entry (isotropic) or one per input dimension (anisotropic), all > 0.
    public var lengthScale: [Double]

    /// An RBF with length-scales `lengthScale` (one entry: isotropic).
    public init(lengthScale: [Double]) {
        self.lengthScale = lengthScale
    }

    /// An isotropic RBF.
    public init(lengthScale: Double = 1) {
        self.init(lengthScale: [lengthScale])
    }

    /// Whether the kernel has one length-scale per dimension.
    public var isAnisotropic: Bool { lengthScale.count > 1 }
    public var theta: [Double] { lengthScale.map { log($0) } }
    public var hyperparameterNames: [String] { lengthScaleNames(lengthScale.count) }
    public func withTheta(_ theta: [Double]) -> RBF {
        precondition(theta.count == lengthScale.count, "RBF has \(lengthScale.count) hyperparameters")
        return RBF(lengthScale: theta.map { exp($0) })
    }
    public var description: String { "RBF(length_scale=\(scales(lengthScale)))" }

    public func matrix(_ x: Matrix) -> Matrix {
        let p = Points(x, dividedBy: lengthScale)
        return p.symmetric(diagonal: 1) { a, b in exp(-0.5 * p.squaredDistance(a, p, b)) }
    }

    public func matrix(_ x: Matrix, _ y: Matrix) -> Matrix {
        Points(x, dividedBy: lengthScale).cross(Points(y, dividedBy: lengthScale)) { exp(-0.5 * $0) }
    }

    public func gradient(_ x: Matrix, component j: Int) -> Matrix {
        Points(x, dividedBy: lengthScale).stationaryGradient(component: j, anisotropic: isAnisotropic, Self.profile)
    }

    /// One pass over the pairs: k and every Dₖ are formed once per pair.
    public func contraction(_ x: Matrix, weights w: Matrix) -> KernelContraction {
        Points(x, dividedBy: lengthScale).stationaryContraction(
            weights: w, diagonal: 1, anisotropic: isAnisotropic, Self.profile)
    }

    /// f(r²) = exp(−½ r²) and s(r²) = −2 f′(r²) = f(r²).
    @inline(__always) static func profile(_ r2: Double) -> (value: Double, slope: Double) {
        let k = exp(-0.5 * r2)
        return (k, k)
    }
}

/// "length_scale", or "length_scale[1]" … "length_scale[d]" (1-based) when anisotropic.
func lengthScaleNames(_ count: Int) -> [String] {
    count == 1 ? ["length_scale"] : (1...count).map { "length_scale[\($0)]" }
}

/// A scalar or a bracketed list, for descriptions.
func scales(_ values: [Double]) -> String {
    values.count == 1 ? "\(values[0])" : "[" + values.map { "\($0)" }.joined(separator: ", ") + "]"
}
