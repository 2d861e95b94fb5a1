import Foundation
import Numerics

/// What the operators and the matrix functions mean, for gp blocks and checked equations
/// alike: one implementation on `Value`s, the differences between the two notations in a
/// `ShapePolicy`, failures as `ArithmeticError`s that each notation puts in its own words.
///
/// Every operation on values goes through here, and each computes its result and the
/// conditioning it carries; a derivative rule for forward-mode differentiation belongs next
/// to the operation it differentiates.
public enum Arithmetic {
    /// The binary operators, by their MATLAB spelling.
    public enum Operator: String, Sendable, Hashable {
        /// `+`, entry by entry.
        case add = "+"
        /// `-`, entry by entry.
        case subtract = "-"
        /// `*`: the matrix product, scaling when one side is a scalar.
        case product = "*"
        /// `.*`: the entrywise product (scaling when one side is a scalar).
        case elementwiseProduct = ".*"
        /// `/`: by a scalar, or (MATLAB) by a square matrix from the right.
        case divide = "/"
        /// `./`: the entrywise quotient.
        case elementwiseDivide = "./"
        /// `\`: A⁻¹b, by Cholesky or LU.
        case leftDivide = "\\"
        /// `^`: a power of a scalar, or of a square matrix.
        case power = "^"
        /// `.^`: the entrywise power.
        case elementwisePower = ".^"
    }

    /// `a op b` under `policy`. A result with more than `maxElements` entries is refused
    /// before it is computed.
    public static func apply(
        _ op: Operator, _ a: Value, _ b: Value, policy: ShapePolicy, maxElements: Int = .max
    ) throws(ArithmeticError) -> Value {
        let x = a.matrix
        let y = b.matrix
        let kappa = conditioning(a, b)
        /// Entry by entry, a scalar spread over the other side where the policy allows.
        func entrywise(_ combine: (Double, Double) -> Double) throws(ArithmeticError) -> Value {
            if x.rows == y.rows, x.columns == y.columns {
                return Value(x.combined(with: y, combine), conditioning: kappa)
            }
            if policy.broadcastsScalars, let s = x.scalarValue {
                return Value(y.map { combine(s, $0) }, conditioning: kappa)
            }
            if policy.broadcastsScalars, let s = y.scalarValue {
                return Value(x.map { combine($0, s) }, conditioning: kappa)
            }
            throw .shapesDiffer(op, .init(x), .init(y))
        }
        /// Every entry of one side times the other side's scalar.
        func scaled() -> Value? {
            if let s = x.scalarValue { return Value(y.map { s * $0 }, conditioning: kappa) }
            if let s = y.scalarValue { return Value(x.map { $0 * s }, conditioning: kappa) }
            return nil
        }
        switch op {
        case .add: return try entrywise(+)
        case .subtract: return try entrywise(-)
        case .elementwiseProduct:
            if let scaled = scaled() { return scaled }
            return try entrywise(*)
        case .elementwiseDivide: return try entrywise(/)
        case .elementwisePower: return try entrywise { Foundation.pow($0, $1) }
        case .product:
            if let scaled = scaled() { return scaled }
            guard x.columns == y.rows else { throw .innerDimensions(.init(x), .init(y)) }
            try checkSize(x.rows, y.columns, maxElements)
            return Value(x * y, conditioning: kappa)
        case .divide:
            if let s = y.scalarValue { return Value(x.map { $0 / s }, conditioning: kappa) }
            guard policy.dividesByMatrices, y.isSquare, x.columns == y.rows else {
                throw .divisor(.init(x), .init(y))
            }
            // A / B = (Bᵀ \ Aᵀ)ᵀ.
            let (solution, condition) = try factorized { () throws(LinearAlgebraError) in
                try Factorizations.solve(y.transposed, x.transposed)
            }
            return Value(solution.transposed, conditioning: max(kappa, condition))
        case .leftDivide:
            if let s = x.scalarValue { return Value(y / s, conditioning: kappa) }
            guard x.isSquare, y.rows == x.rows else { throw .leftDivision(.init(x), .init(y)) }
            let (solution, condition) = try factorized { () throws(LinearAlgebraError) in try Factorizations.solve(x, y)
            }
            return Value(solution, conditioning: max(kappa, condition))
        case .power:
            guard let p = y.scalarValue else { throw .exponentNotScalar(.init(y)) }
            if let base = x.scalarValue { return Value(Matrix(scalar: Foundation.pow(base, p)), conditioning: kappa) }
            guard x.isSquare else { throw .powerOfNonSquare(.init(x)) }
            if p == p.rounded(), abs(p) <= 1e6 {
                let (power, condition) = try factorized { () throws(LinearAlgebraError) in
                    try Factorizations.power(x, Int(p))
                }
                return Value(power, conditioning: max(kappa, condition))
            }
            // A fractional power is taken of a non-negative diagonal matrix only, entry by entry.
            let isDiagonal = (0..<x.rows).allSatisfy { i in (0..<x.columns).allSatisfy { j in i == j || x[i, j] == 0 } }
            guard isDiagonal, x.diagonal.elements.allSatisfy({ $0 >= 0 }) else { throw .matrixPower(exponent: p) }
            return Value(x.map { Foundation.pow($0, p) }, conditioning: kappa)
        }
    }

