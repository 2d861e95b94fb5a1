import Diagnostics
import Foundation
import Numerics
import Setup

/// The operators of checked equations: `Arithmetic` under the checked-equation policy (no
/// implicit broadcast, division by scalars only, no NaN), with shape errors that name both
/// operands in the words of TeX. `I` takes the size of the square matrix it meets.
extension SideEvaluator {
    func unary(_ op: CheckExpression.UnaryOperator, _ x: SideValue, range: SourceRange) throws(CheckFailure)
        -> SideValue
    {
        func same(_ value: Value) -> SideValue {
            SideValue(
                value.matrix, axes: x.axes, conditioning: max(x.conditioning, value.conditioning),
                magnitude: max(x.magnitude, value.matrix.frobeniusNorm))
        }
        func compute(_ body: () throws(ArithmeticError) -> Value) throws(CheckFailure) -> SideValue {
            do {
                return same(try body())
            } catch {
                throw CheckFailure(error, at: range, operator: op.rawValue)
            }
        }
        let value = x.value
        switch op {
        case .negate:
            var negated = same(Arithmetic.negate(value))
            negated.isIdentity = x.isIdentity
            return negated
        case .exp, .log, .sqrt:
            let function: Arithmetic.Function = op == .exp ? .exp : op == .log ? .log : .sqrt
            return try compute { () throws(ArithmeticError) in
                try Arithmetic.elementwise(function, value, policy: .checkedEquation)
            }
        default: break
        }
        guard x.axes.isEmpty else {
            throw CheckFailure(
                "'\(op.rawValue)' needs a whole value, not entries over \(x.axes.joined(separator: ", "))", range)
        }
        switch op {
        case .transpose: return same(Arithmetic.transpose(value))
        case .inverse: return try compute { () throws(ArithmeticError) in try Arithmetic.inverse(value) }
        case .trace: return try compute { () throws(ArithmeticError) in try Arithmetic.trace(value) }
        case .diag: return try compute { () throws(ArithmeticError) in try Arithmetic.diag(value) }
        case .determinant: return try compute { () throws(ArithmeticError) in try Arithmetic.determinant(value) }
        case .logDeterminant: return try compute { () throws(ArithmeticError) in try Arithmetic.logDeterminant(value) }
        case .negate, .exp, .log, .sqrt: return x
        }
    }

    func binary(
        _ op: CheckExpression.BinaryOperator, _ a: SideValue, _ b: SideValue, range: SourceRange,
        left: CheckExpression, right: CheckExpression
    ) throws(CheckFailure) -> SideValue {
        if !a.axes.isEmpty || !b.axes.isEmpty {
            return try entrywise(op, a, b, range: range)
        }
        func compute(_ body: () throws(ArithmeticError) -> Value?) throws(CheckFailure) -> Value? {
            do {
                return try body()
            } catch {
                throw CheckFailure(error, at: range, operator: op.symbol, left: (left, a), right: (right, b))
            }
        }
        // `c·I` takes the size of the square matrix it is added to or multiplied entry by entry with.
        if [.add, .subtract, .elementwise].contains(op), a.isIdentity != b.isIdentity {
            let (identity, other) = a.isIdentity ? (a, b) : (b, a)
            if other.matrix.isSquare, !other.matrix.isScalar,
                let sized = try compute({ () throws(ArithmeticError) in
                    try Arithmetic.identity(
                        scaledBy: identity.value, meeting: other.value, under: op.arithmetic,
                        identityFirst: a.isIdentity)
                })
            {
                let identityNorm = abs(identity.matrix.elements[0]) * Double(other.matrix.rows).squareRoot()
                return SideValue(
                    sized.matrix, conditioning: sized.conditioning,
                    magnitude: max(other.magnitude, identityNorm, sized.matrix.frobeniusNorm))
            }
        }
        if a.isScalar, b.isScalar, a.isIdentity || b.isIdentity, [.product, .divide].contains(op) {
            var result = try binary(op, a.plain, b.plain, range: range, left: left, right: right)
            result.isIdentity = op == .product || a.isIdentity
            return result
        }
        guard
            let result = try compute({ () throws(ArithmeticError) in
                try Arithmetic.apply(op.arithmetic, a.value, b.value, policy: .checkedEquation)
            })
        else { return a }
        var merged = a.merged(with: b, into: result.matrix, axes: [])
        merged.conditioning = max(merged.conditioning, result.conditioning)
        if op == .product, !a.matrix.isScalar, !b.matrix.isScalar {
            merged.magnitude = max(merged.magnitude, a.matrix.frobeniusNorm * b.matrix.frobeniusNorm)
        }
        return merged
    }

