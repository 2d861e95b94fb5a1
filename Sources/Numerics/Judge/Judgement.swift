/// The outcome of a check row.
public enum Verdict: String, Sendable, Hashable, Codable, Comparable {
    /// The sides agree within their error bounds.
    case pass
    /// The sides disagree far beyond their bounds, and the step sweep confirms it.
    case fail
    /// Neither: the reference is unreliable, or the disagreement is not confirmed.
    case inconclusive

    private var rank: Int {
        switch self {
        case .pass: 0
        case .inconclusive: 1
        case .fail: 2
        }
    }

    /// pass < inconclusive < fail: a check is as bad as its worst row.
    public static func < (a: Verdict, b: Verdict) -> Bool { a.rank < b.rank }
}

/// A 0-based matrix position.
public struct MatrixIndex: Sendable, Hashable, Codable {
    /// The row, 0-based.
    public var row: Int
    /// The column, 0-based.
    public var column: Int

    /// A position.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// Everything the judge found about one row: claim against reference.
public struct RowJudgement: Sendable, Hashable, Codable {
    /// Pass, fail or inconclusive.
    public var verdict: Verdict
    /// Why, in words ("agrees within the error bound: relative error 3.1e-12").
    public var reason: String
    /// Both sides are ≈ 0 (each within its own error bound of zero): the row proves nothing.
    public var vacuous: Bool
    /// The free index value of the row (e.g. i of λᵢ), if it has one.
    public var index: Int?
    /// The value of the positive parameter the row differentiates (e.g. λᵢ), for the hints.
    public var parameter: Double?
    /// The claimed value (nil when it could not be evaluated).
    public var claimed: Matrix?
    /// The reference value (nil when it could not be evaluated).
    public var reference: Matrix?
    /// ‖claimed − reference‖_F.
    public var absoluteError: Double?
    /// ‖claimed − reference‖_F / max(‖claimed‖_F, ‖reference‖_F) (0 when both are 0).
    public var relativeError: Double?
    /// Where |claimedᵢⱼ − referenceᵢⱼ| is largest.
    public var worstIndex: MatrixIndex?
    /// |claimedᵢⱼ − referenceᵢⱼ| there.
    public var worstAbsoluteError: Double?
    /// claim/reference fitted by least squares over the entries, Σ cᵢⱼrᵢⱼ / Σ rᵢⱼ² (entries
    /// where both are 0, such as the diagonal of ∂K, drop out); nil when the reference is 0.
    public var ratio: Double?
    /// The bound the error was judged against: the sides' bounds plus the relative tolerance.
    public var allowance: Double?
    /// ê of the finite-difference side(s), summed when both sides are derivatives.
    public var errorEstimate: Double?
    /// The step of the finite difference that gave the reference.
    public var step: Double?
    /// The step sweep of the derivative side against the analytic side, when there is one of each.
    public var sweep: StepSweep?

    /// The Taylor-remainder slope of the sweep (≈ 2 for a right derivative).
    public var taylorSlope: Double? { sweep?.taylorSlope }
}

/// The constants of the judge: starting points, documented, tuned on right and wrong
/// derivations.
public struct JudgeTolerances: Sendable, Hashable, Codable {
    /// ê must stay below this fraction of ‖reference‖ (plus the floor) for the reference to count.
    public var reliableRelativeError = 1e-6
    /// The floor of that test, as a fraction of ‖g(s)‖ / scale(s): a derivative that small is
    /// below what differences of g can resolve.
    public var reliableFloor = 1e-8
    /// The resolution of a derivative side, as a fraction of ‖g(s)‖ / scale(s): its bound is
    /// at least this, and a side is ≈ 0 when its norm is within its bound.
    public var zeroFloor = 1e-10
    /// The relative tolerance added to the sides' bounds: PASS when
    /// ‖a − b‖ ≤ bound(a) + bound(b) + passRelativeTolerance · max(‖a‖, ‖b‖).
    public var passRelativeTolerance = 1e-8
    /// FAIL needs the error to exceed the allowance by this factor (orders of magnitude).
    public var failFactor = 100.0
    /// Factorizations with a condition number above this make a row inconclusive.
    public var conditionLimit = 1e12
    /// A Taylor-remainder slope below this confirms a wrong claim (a right one gives 2).
    public var taylorSlopeLimit = 1.5
    /// Relative agreement of ratios across rows needed for a hint.
    public var hintTolerance = 1e-3

    /// The default constants.
    public init() {}
}