    /// `c I` meeting `other` under `op`, the identity taking the size `other` needs: added to
    /// or subtracted from a square matrix, multiplying anything, dividing from the left, or
    /// entry by entry with a square matrix. nil when `op` gives the identity no size.
    public static func identity(
        scaledBy scale: Value, meeting other: Value, under op: Operator, identityFirst: Bool
    ) throws(ArithmeticError) -> Value? {
        let s = scale.matrix.elements[0]
        let m = other.matrix
        let kappa = conditioning(scale, other)
        switch op {
        case .add, .subtract:
            guard m.isSquare else { throw .identityMeetsNonSquare(.init(m)) }
            var result = op == .subtract && identityFirst ? -m : m
            let sign = op == .subtract && !identityFirst ? -1.0 : 1.0
            for i in 0..<m.rows { result[i, i] += sign * s }
            return Value(result, conditioning: kappa)
        case .product:
            return Value(s * m, conditioning: kappa)
        case .leftDivide where identityFirst:
            return Value(m / s, conditioning: kappa)
        case .elementwiseProduct:
            guard m.isSquare else { return nil }
            var result = Matrix.zeros(m.rows, m.columns)
            for i in 0..<m.rows { result[i, i] = s * m[i, i] }
            return Value(result, conditioning: kappa)
        default:
            return nil
        }
    }

    // MARK: - Functions of one value

    /// −a.
    public static func negate(_ a: Value) -> Value { a.with(-a.matrix) }

    /// aᵀ.
    public static func transpose(_ a: Value) -> Value { a.with(a.matrix.transposed) }

    /// a⁻¹: the reciprocal of a scalar, the inverse of a square matrix (Cholesky when it is
    /// symmetric positive definite, else LU).
    public static func inverse(_ a: Value) throws(ArithmeticError) -> Value {
        if let s = a.scalar { return a.with(Matrix(scalar: 1 / s)) }
        try requireSquare(a, "inv")
        let (inverse, condition) = try factorized { () throws(LinearAlgebraError) in
            try Factorizations.inverse(a.matrix)
        }
        return a.with(inverse, conditioning: condition)
    }

    /// tr A of a square A.
    public static func trace(_ a: Value) throws(ArithmeticError) -> Value {
        try requireSquare(a, "tr")
        return a.with(Matrix(scalar: a.matrix.trace))
    }

    /// diag(v): the square matrix with the vector v (a column or a row) on its diagonal;
    /// diag(A): the diagonal of a matrix, as MATLAB reads it.
    public static func diag(_ a: Value, maxElements: Int = .max) throws(ArithmeticError) -> Value {
        let m = a.matrix
        if m.columns == 1 || m.rows == 1 {
            try checkSize(m.count, m.count, maxElements)
            return a.with(m.diagonalMatrix)
        }
        return a.with(m.diagonal)
    }

    /// det A of a square A (a scalar is its own determinant), through LU.
    public static func determinant(_ a: Value) throws(ArithmeticError) -> Value {
        if a.isScalar { return a }
        try requireSquare(a, "det")
        let (d, condition) = try factorized { () throws(LinearAlgebraError) in try Factorizations.determinant(a.matrix)
        }
        return a.with(Matrix(scalar: d), conditioning: condition)
    }

    /// log det A = 2 Σᵢ log Lᵢᵢ from the Cholesky factor of a symmetric positive-definite A:
    /// stable where det under- or overflows.
    public static func logDeterminant(_ a: Value) throws(ArithmeticError) -> Value {
        try requireSquare(a, "logdet")
        let cholesky = try factorized { () throws(LinearAlgebraError) in try Factorizations.cholesky(a.matrix) }
        return a.with(Matrix(scalar: cholesky.logDeterminant), conditioning: cholesky.conditionNumber)
    }

    /// The functions applied entry by entry.
    public enum Function: String, Sendable, CaseIterable {
        case exp, log, sqrt, sin, cos, abs
    }

    /// `f` of every entry; under a policy that does not allow NaN, `log` and `sqrt` outside
    /// their domain are errors.
    public static func elementwise(_ f: Function, _ a: Value, policy: ShapePolicy) throws(ArithmeticError) -> Value {
        let m = a.matrix
        switch f {
        case .exp: return a.with(m.map(Foundation.exp))
        case .log:
            guard policy.allowsNaN || m.elements.allSatisfy({ $0 > 0 }) else { throw .domain(function: "log") }
            return a.with(m.map(Foundation.log))
        case .sqrt:
            guard policy.allowsNaN || m.elements.allSatisfy({ $0 >= 0 }) else { throw .domain(function: "sqrt") }
            return a.with(m.map { $0.squareRoot() })
        case .sin: return a.with(m.map(Foundation.sin))
        case .cos: return a.with(m.map(Foundation.cos))
        case .abs: return a.with(m.map(Swift.abs))
        }
    }

    // MARK: - Plumbing

    private static func requireSquare(_ a: Value, _ function: String) throws(ArithmeticError) {
        guard a.matrix.isSquare else { throw .notSquare(function: function, .init(a.matrix)) }
    }

    private static func checkSize(_ rows: Int, _ columns: Int, _ maxElements: Int) throws(ArithmeticError) {
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard overflow || count > maxElements else { return }
        throw .tooLarge(rows: rows, columns: columns)
    }

    /// A factorization's result, its failure as an `ArithmeticError`.
    private static func factorized<T>(_ body: () throws(LinearAlgebraError) -> T) throws(ArithmeticError) -> T {
        do {
            return try body()
        } catch {
            throw .linearAlgebra(error)
        }
    }
}
