/// Where a differentiation variable may lie. Finite differences never step outside it: a
/// positive quantity is never stepped across zero.
public enum Domain: Sendable, Hashable, Codable {
    /// The whole real line.
    case real
    /// (0, ∞): length-scales, variances, noise levels.
    case positive
    /// The open interval (lower, upper).
    case interval(lower: Double, upper: Double)

    /// Whether `x` lies strictly inside the domain.
    public func contains(_ x: Double) -> Bool {
        switch self {
        case .real: x.isFinite
        case .positive: x > 0 && x.isFinite
        case .interval(let lower, let upper): x > lower && x < upper
        }
    }

    /// The distance from `s` to the nearest boundary (∞ on the real line).
    public func room(at s: Double) -> Double {
        switch self {
        case .real: .infinity
        case .positive: s
        case .interval(let lower, let upper): Swift.min(s - lower, upper - s)
        }
    }
}

/// One side of an equation whose value is computed directly, with a bound on its rounding.
public struct AnalyticSide: Sendable, Hashable, Codable {
    /// The value (1×1, n×1 or n×m).
    public var value: Matrix
    /// A bound on ‖computed − exact‖_F.
    public var errorBound: Double
    /// The largest condition number of the factorizations the value used (1 if none).
    public var condition: Double

    /// A value with an explicit error bound.
    public init(value: Matrix, errorBound: Double, condition: Double = 1) {
        self.value = value
        self.errorBound = errorBound
        self.condition = condition
    }

    /// A value whose rounding is bounded by c·ε·κ·‖magnitude‖ with c = 16: ε per operation on
    /// terms of size `magnitude` (the size of what was summed, ‖value‖ when nothing cancels),
    /// amplified by the condition number κ of the factorizations used.
    public init(value: Matrix, magnitude: Double? = nil, condition: Double = 1) {
        let size = magnitude ?? value.frobeniusNorm
        self.init(
            value: value, errorBound: 16 * Double.ulpOfOne * Swift.max(condition, 1) * size, condition: condition)
    }
}

/// One side of an equation that is the derivative g′(s) of a function of one variable,
/// estimated by finite differences.
///
/// `function(h)` evaluates g at s + h (h = 0 is the point itself); it throws when g cannot be
/// evaluated there (a failed Cholesky). When the derivative sits in a linear context,
/// tr(A ∂K/∂s), the caller moves the context inside, g(h) = tr(A K(s + h)), so every side is
/// one finite difference with one error estimate.
public struct DerivativeSide {
    /// s, the point of differentiation.
    public var point: Double
    /// Where s may go.
    public var domain: Domain
    /// The largest condition number of the factorizations g uses at s (1 if none).
    public var condition: Double
    /// g(s + h) as a function of the offset h.
    public var function: (Double) throws -> Matrix

    /// The derivative at `point` of `function`, a function of the offset from it.
    public init(
        point: Double, domain: Domain = .real, condition: Double = 1, function: @escaping (Double) throws -> Matrix
    ) {
        self.point = point
        self.domain = domain
        self.condition = condition
        self.function = function
    }

    /// The scale on which g can vary near s: max(|s|, 1), capped by the distance to the
    /// domain's boundary. First steps and the cross-check step are relative to it.
    var scale: Double { Swift.min(Swift.max(abs(point), 1), domain.room(at: point)) }
}

/// Either kind of side.
public enum Side {
    /// A value computed directly.
    case analytic(AnalyticSide)
    /// A derivative estimated by finite differences.
    case derivative(DerivativeSide)
}
