import Setup
import Diagnostics
import Foundation
import Numerics

/// The operators of checked equations, with shape checks that name both operands.
extension SideEvaluator {
    func unary(_ op: CheckExpression.UnaryOperator, _ x: SideValue, range: SourceRange) throws(CheckFailure) -> SideValue {
        let m = x.matrix
        func same(_ matrix: Matrix, conditioning: Double = 1) -> SideValue {
            SideValue(
                matrix, axes: x.axes, conditioning: max(x.conditioning, conditioning),
                magnitude: max(x.magnitude, matrix.frobeniusNorm))
        }
        switch op {
        case .negate:
            var negated = same(-1 * m)
            negated.isIdentity = x.isIdentity
            return negated
        case .exp: return same(m.map(Foundation.exp))
        case .log:
            guard m.elements.allSatisfy({ $0 > 0 }) else {
                throw CheckFailure("the logarithm of a value that is not positive", range)
            }
            return same(m.map(Foundation.log))
        case .sqrt:
            guard m.elements.allSatisfy({ $0 >= 0 }) else {
                throw CheckFailure("the square root of a negative value", range)
            }
            return same(m.map(Foundation.sqrt))
        default: break
        }
        guard x.axes.isEmpty else {
            throw CheckFailure("'\(op.rawValue)' needs a whole value, not entries over \(x.axes.joined(separator: ", "))", range)
        }
        switch op {
        case .transpose:
            return same(m.transposed)
        case .inverse:
            if let scalar = m.scalarValue { return same(Matrix(scalar: 1 / scalar)) }
            try square(x, "^{-1}", range)
            let (inverse, condition) = try linearAlgebra(range) { () throws(EvaluationError) in try Factorizations.inverse(m) }
            return same(inverse, conditioning: condition)
        case .trace:
            try square(x, "tr", range)
            return same(Matrix(scalar: m.trace))
        case .diag:
            if m.columns == 1 { return same(m.diagonalMatrix) }
            try square(x, "diag", range)
            return same(m.diagonal)
        case .determinant:
            if let scalar = m.scalarValue { return same(Matrix(scalar: scalar)) }
            try square(x, "det", range)
            let (determinant, condition) = try linearAlgebra(range) { () throws(EvaluationError) in
                try Factorizations.determinant(m)
            }
            return same(Matrix(scalar: determinant), conditioning: condition)
        case .logDeterminant:
            try square(x, "log det", range)
            let cholesky = try linearAlgebra(range) { () throws(EvaluationError) in try Factorizations.cholesky(m) }
            return same(Matrix(scalar: cholesky.logDeterminant), conditioning: cholesky.conditionNumber)
        case .negate, .exp, .log, .sqrt:
            return x
        }
    }