    /// Operators on values with entry axes: entry by entry, broadcast over the union of axes.
    private func entrywise(
        _ op: CheckExpression.BinaryOperator, _ a: SideValue, _ b: SideValue, range: SourceRange
    ) throws(CheckFailure) -> SideValue {
        let target = axes.union(a.axes, b.axes)
        guard let x = axes.expand(a, to: target), let y = axes.expand(b, to: target) else {
            let whole = a.axes.isEmpty ? a : b
            throw CheckFailure(
                "entries over \(target.joined(separator: ", ")) cannot be combined with \(whole.shapeDescription)",
                range,
                help: "take entries of both sides, e.g. K_{ab}, or none")
        }
        let operation: Arithmetic.Operator =
            switch op {
            case .add: .add
            case .subtract: .subtract
            case .product, .elementwise: .elementwiseProduct
            case .divide: .elementwiseDivide
            case .power: .elementwisePower
            }
        do {
            let result = try Arithmetic.apply(operation, Value(x), Value(y), policy: .checkedEquation)
            return a.merged(with: b, into: result.matrix, axes: target)
        } catch {
            throw CheckFailure(error, at: range, operator: op.symbol)
        }
    }
}

extension CheckExpression.BinaryOperator {
    /// The operator as messages show it.
    var symbol: String { self == .product ? "·" : rawValue }

    /// The arithmetic operator it means.
    var arithmetic: Arithmetic.Operator {
        switch self {
        case .add: .add
        case .subtract: .subtract
        case .product: .product
        case .elementwise: .elementwiseProduct
        case .divide: .divide
        case .power: .power
        }
    }
}

extension CheckFailure {
    /// An arithmetic failure said in the words of a checked equation, at `range`: the
    /// operator as written, the operands by their shapes in words.
    init(
        _ failure: ArithmeticError, at range: SourceRange, operator symbol: String,
        left: (CheckExpression, SideValue)? = nil, right: (CheckExpression, SideValue)? = nil
    ) {
        switch failure {
        case .shapesDiffer(_, let a, let b), .innerDimensions(let a, let b):
            let needs: String
            if case .innerDimensions = failure {
                needs = "\(a) and \(a.columns)×k"
            } else {
                needs = "two values of one shape"
            }
            var help: String?
            if case .shapesDiffer(let op, _, _) = failure, op == .add || op == .subtract, a.isScalar != b.isScalar,
                let (scalar, _) = a.isScalar ? left : right
            {
                help =
                    "a checked equation does not add a scalar to every entry of a matrix; for the scalar times the identity, write \(scalar.description) I"
            }
            self.init("'\(symbol)' needs \(needs); got \(a.inWords) and \(b.inWords)", range, help: help)
        case .divisor(_, let b):
            self.init(
                "division by \(b.inWords)", range,
                help: "divide by scalars only; write a matrix inverse as ^{-1} and an elementwise quotient with \\circ")
        case .exponentNotScalar:
            self.init("an exponent must be a scalar", right?.0.range ?? range)
        case .powerOfNonSquare(let a):
            let base = left.map { "'\($0.0.description)'" } ?? "the base"
            self.init(
                "\(base) is \(a.inWords), so it has no power", range,
                help: "write xᵀx for a squared norm, or x \\circ x for squared entries")
        case .matrixPower:
            self.init("a fractional power of a matrix is computed for non-negative diagonal matrices only", range)
        case .notSquare(_, let a):
            self.init("'\(symbol)' needs a square matrix; got \(a.inWords)", range)
        case .domain(let function):
            self.init(
                function == "log"
                    ? "the logarithm of a value that is not positive" : "the square root of a negative value",
                range)
        case .linearAlgebra(let error):
            self.init(error.message, range, help: error.help)
        case .leftDivision(let a, _), .identityMeetsNonSquare(let a):
            self.init("'\(symbol)' cannot combine \(a.inWords)", range)
        case .tooLarge(let rows, let columns):
            self.init("a \(rows)×\(columns) value is too large", range)
        }
    }
}
