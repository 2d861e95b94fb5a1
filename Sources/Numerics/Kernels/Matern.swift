import Foundation

/// The Matérn kernel for ν ∈ {½, 3/2, 5/2, ∞}, isotropic or anisotropic. With
/// Dₖ = (xₖ − x′ₖ)²/λₖ² and r = √(Σₖ Dₖ):
///
///     ν = ½:    k = exp(−r)                          ∂k/∂ln λₖ = k · Dₖ / r
///     ν = 3/2:  k = (1 + √3 r) exp(−√3 r)            ∂k/∂ln λₖ = 3 Dₖ exp(−√3 r)
///     ν = 5/2:  k = (1 + √5 r + 5r²/3) exp(−√5 r)    ∂k/∂ln λₖ = 5/3 Dₖ (1 + √5 r) exp(−√5 r)
///     ν = ∞:    k = exp(−r²/2)                       ∂k/∂ln λₖ = k · Dₖ
///
/// The isotropic derivative replaces Dₖ by r². Every derivative is 0 at r = 0 (for ν = ½ the
/// limit of Dₖ/r along any direction is 0), never NaN. θ = (ln λ₁, …, ln λ_d), one entry
/// when isotropic.
public struct Matern: Kernel, Hashable {
    /// The smoothness ν: the closed forms scikit-learn implements without Bessel functions.
    public enum Smoothness: Sendable, Hashable, Codable {
        /// ν = ½, the exponential (Ornstein–Uhlenbeck) kernel.
        case half
        /// ν = 3/2, once differentiable sample paths.
        case threeHalves
        /// ν = 5/2, twice differentiable sample paths.
        case fiveHalves
        /// ν = ∞, the RBF kernel.
        case infinity

        /// ν as a number.
        public var value: Double {
            switch self {
            case .half: 0.5
            case .threeHalves: 1.5
            case .fiveHalves: 2.5
            case .infinity: .infinity
            }
        }
    }

    /// λ: one entry (isotropic) or one per input dimension (anisotropic), all > 0.
    public var lengthScale: [Double]
    /// ν.
    public var nu: Smoothness

    /// A Matérn kernel with length-scales `lengthScale` (one entry: isotropic) and smoothness ν.
    public init(lengthScale: [Double], nu: Smoothness = .threeHalves) {
        self.lengthScale = lengthScale
        self.nu = nu
    }

    /// An isotropic Matérn kernel.
    public init(lengthScale: Double = 1, nu: Smoothness = .threeHalves) {
        self.init(lengthScale: [lengthScale], nu: nu)
    }

    /// Whether the kernel has one length-scale per dimension.
    public var isAnisotropic: Bool { lengthScale.count > 1 }
    public var theta: [Double] { lengthScale.map { log($0) } }
    public var hyperparameterNames: [String] { lengthScaleNames(lengthScale.count) }
    public func withTheta(_ theta: [Double]) -> Matern {
        precondition(theta.count == lengthScale.count, "Matern has \(lengthScale.count) hyperparameters")
        return Matern(lengthScale: theta.map { exp($0) }, nu: nu)
    }
    public var description: String { "Matern(length_scale=\(scales(lengthScale)), nu=\(nu.value))" }

    public func matrix(_ x: Matrix) -> Matrix {
        let p = Points(x, dividedBy: lengthScale)
        let nu = nu
        return p.symmetric(diagonal: 1) { a, b in Self.profile(nu, p.squaredDistance(a, p, b)).value }
    }

    public func matrix(_ x: Matrix, _ y: Matrix) -> Matrix {
        let nu = nu
        return Points(x, dividedBy: lengthScale).cross(Points(y, dividedBy: lengthScale)) {
            Self.profile(nu, $0).value
        }
    }

    public func gradient(_ x: Matrix, component j: Int) -> Matrix {
        let nu = nu
        return Points(x, dividedBy: lengthScale).stationaryGradient(component: j, anisotropic: isAnisotropic) {
            Self.profile(nu, $0)
        }
    }

    public func contraction(_ x: Matrix, weights w: Matrix) -> KernelContraction {
        let nu = nu
        return Points(x, dividedBy: lengthScale).stationaryContraction(
            weights: w, diagonal: 1, anisotropic: isAnisotropic
        ) { Self.profile(nu, $0) }
    }

    /// k = f(r²) and s(r²) with ∂k/∂ln λₖ = s · Dₖ, computed in scikit-learn's order of operations.
    @inline(__always) static func profile(_ nu: Smoothness, _ r2: Double) -> (value: Double, slope: Double) {
        switch nu {
        case .half:
            let r = r2.squareRoot()
            let k = exp(-r)
            return (k, r > 0 ? k / r : 0)
        case .threeHalves:
            let t = r2.squareRoot() * 3.0.squareRoot()
            let e = exp(-t)
            return ((1 + t) * e, 3 * e)
        case .fiveHalves:
            let t = r2.squareRoot() * 5.0.squareRoot()
            let e = exp(-t)
            return ((1 + t + t * t / 3) * e, 5.0 / 3.0 * (1 + t) * e)
        case .infinity:
            let k = exp(-0.5 * r2)
            return (k, k)
        }
    }
}
