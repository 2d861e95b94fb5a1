import Foundation

/// Why a factorization or solve could not be done, as a value the caller can turn into a
/// diagnostic: a lower-case `message` and, where a fix is known, a `help`.
public enum LinearAlgebraError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Cholesky's pivot `pivot` (1-based) of an `order`×`order` matrix was `value` ≤ 0 (or
    /// NaN); `largestDiagonal` is maxᵢ |Aᵢᵢ|, the scale that tells rounding from indefiniteness.
    case notPositiveDefinite(pivot: Int, order: Int, value: Double, largestDiagonal: Double)
    /// LU found an exact zero pivot `pivot` (1-based) of an `order`×`order` matrix.
    case singular(pivot: Int, order: Int)
    /// A square matrix was needed.
    case notSquare(rows: Int, columns: Int)
    /// The matrix has an infinite or NaN entry.
    case nonFinite
    /// An iterative LAPACK routine (the SVD) did not converge.
    case didNotConverge

    /// What went wrong, e.g. "matrix is not positive definite: pivot 7 of 25 is -3.1e-12".
    public var message: String {
        switch self {
        case .notPositiveDefinite(let pivot, let order, let value, _):
            "matrix is not positive definite: pivot \(pivot) of \(order) is \(Self.format(value))"
        case .singular(let pivot, let order):
            "matrix is singular: pivot \(pivot) of \(order) is exactly 0"
        case .notSquare(let rows, let columns):
            "matrix is \(rows)×\(columns), not square"
        case .nonFinite:
            "matrix has an infinite or NaN entry"
        case .didNotConverge:
            "singular value decomposition did not converge"
        }
    }

    /// How to fix it, when derive knows: jitter for a pivot lost to rounding.
    public var help: String? {
        switch self {
        case .notPositiveDefinite(_, _, let value, let largestDiagonal):
            // A pivot within about 1e-6 of the diagonal's scale is rounding of a positive
            // semi-definite matrix; a larger negative one means the matrix is indefinite.
            guard value.isFinite, abs(value) <= 1e-6 * largestDiagonal else {
                return "the matrix is indefinite, not merely ill-conditioned; check its definition"
            }
            let jitter = Self.suggestedJitter(value: value, largestDiagonal: largestDiagonal)
            return "add jitter: K + \(Self.format(jitter)) * I"
        case .singular:
            return "use a pseudo-inverse or regularize the matrix"
        case .notSquare, .nonFinite, .didNotConverge:
            return nil
        }
    }

    /// The message (and help) on one line.
    public var description: String {
        help.map { "\(message) (help: \($0))" } ?? message
    }

    /// The smallest power of ten that is at least 10·|value| and at least 1e-10 of the diagonal
    /// scale: enough to lift a pivot lost to rounding, little enough to leave K essentially as is.
    static func suggestedJitter(value: Double, largestDiagonal: Double) -> Double {
        let needed = Swift.max(10 * abs(value), 1e-10 * largestDiagonal, Double.leastNormalMagnitude)
        return Foundation.pow(10, (log10(needed)).rounded(.up))
    }

    /// Two significant figures, as in "-3.1e-12" (reports must be stable across platforms).
    static func format(_ value: Double) -> String {
        if value == 0 { return "0" }
        if !value.isFinite { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        return String(format: "%.2g", value)
    }
}
