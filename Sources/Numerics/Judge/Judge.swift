import Foundation

/// Judges equations side by side: PASS, FAIL or INCONCLUSIVE, decided in this order:
///
/// 1. Reliability first: a side that cannot be evaluated (at s or at a perturbed point), a
///    condition number above the limit, a reference whose ê is not small against its value,
///    or a cross-check central difference that disagrees beyond its own bound → INCONCLUSIVE.
/// 2. PASS when ‖a − b‖ ≤ bound(a) + bound(b) + rtol · max(‖a‖, ‖b‖).
/// 3. FAIL when the error is orders of magnitude beyond that and — when one side is an
///    analytic claim and the other a derivative — the step sweep confirms it (it plateaus, or
///    the Taylor-remainder slope is below 1.5).
/// 4. Otherwise INCONCLUSIVE.
public struct Judge: Sendable {
    /// The constants of the rules above.
    public var tolerances: JudgeTolerances

    /// A judge with the given (by default, the documented) constants.
    public init(tolerances: JudgeTolerances = JudgeTolerances()) {
        self.tolerances = tolerances
    }

    /// Judges one row, `claim` against `reference` (either may be a derivative side; when one
    /// is analytic and the other a derivative, the sweep runs the derivative's g against the
    /// analytic value; when both are derivatives, the reference's g against the claim's
    /// estimate). `parameter` is the positive value the row differentiates, e.g. λᵢ.
    public func judge(claim: Side, reference: Side, parameter: Double? = nil, index: Int? = nil) -> RowJudgement {
        var row = RowJudgement(verdict: .inconclusive, reason: "", vacuous: false, index: index, parameter: parameter)
        let a: EvaluatedSide
        let b: EvaluatedSide
        switch (EvaluatedSide.make(claim, tolerances), EvaluatedSide.make(reference, tolerances)) {
        case (.failure(let failure), _), (_, .failure(let failure)):
            row.reason = "cannot evaluate at \(format(failure.at)): \(failure.message)"
            return row
        case (.success(let x), .success(let y)):
            (a, b) = (x, y)
        }
        row.claimed = a.value
        row.reference = b.value
        row.errorEstimate = [a.estimate?.errorEstimate, b.estimate?.errorEstimate].compactMap { $0 }
            .reduce(nil) { ($0 ?? 0) + $1 }
        row.step = b.estimate?.step ?? a.estimate?.step
        guard a.value.rows == b.value.rows, a.value.columns == b.value.columns else {
            row.reason = "the sides have different shapes, \(shape(a.value)) and \(shape(b.value))"
            return row
        }
        let difference = a.value - b.value
        let gap = difference.frobeniusNorm
        let size = Swift.max(a.value.frobeniusNorm, b.value.frobeniusNorm)
        row.absoluteError = gap
        row.relativeError = size > 0 ? gap / size : 0
        if let k = difference.elements.indices.max(by: { abs(difference.elements[$0]) < abs(difference.elements[$1]) })
        {
            row.worstIndex = MatrixIndex(row: k % difference.rows, column: k / difference.rows)
            row.worstAbsoluteError = abs(difference.elements[k])
        }
        row.ratio = Self.ratio(a.value, b.value)
        row.vacuous = a.nearZero && b.nearZero
        switch (a.side, b.side) {
        case (.derivative(let d), .analytic(let v)), (.analytic(let v), .derivative(let d)):
            if let g0 = (a.atPoint ?? b.atPoint) {
                row.sweep = StepSweep(side: d, claim: v.value, gap: gap, atPoint: g0)
            }
        case (.derivative, .derivative(let d)):
            // Both sides are finite differences: the reference's differences are swept
            // against the claim's estimate, which is far more accurate than any one step.
            if let g0 = b.atPoint {
                row.sweep = StepSweep(side: d, claim: a.value, gap: gap, atPoint: g0)
            }
        default: break
        }
        // 1. Reliability.
        if let reason = a.unreliable ?? b.unreliable {
            row.reason = reason
            return row
        }
        let allowance = a.bound + b.bound + tolerances.passRelativeTolerance * size
        row.allowance = allowance
        // 2. Pass.
        if gap <= allowance {
            row.verdict = .pass
            row.reason =
                row.vacuous
                ? "both sides lie within their error bounds of zero (claim \(format(a.value.frobeniusNorm)) ± "
                    + "\(format(a.bound)), reference \(format(b.value.frobeniusNorm)) ± \(format(b.bound))), "
                    + "so the row proves nothing"
                : "agrees within the error bound: relative error \(format(row.relativeError ?? 0))"
            return row
        }
        // 3. Fail, confirmed by the sweep where there is one.
        let farOutside = gap > tolerances.failFactor * allowance
        let description =
            "differs by \(format(gap)) (relative \(format(row.relativeError ?? 0))), beyond the error bound \(format(allowance))"
        if farOutside {
            guard let sweep = row.sweep else {
                row.verdict = .fail
                row.reason = description
                return row
            }
            let slope = sweep.taylorSlope.map { " (Taylor slope \(String(format: "%.1f", $0)))" } ?? ""
            if sweep.plateaus || (sweep.taylorSlope ?? 2) < tolerances.taylorSlopeLimit {
                row.verdict = .fail
                row.reason = description + "; the step sweep confirms it" + slope
                return row
            }
            row.reason = description + ", but the step sweep does not confirm it" + slope
            return row
        }
        // 4. Inconclusive.
        row.reason = description + " by less than a factor \(format(tolerances.failFactor))"
        return row
    }

    /// Σ cᵢⱼrᵢⱼ / Σ rᵢⱼ², the least-squares fit of claim ≈ ratio · reference.
    static func ratio(_ claim: Matrix, _ reference: Matrix) -> Double? {
        var cr = 0.0
        var rr = 0.0
        for (c, r) in zip(claim.elements, reference.elements) {
            cr += c * r
            rr += r * r
        }
        return rr > 0 ? cr / rr : nil
    }
}

/// Two significant figures, the same on every platform.
func format(_ x: Double) -> String { LinearAlgebraError.format(x) }

/// "25×25".
func shape(_ m: Matrix) -> String { m.isScalar ? "a scalar" : "\(m.rows)×\(m.columns)" }
