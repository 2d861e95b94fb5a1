/// Pair loops shared by the kernels that depend on x − x′ only through the scaled squared
/// distances Dₖ = (xₖ − x′ₖ)²/λₖ², r² = Σₖ Dₖ, with a radial profile
///
///     k = f(r²),   ∂k/∂ln λₖ = −2 f′(r²) Dₖ =: s(r²) Dₖ,
///
/// so the isotropic gradient is s(r²) r². `profile(r²)` returns (f, s).
extension Points {
    /// ∂K/∂θⱼ (n×n) for a stationary kernel: s(r²)·Dⱼ, or s(r²)·r² when isotropic.
    @inline(__always)
    func stationaryGradient(
        component j: Int, anisotropic: Bool, _ profile: (Double) -> (value: Double, slope: Double)
    ) -> Matrix {
        symmetric(diagonal: 0) { a, b in
            let r2 = squaredDistance(a, self, b)
            guard r2 > 0 else { return 0 }
            let slope = profile(r2).slope
            guard anisotropic else { return slope * r2 }
            let delta = coordinates[a * dimension + j] - coordinates[b * dimension + j]
            return slope * delta * delta
        }
    }

    /// Σ Wₐᵦ Kₐᵦ and Σ Wₐᵦ ∂Kₐᵦ/∂θⱼ in one pass over the pairs a > b (K and ∂K are symmetric;
    /// on the diagonal K = f(0) = `diagonal` and every gradient is 0).
    @inline(__always)
    func stationaryContraction(
        weights w: Matrix, diagonal: Double, anisotropic: Bool,
        _ profile: (Double) -> (value: Double, slope: Double)
    ) -> KernelContraction {
        let d = dimension
        var value = diagonal * w.trace
        var gradient = [Double](repeating: 0, count: anisotropic ? d : 1)
        for b in 0..<count {
            for a in (b + 1)..<Swift.max(count, b + 1) {
                let weight = w.pairWeight(a, b)
                let r2 = squaredDistance(a, self, b)
                let (k, slope) = profile(r2)
                value += weight * k
                guard r2 > 0 else { continue }
                if anisotropic {
                    let ws = weight * slope
                    for m in 0..<d {
                        let delta = coordinates[a * d + m] - coordinates[b * d + m]
                        gradient[m] += ws * delta * delta
                    }
                } else {
                    gradient[0] += weight * slope * r2
                }
            }
        }
        return KernelContraction(value: value, gradient: gradient)
    }
}
