import Numerics

/// Why an operation on values could not be carried out, as structured facts: the setup
/// language and checked equations each say it in their own notation (`EvaluationError`,
/// and the check's diagnostic), from one description of what went wrong.
public enum ArithmeticError: Error, Sendable, Hashable {
    /// `+`, `−` or an elementwise operator on two shapes that do not match (and, under the
    /// policy, do not broadcast).
    case shapesDiffer(Arithmetic.Operator, Shape, Shape)
    /// The identity added to (or subtracted from) a matrix that is not square.
    case identityMeetsNonSquare(Shape)
    /// A matrix product whose inner dimensions differ.
    case innerDimensions(Shape, Shape)
    /// `/` by something that is not a scalar (or, under MATLAB's rules, a square matrix
    /// with as many rows as the dividend has columns).
    case divisor(Shape, Shape)
    /// `A \ b` with A not square, or b with another number of rows.
    case leftDivision(Shape, Shape)
    /// `^` with an exponent that is not a scalar.
    case exponentNotScalar(Shape)
    /// `^` on a matrix that is not square.
    case powerOfNonSquare(Shape)
    /// `^` on a matrix with an exponent that is neither an integer nor allowed (a
    /// fractional power of a matrix that is not diagonal and non-negative).
    case matrixPower(exponent: Double)
    /// A function that needs a square matrix (`tr`, `det`, `logdet`, an inverse).
    case notSquare(function: String, Shape)
    /// `log` of a value that is not positive, `sqrt` of a negative one.
    case domain(function: String)
    /// A result larger than the limit on entries.
    case tooLarge(rows: Int, columns: Int)
    /// A factorization or solve that failed.
    case linearAlgebra(LinearAlgebraError)

    /// A value's shape, as the errors describe it.
    public struct Shape: Sendable, Hashable, CustomStringConvertible {
        public var rows: Int
        public var columns: Int

        /// The shape of `matrix`.
        public init(_ matrix: Matrix) {
            rows = matrix.rows
            columns = matrix.columns
        }

        public var isScalar: Bool { rows == 1 && columns == 1 }
        public var isSquare: Bool { rows == columns }

        /// `25×3`.
        public var description: String { "\(rows)×\(columns)" }

        /// "a scalar", "a 3-vector", "a 25×25 matrix".
        public var inWords: String {
            if isScalar { return "a scalar" }
            if columns == 1 { return "a \(rows)-vector" }
            return "a \(rows)×\(columns) matrix"
        }
    }
}
