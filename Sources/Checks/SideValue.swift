import Numerics
import Setup

/// The value of a side (or part of one) at one row of a check.
///
/// Entry indices (`K_{ab}`, `X_{ai}` with a only in entries) make an elementwise equation:
/// such a value carries the indices it runs over as axes — none (a plain value), one (a
/// column over that index) or two (rows over the first, columns over the second) — always
/// in the order the equation first uses them. Values with axes combine entry by entry,
/// broadcasting over the axes one of them lacks, so (X_{ai} − X_{bi})² is the n×n matrix of
/// squared differences.
struct SideValue {
    var matrix: Matrix
    /// Entry indices the value runs over, in the equation's order.
    var axes: [String] = []
    /// The largest condition number of the factorizations used to compute it.
    var conditioning: Double = 1
    /// The size of the largest term computed on the way (for the rounding bound).
    var magnitude: Double
    /// `I` not yet sized: a scalar 1 that becomes the identity when it meets a square matrix.
    var isIdentity = false

    init(_ matrix: Matrix, axes: [String] = [], conditioning: Double = 1, magnitude: Double? = nil) {
        self.matrix = matrix
        self.axes = axes
        self.conditioning = conditioning
        self.magnitude = magnitude ?? matrix.frobeniusNorm
    }

    init(scalar: Double) {
        self.init(Matrix(scalar: scalar))
    }

    var isScalar: Bool { axes.isEmpty && matrix.isScalar }

    /// The matrix and its conditioning, as `Arithmetic` takes them.
    var value: Value { Value(matrix, conditioning: conditioning) }

    /// The value without the identity mark.
    var plain: SideValue {
        var copy = self
        copy.isIdentity = false
        return copy
    }

    /// "a scalar", "a 25-vector", "a 25×25 matrix", "entries over a, b".
    var shapeDescription: String {
        if !axes.isEmpty { return "entries over \(axes.joined(separator: ", "))" }
        if matrix.isScalar { return "a scalar" }
        if matrix.columns == 1 { return "a \(matrix.rows)-vector" }
        return "a \(matrix.rows)×\(matrix.columns) matrix"
    }

    /// Combines the bookkeeping of two operands into a result.
    func merged(with other: SideValue, into matrix: Matrix, axes: [String]) -> SideValue {
        let norm = matrix.frobeniusNorm
        return SideValue(
            matrix, axes: axes, conditioning: max(conditioning, other.conditioning),
            magnitude: max(magnitude, other.magnitude, norm))
    }
}

/// Broadcasting of values with entry axes.
struct EntryAxes {
    /// Every entry index of the equation, in order of first use.
    let order: [String]
    /// Each entry index's length.
    let lengths: [String: Int]

    /// The axes of a combination: the union, in the equation's order.
    func union(_ a: [String], _ b: [String]) -> [String] {
        order.filter { a.contains($0) || b.contains($0) }
    }

    /// `value` spread over `axes` (a superset of its own), entry by entry.
    func expand(_ value: SideValue, to axes: [String]) -> Matrix? {
        if value.axes == axes { return value.matrix }
        guard value.axes.allSatisfy(axes.contains) else { return nil }
        if value.axes.isEmpty && !value.matrix.isScalar { return nil }
        let rows = axes.first.flatMap { lengths[$0] } ?? 1
        let columns = axes.count > 1 ? lengths[axes[1]] ?? 1 : 1
        return Matrix(rows: rows, columns: columns) { i, j in
            switch value.axes.count {
            case 0: value.matrix.elements[0]
            case 1: value.matrix.elements[value.axes[0] == axes[0] ? i : j]
            default: value.matrix[i, j]
            }
        }
    }
}
