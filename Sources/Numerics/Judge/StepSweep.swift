import Foundation

/// One step of the sweep that shows how finite differences approach a claimed derivative.
public struct SweepPoint: Sendable, Hashable, Codable {
    /// The step h.
    public var step: Double
    /// ‖(g(s + h) − g(s − h))/(2h) − claim‖_F: falls as h² towards a right claim (then rises
    /// as rounding takes over: a V on a log-log plot), plateaus at a wrong one.
    public var centralError: Double
    /// ‖g(s + h) − g(s) − h · claim‖_F, the Taylor remainder: O(h²) for a right claim, O(h)
    /// for a wrong one.
    public var taylorRemainder: Double
}

/// The step sweep of a derivative side against a claimed derivative, and what it shows.
public struct StepSweep: Sendable, Hashable, Codable {
    /// The points, largest step first: h = 10^(−k/2)·scale for k = 2…16, those inside the
    /// domain where g could be evaluated.
    public var points: [SweepPoint]
    /// The least-squares slope of log(Taylor remainder) against log h over the steps where the
    /// remainder stands clear of rounding (≈ 2 for a right claim, ≈ 1 for a wrong one); nil
    /// when fewer than three steps do (g is linear in s, or the claim is exact to rounding).
    public var taylorSlope: Double?
    /// Whether |FD(h) − claim| stays at or above half the gap between the claim and the
    /// reference at every small step instead of falling, for a gap well above the rounding of
    /// the sweep's central differences: the signature of a wrong claim.
    public var plateaus: Bool

    /// Sweeps `side` against `claim` (same shape as g's values); `gap` is ‖claim − reference‖_F.
    init(side: DerivativeSide, claim: Matrix, gap: Double, atPoint g0: Matrix) {
        let scale = side.scale
        let noise =
            4 * Double.ulpOfOne * Swift.max(side.condition, 1)
            * Swift.max(g0.frobeniusNorm, Double.leastNormalMagnitude)
        var points: [SweepPoint] = []
        for k in 2...16 {
            let h = scale * Foundation.pow(10, -Double(k) / 2)
            guard side.domain.contains(side.point - h), side.domain.contains(side.point + h),
                case .success(let d) = side.centralDifference(h)
            else { continue }
            let up = (side.point + h) - side.point
            points.append(
                SweepPoint(
                    step: h, centralError: (d.value - claim).frobeniusNorm,
                    taylorRemainder: (d.plus - g0 - up * claim).frobeniusNorm))
        }
        self.points = points
        // Slope over the steps at most 1% of the scale whose remainder is 100× above rounding.
        let clean = points.filter { $0.step <= 0.011 * scale && $0.taylorRemainder > 100 * noise }
        self.taylorSlope = clean.count >= 3 ? Self.slope(clean.map { (log($0.step), log($0.taylorRemainder)) }) : nil
        let small = points.filter { $0.step <= 0.011 * scale }
        let rounding = points.map { noise / $0.step }.min() ?? .infinity
        self.plateaus = !small.isEmpty && gap > 100 * rounding && small.allSatisfy { $0.centralError >= 0.5 * gap }
    }

    /// The least-squares slope of y against x.
    static func slope(_ xy: [(Double, Double)]) -> Double {
        let n = Double(xy.count)
        let mx = xy.reduce(0) { $0 + $1.0 } / n
        let my = xy.reduce(0) { $0 + $1.1 } / n
        let sxy = xy.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = xy.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }
        return sxy / sxx
    }
}
