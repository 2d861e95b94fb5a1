import Foundation

/// A side evaluated for judging: its value, its error bound and what makes it unreliable.
struct EvaluatedSide {
    /// The side as given.
    let side: Side
    /// The analytic value or the Ridders estimate.
    let value: Matrix
    /// The analytic error bound, or ê (at least the resolution of differences of g).
    let bound: Double
    /// Ridders' estimate, for a derivative side.
    let estimate: RiddersEstimate?
    /// g(s), for a derivative side.
    let atPoint: Matrix?
    /// Whether the value is ≈ 0: within its bound of zero (or below the zero floor of a derivative).
    let nearZero: Bool
    /// Why the side cannot be trusted, in words; nil when it can.
    let unreliable: String?

    /// Evaluates `side`; a derivative side runs Ridders' method and the cross-check.
    static func make(_ side: Side, _ tolerances: JudgeTolerances) -> Result<EvaluatedSide, EvaluationFailure> {
        switch side {
        case .analytic(let v):
            let norm = v.value.frobeniusNorm
            let unreliable = v.condition > tolerances.conditionLimit ? illConditioned(v.condition, tolerances) : nil
            return .success(
                EvaluatedSide(
                    side: side, value: v.value, bound: v.errorBound, estimate: nil, atPoint: nil,
                    nearZero: norm <= v.errorBound, unreliable: unreliable))
        case .derivative(let d):
            let g0: Matrix
            switch d.evaluate(offset: 0) {
            case .success(let value): g0 = value
            case .failure(let failure): return .failure(failure)
            }
            let estimate: RiddersEstimate
            switch d.ridders() {
            case .success(let value): estimate = value
            case .failure(let failure): return .failure(failure)
            }
            let typical = g0.frobeniusNorm / d.scale  // the size of a derivative of g near s
            let norm = estimate.value.frobeniusNorm
            var unreliable: String? = nil
            if d.condition > tolerances.conditionLimit {
                unreliable = illConditioned(d.condition, tolerances)
            } else if estimate.errorEstimate
                > tolerances.reliableRelativeError * norm + tolerances.reliableFloor * typical
            {
                unreliable =
                    "the finite-difference reference is unreliable: its error estimate \(format(estimate.errorEstimate)) "
                    + "is not small against its value \(format(norm))"
            } else {
                unreliable = crossCheck(d, estimate)
            }
            // Below zeroFloor · ‖g‖/scale a derivative is beyond what differences of g resolve.
            let bound = Swift.max(estimate.errorEstimate, tolerances.zeroFloor * typical)
            return .success(
                EvaluatedSide(
                    side: side, value: estimate.value, bound: bound, estimate: estimate, atPoint: g0,
                    nearZero: norm <= bound, unreliable: unreliable))
        }
    }

    static func illConditioned(_ condition: Double, _ tolerances: JudgeTolerances) -> String {
        "a factorization is too ill-conditioned to trust: condition number \(format(condition)) "
            + "exceeds \(format(tolerances.conditionLimit))"
    }

    /// One central difference at h = ε^(1/3) · scale(s) must agree with Ridders' estimate
    /// within its own bound: truncation ≈ |CD(h) − CD(2h)|/3 plus rounding ≈ ε κ ‖g‖/h,
    /// doubled, plus ê. Returns the reason when it does not (or cannot be taken).
    static func crossCheck(_ d: DerivativeSide, _ estimate: RiddersEstimate) -> String? {
        let h = Foundation.cbrt(Double.ulpOfOne) * d.scale
        guard case .success(let near) = d.centralDifference(h), case .success(let far) = d.centralDifference(2 * h)
        else { return "the cross-check central difference at h = \(format(h)) cannot be evaluated" }
        let truncation = (near.value - far.value).frobeniusNorm / 3
        let size = Swift.max(near.plus.frobeniusNorm, near.minus.frobeniusNorm)
        let rounding = Double.ulpOfOne * Swift.max(d.condition, 1) * size / h
        let bound = 2 * (truncation + rounding) + estimate.errorEstimate
        let disagreement = (near.value - estimate.value).frobeniusNorm
        guard disagreement > bound else { return nil }
        return "the cross-check central difference at h = \(format(h)) disagrees with the reference by "
            + "\(format(disagreement)), beyond its bound \(format(bound))"
    }
}
