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
        component j: Int, anisotropic: Bool, _ profile: @escaping @Sendable (Double) -> (value: Double, slope: Double)
    ) -> Matrix {
        let points = self
        return symmetric(diagonal: 0) { a, b in
            let r2 = points.squaredDistance(a, points, b)
            guard r2 > 0 else { return 0 }
            let slope = profile(r2).slope
            guard anisotropic else { return slope * r2 }
            let d = points.dimension
            let delta = points.coordinates[a * d + j] - points.coordinates[b * d + j]
            return slope * delta * delta
        }
    }

    /// Σ Wₐᵦ Kₐᵦ and Σ Wₐᵦ ∂Kₐᵦ/∂θⱼ for a symmetric W (n×n, lower triangle read) in one pass
    /// over the pairs: Σₐ Wₐₐ f(0) + 2 Σₐ>ᵦ Wₐᵦ (…)ₐᵦ, since every gradient is 0 on the diagonal.
    /// Large n is split over threads, each with its own partial sums.
    @inline(__always)
    func stationaryContraction(
        weights w: Matrix, diagonal: Double, anisotropic: Bool,
        _ profile: @Sendable (Double) -> (value: Double, slope: Double)
    ) -> KernelContraction {
        let d = dimension
        let n = count
        let parts = PairChunks(count: n).map { columns -> (Double, [Double]) in
            var value = 0.0
            var gradient = [Double](repeating: 0, count: anisotropic ? d : 1)
            coordinates.withUnsafeBufferPointer { u in
                w.elements.withUnsafeBufferPointer { weights in
                    gradient.withUnsafeMutableBufferPointer { g in
                        for b in columns {
                            value += weights[b + b * n] * diagonal
                            for a in (b + 1)..<Swift.max(n, b + 1) {
                                let weight = 2 * weights[a + b * n]
                                var r2 = 0.0
                                for m in 0..<d {
                                    let delta = u[a * d + m] - u[b * d + m]
                                    r2 += delta * delta
                                }
                                let (k, slope) = profile(r2)
                                value += weight * k
                                guard r2 > 0 else { continue }
                                if anisotropic {
                                    let ws = weight * slope
                                    for m in 0..<d {
                                        let delta = u[a * d + m] - u[b * d + m]
                                        g[m] += ws * delta * delta
                                    }
                                } else {
                                    g[0] += weight * slope * r2
                                }
                            }
                        }
                    }
                }
            }
            return (value, gradient)
        }
        var value = 0.0
        var gradient = [Double](repeating: 0, count: anisotropic ? d : 1)
        for (v, g) in parts {
            value += v
            for m in gradient.indices { gradient[m] += g[m] }
        }
        return KernelContraction(value: value, gradient: gradient)
    }
}
