import Foundation

/// Entrywise arithmetic, scaling and reductions. Products live in `LAPACK.swift`, the one
/// file that calls BLAS.
extension Matrix {
    /// The entrywise sum of two matrices of one shape.
    public static func + (a: Matrix, b: Matrix) -> Matrix {
        a.combined(with: b, +)
    }

    /// The entrywise difference of two matrices of one shape.
    public static func - (a: Matrix, b: Matrix) -> Matrix {
        a.combined(with: b, -)
    }

    /// The negated matrix.
    public static prefix func - (a: Matrix) -> Matrix { a.map { -$0 } }

    /// Every entry scaled by `s`.
    public static func * (s: Double, a: Matrix) -> Matrix { a.map { s * $0 } }

    /// Every entry scaled by `s`.
    public static func * (a: Matrix, s: Double) -> Matrix { a.map { $0 * s } }

    /// Every entry divided by `s`.
    public static func / (a: Matrix, s: Double) -> Matrix { a.map { $0 / s } }

    /// `s` added to every entry.
    public static func + (a: Matrix, s: Double) -> Matrix { a.map { $0 + s } }

    /// `s` subtracted from every entry.
    public static func - (a: Matrix, s: Double) -> Matrix { a.map { $0 - s } }

    /// Adds `b` (same shape) in place.
    public static func += (a: inout Matrix, b: Matrix) { a = a + b }

    /// Subtracts `b` (same shape) in place.
    public static func -= (a: inout Matrix, b: Matrix) { a = a - b }

    /// The matrix with `transform` applied to every entry.
    @inlinable public func map(_ transform: (Double) throws -> Double) rethrows -> Matrix {
        Matrix(rows: rows, columns: columns, elements: try elements.map(transform))
    }

    /// Entry by entry `combine(a[i, j], b[i, j])` for two matrices of one shape.
    ///
    /// - Precondition: equal shapes; callers that take shapes from user input check first.
    @inlinable public func combined(
        with other: Matrix, _ combine: (Double, Double) throws -> Double
    ) rethrows -> Matrix {
        precondition(
            rows == other.rows && columns == other.columns,
            "shapes \(rows)×\(columns) and \(other.rows)×\(other.columns) differ")
        var result = elements
        for k in result.indices { result[k] = try combine(result[k], other.elements[k]) }
        return Matrix(rows: rows, columns: columns, elements: result)
    }

    /// The Hadamard (entrywise) product A ∘ B, MATLAB's `A .* B`.
    public func multipliedElementwise(by other: Matrix) -> Matrix { combined(with: other, *) }

    /// The entrywise quotient, MATLAB's `A ./ B`.
    public func dividedElementwise(by other: Matrix) -> Matrix { combined(with: other, /) }

    /// Every entry raised to `exponent`, MATLAB's `A .^ p`.
    public func raisedElementwise(to exponent: Double) -> Matrix {
        if exponent == 2 { return map { $0 * $0 } }
        return map { Foundation.pow($0, exponent) }
    }

    /// The sum of the diagonal, Σᵢ Aᵢᵢ (of the leading square block).
    public var trace: Double {
        var sum = 0.0
        for i in 0..<Swift.min(rows, columns) { sum += elements[i + i * rows] }
        return sum
    }

    /// The diagonal as a column vector (of the leading square block).
    public var diagonal: Matrix {
        Matrix(column: (0..<Swift.min(rows, columns)).map { elements[$0 + $0 * rows] })
    }

    /// The square matrix with `self` (a vector) on its diagonal.
    public var diagonalMatrix: Matrix {
        let n = elements.count
        var result = Matrix.zeros(n, n)
        for i in 0..<n { result.elements[i + i * n] = elements[i] }
        return result
    }

    /// The sum of all entries.
    public var sum: Double { elements.reduce(0, +) }

    /// The Frobenius norm ‖A‖_F = √(Σᵢⱼ Aᵢⱼ²), scaled to avoid overflow and underflow.
    public var frobeniusNorm: Double {
        let scale = maxAbs
        guard scale > 0, scale.isFinite else { return scale }
        var sum = 0.0
        for x in elements {
            let y = x / scale
            sum += y * y
        }
        return scale * sum.squareRoot()
    }

    /// The largest absolute entry, maxᵢⱼ |Aᵢⱼ| (0 for an empty matrix; NaN if any entry is).
    public var maxAbs: Double {
        var result = 0.0
        for x in elements {
            if x.isNaN { return .nan }
            result = Swift.max(result, abs(x))
        }
        return result
    }

    /// Whether every entry is finite (neither infinite nor NaN).
    public var isFinite: Bool { elements.allSatisfy(\.isFinite) }

    /// (A + Aᵀ)/2 for a square matrix: removes the rounding asymmetry of a computed product.
    public var symmetrized: Matrix {
        precondition(isSquare, "symmetrizing a \(rows)×\(columns) matrix")
        var result = self
        for j in 0..<columns {
            for i in (j + 1)..<Swift.max(rows, j + 1) {
                let mean = 0.5 * (elements[i + j * rows] + elements[j + i * rows])
                result.elements[i + j * rows] = mean
                result.elements[j + i * rows] = mean
            }
        }
        return result
    }
}
