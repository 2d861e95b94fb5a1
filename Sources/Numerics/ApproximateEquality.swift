/// How `isApproximatelyEqual` measures the difference of two matrices.
public enum ApproximateComparison: Sendable, Hashable {
    /// Entry by entry: every entry must be close on its own.
    case elementwise
    /// By Frobenius norm: near-zero entries of a large matrix do not dominate.
    case norm
}

/// Whether `a` and `b` agree: derive's one notion of "close", used by every test.
///
/// With `comparison == .elementwise`, for every entry
///
///     |aᵢⱼ − bᵢⱼ| ≤ max(absoluteTolerance, relativeTolerance · max(|aᵢⱼ|, |bᵢⱼ|));
///
/// with `.norm`, ‖a − b‖_F ≤ max(absoluteTolerance, relativeTolerance · max(‖a‖_F, ‖b‖_F)).
/// Matrices of different shapes are never close, NaN is close to nothing, and an infinity
/// only to the same infinity. The defaults (1e-12 relative, 1e-14 absolute) are what a
/// computation in double precision that takes a different but stable route should meet.
public func isApproximatelyEqual(
    _ a: Matrix, _ b: Matrix, relativeTolerance: Double = 1e-12, absoluteTolerance: Double = 1e-14,
    comparing comparison: ApproximateComparison = .elementwise
) -> Bool {
    guard a.rows == b.rows, a.columns == b.columns else { return false }
    func close(_ x: Double, _ y: Double, _ difference: Double) -> Bool {
        if x == y { return true }  // equal infinities, exact zeros
        guard difference.isFinite else { return false }
        return difference <= max(absoluteTolerance, relativeTolerance * max(abs(x), abs(y)))
    }
    switch comparison {
    case .elementwise:
        for (x, y) in zip(a.elements, b.elements) where !close(x, y, abs(x - y)) { return false }
        return true
    case .norm:
        guard a.isFinite, b.isFinite else { return a.elements == b.elements }
        let difference = (a - b).frobeniusNorm
        let scale = max(a.frobeniusNorm, b.frobeniusNorm)
        return difference <= max(absoluteTolerance, relativeTolerance * scale)
    }
}

/// Whether two scalars agree; the scalar case of the matrix function above (1×1 matrices).
public func isApproximatelyEqual(
    _ a: Double, _ b: Double, relativeTolerance: Double = 1e-12, absoluteTolerance: Double = 1e-14
) -> Bool {
    isApproximatelyEqual(
        Matrix(scalar: a), Matrix(scalar: b), relativeTolerance: relativeTolerance,
        absoluteTolerance: absoluteTolerance)
}