    func binary(
        _ op: CheckExpression.BinaryOperator, _ a: SideValue, _ b: SideValue, range: SourceRange,
        left: CheckExpression, right: CheckExpression
    ) throws(CheckFailure) -> SideValue {
        if !a.axes.isEmpty || !b.axes.isEmpty {
            return try entrywise(op, a, b, range: range)
        }
        // `c·I` takes the size of the square matrix it is added to or multiplied entry by entry with.
        if [.add, .subtract, .elementwise].contains(op), a.isIdentity != b.isIdentity {
            let (identity, other) = a.isIdentity ? (a, b.matrix) : (b, a.matrix)
            if other.isSquare, !other.isScalar {
                let sized = SideValue(identity.matrix.elements[0] * Matrix.identity(other.rows))
                return try binary(op, a.isIdentity ? sized : a, b.isIdentity ? sized : b, range: range, left: left, right: right)
            }
        }
        if a.isScalar, b.isScalar, a.isIdentity || b.isIdentity, [.product, .divide].contains(op) {
            var result = try binary(op, a.plain, b.plain, range: range, left: left, right: right)
            result.isIdentity = op == .product || a.isIdentity
            return result
        }
        let x = a.matrix
        let y = b.matrix
        let symbol = op == .product ? "·" : op.rawValue
        func mismatch(_ needs: String) -> CheckFailure {
            CheckFailure(
                "'\(symbol)' needs \(needs); got \(a.shapeDescription) and \(b.shapeDescription)", range)
        }
        switch op {
        case .add, .subtract:
            guard x.rows == y.rows, x.columns == y.columns else { throw mismatch("two values of one shape") }
            let result = op == .add ? x + y : x - y
            return a.merged(with: b, into: result, axes: [])
        case .product:
            if let s = x.scalarValue { return scaled(b, by: s, with: a) }
            if let s = y.scalarValue { return scaled(a, by: s, with: b) }
            guard x.columns == y.rows else { throw mismatch("\(x.rows)×\(x.columns) and \(x.columns)×k") }
            var result = a.merged(with: b, into: x * y, axes: [])
            result.magnitude = max(result.magnitude, x.frobeniusNorm * y.frobeniusNorm)
            return result
        case .elementwise:
            if x.isScalar || y.isScalar { return try binary(.product, a, b, range: range, left: left, right: right) }
            guard x.rows == y.rows, x.columns == y.columns else { throw mismatch("two values of one shape") }
            return a.merged(with: b, into: x.multipliedElementwise(by: y), axes: [])
        case .divide:
            guard let s = y.scalarValue else {
                throw CheckFailure(
                    "division by \(b.shapeDescription)", range,
                    help: "divide by scalars only; write a matrix inverse as ^{-1} and an elementwise quotient with \\circ")
            }
            return scaled(a, by: 1 / s, with: b)
        case .power:
            guard let exponent = y.scalarValue else { throw CheckFailure("an exponent must be a scalar", right.range) }
            if let base = x.scalarValue {
                return a.merged(with: b, into: Matrix(scalar: Foundation.pow(base, exponent)), axes: [])
            }
            guard x.isSquare else {
                throw CheckFailure(
                    "'\(left.description)' is \(a.shapeDescription), so it has no power", range,
                    help: "write xᵀx for a squared norm, or x \\circ x for squared entries")
            }
            if exponent == exponent.rounded(), abs(exponent) <= 64 {
                let (power, condition) = try linearAlgebra(range) { () throws(EvaluationError) in
                    try Factorizations.power(x, Int(exponent))
                }
                var result = a.merged(with: b, into: power, axes: [])
                result.conditioning = max(result.conditioning, condition)
                return result
            }
            let isDiagonal = (0..<x.rows).allSatisfy { i in (0..<x.columns).allSatisfy { j in i == j || x[i, j] == 0 } }
            guard isDiagonal, x.diagonal.elements.allSatisfy({ $0 >= 0 }) else {
                throw CheckFailure(
                    "a fractional power of a matrix is computed for non-negative diagonal matrices only", range)
            }
            return a.merged(with: b, into: x.map { Foundation.pow($0, exponent) }, axes: [])
        }
    }

    private func scaled(_ value: SideValue, by s: Double, with other: SideValue) -> SideValue {
        value.merged(with: other, into: s * value.matrix, axes: value.axes)
    }

    /// Operators on values with entry axes: entry by entry, broadcast over the union of axes.
    private func entrywise(
        _ op: CheckExpression.BinaryOperator, _ a: SideValue, _ b: SideValue, range: SourceRange
    ) throws(CheckFailure) -> SideValue {
        let target = axes.union(a.axes, b.axes)
        guard let x = axes.expand(a, to: target), let y = axes.expand(b, to: target) else {
            let whole = a.axes.isEmpty ? a : b
            throw CheckFailure(
                "entries over \(target.joined(separator: ", ")) cannot be combined with \(whole.shapeDescription)", range,
                help: "take entries of both sides, e.g. K_{ab}, or none")
        }
        let combine: (Double, Double) -> Double
        switch op {
        case .add: combine = (+)
        case .subtract: combine = (-)
        case .product, .elementwise: combine = (*)
        case .divide: combine = (/)
        case .power: combine = { Foundation.pow($0, $1) }
        }
        return a.merged(with: b, into: x.combined(with: y, combine), axes: target)
    }

    private func square(_ x: SideValue, _ what: String, _ range: SourceRange) throws(CheckFailure) {
        guard x.matrix.isSquare else {
            throw CheckFailure("'\(what)' needs a square matrix; got \(x.shapeDescription)", range)
        }
    }

    private func linearAlgebra<T>(_ range: SourceRange, _ body: () throws(EvaluationError) -> T) throws(CheckFailure) -> T {
        do {
            return try body()
        } catch {
            throw CheckFailure(error.message, range, help: error.help)
        }
    }
}
