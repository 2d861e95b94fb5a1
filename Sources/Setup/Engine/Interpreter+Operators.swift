import Foundation
import Numerics

/// MATLAB's operators on values: `+ - * / \ .* ./ ^ .^`, with a scalar on either side
/// scaling or broadcasting, and no other implicit expansion — shapes must match, or the
/// error says what was needed.
extension Interpreter {
    func negate(_ operand: Runtime, at expression: SetupExpression) throws(EvaluationError) -> Runtime {
        switch operand {
        case .value(let value): return .value(value.with(-value.matrix))
        case .identity(let scale): return .identity(scale: scale.with(-scale.matrix))
        case let other: throw error(.invalid, "cannot negate \(other.description)", at: expression)
        }
    }

    func binary(
        _ op: BinaryOperator, _ left: Runtime, _ right: Runtime, at expression: SetupExpression,
        lhs: SetupExpression, rhs: SetupExpression
    ) throws(EvaluationError) -> Runtime {
        switch (left, right) {
        case (.identity(let a), .identity(let b)):
            switch op {
            case .add: return .identity(scale: a.with(a.matrix + b.matrix, conditioning: b.conditioning))
            case .subtract: return .identity(scale: a.with(a.matrix - b.matrix, conditioning: b.conditioning))
            case .multiply, .elementMultiply, .juxtapose:
                return .identity(scale: a.with(a.matrix * b.matrix, conditioning: b.conditioning))
            default: break
            }
        case (.identity(let scale), .value(let v)) where v.isScalar:
            switch op {
            case .multiply, .juxtapose, .elementMultiply:
                return .identity(scale: scale.with(scale.matrix * v.matrix, conditioning: v.conditioning))
            case .divide, .elementDivide:
                return .identity(scale: scale.with(scale.matrix / v.matrix.elements[0], conditioning: v.conditioning))
            default: break
            }
        case (.value(let v), .identity(let scale))
        where v.isScalar && [.multiply, .juxtapose, .elementMultiply].contains(op):
            return .identity(scale: scale.with(v.matrix * scale.matrix, conditioning: v.conditioning))
        case (.identity(let scale), .value(let v)):
            if let sized = try sizedIdentity(op, scale: scale, other: v, identityOnLeft: true, at: expression) {
                return .value(sized)
            }
        case (.value(let v), .identity(let scale)):
            if let sized = try sizedIdentity(op, scale: scale, other: v, identityOnLeft: false, at: expression) {
                return .value(sized)
            }
        default:
            break
        }
        let a = try value(left, at: lhs)
        let b = try value(right, at: rhs)
        return .value(try arithmetic(op, a, b, at: expression))
    }

    /// `A + c*I`, `c*I * A` and friends: the identity takes the size the other side needs.
    private func sizedIdentity(
        _ op: BinaryOperator, scale: Value, other v: Value, identityOnLeft: Bool, at expression: SetupExpression
    ) throws(EvaluationError) -> Value? {
        let s = scale.matrix.elements[0]
        let m = v.matrix
        switch op {
        case .add, .subtract:
            guard m.isSquare else {
                throw error(
                    .shape, "'I' is added to a \(v.shape) matrix, which is not square", at: expression,
                    help: "'I' takes the size of a square matrix it is added to")
            }
            var result = op == .subtract && identityOnLeft ? -m : m
            let sign = op == .subtract && !identityOnLeft ? -1.0 : 1.0
            for i in 0..<m.rows { result[i, i] += sign * s }
            return v.with(result, conditioning: scale.conditioning)
        case .multiply, .juxtapose:
            return v.with(s * m, conditioning: scale.conditioning)
        case .solve where identityOnLeft:
            return v.with(m / s, conditioning: scale.conditioning)
        case .elementMultiply:
            guard m.isSquare else { return nil }
            var result = Matrix.zeros(m.rows, m.columns)
            for i in 0..<m.rows { result[i, i] = s * m[i, i] }
            return v.with(result, conditioning: scale.conditioning)
        default:
            return nil
        }
    }

    /// The operator on two values.
    func arithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value, at expression: SetupExpression)
        throws(EvaluationError) -> Value
    {
        let x = a.matrix
        let y = b.matrix
        let kappa = conditioning(a, b)
        let symbol = op == .juxtapose ? "*" : op.rawValue
        func sameShape(_ combine: (Double, Double) -> Double) throws(EvaluationError) -> Value {
            if x.isScalar { return Value(y.map { combine(x.elements[0], $0) }, conditioning: kappa) }
            if y.isScalar { return Value(x.map { combine($0, y.elements[0]) }, conditioning: kappa) }
            guard x.rows == y.rows, x.columns == y.columns else {
                let transposed = x.rows == y.columns && x.columns == y.rows
                throw error(
                    .shape, "'\(symbol)' needs operands of one shape; got \(a.shape) and \(b.shape)", at: expression,
                    help: transposed ? "the shapes are each other's transpose; ' transposes" : nil)
            }
            return Value(x.combined(with: y, combine), conditioning: kappa)
        }
        switch op {
        case .add: return try sameShape(+)
        case .subtract: return try sameShape(-)
        case .elementMultiply: return try sameShape(*)
        case .elementDivide: return try sameShape(/)
        case .elementPower: return try sameShape { Foundation.pow($0, $1) }
        case .multiply, .juxtapose:
            if x.isScalar || y.isScalar { return try sameShape(*) }
            guard x.columns == y.rows else {
                let elementwise = x.rows == y.rows && x.columns == y.columns
                throw error(
                    .shape, "'*' needs \(a.shape) and \(x.columns)×k; got \(a.shape) and \(b.shape)", at: expression,
                    help: elementwise ? "for the elementwise product write '.*'" : nil)
            }
            try located(context.checkSize(rows: x.rows, columns: y.columns), at: expression)
            return Value(x * y, conditioning: kappa)
        case .divide:
            if y.isScalar { return try sameShape(/) }
            guard y.isSquare, x.columns == y.rows else {
                throw error(
                    .shape,
                    "'/' divides by a scalar or by a square matrix with \(x.columns) rows; got \(a.shape) / \(b.shape)",
                    at: expression, help: "for the elementwise quotient write './'")
            }
            // A / B = (Bᵀ \ Aᵀ)ᵀ.
            let (solution, condition) = try located(Factorizations.solve(y.transposed, x.transposed), at: expression)
            return Value(solution.transposed, conditioning: max(kappa, condition))
        case .solve:
            if x.isScalar { return Value(y / x.elements[0], conditioning: kappa) }
            guard x.isSquare, y.rows == x.rows else {
                throw error(
                    .shape,
                    "'\\' needs a square matrix and a right-hand side with as many rows; got \(a.shape) \\ \(b.shape)",
                    at: expression)
            }
            let (solution, condition) = try located(Factorizations.solve(x, y), at: expression)
            return Value(solution, conditioning: max(kappa, condition))
        case .power:
            if x.isScalar && y.isScalar { return try sameShape { Foundation.pow($0, $1) } }
            guard y.isScalar else {
                throw error(
                    .shape, "'^' needs a scalar exponent; got \(b.shape)", at: expression,
                    help: "for the elementwise power write '.^'")
            }
            guard x.isSquare else {
                throw error(
                    .shape, "'^' of a matrix needs a square matrix; got \(a.shape)", at: expression,
                    help: "for the elementwise power write '.^'")
            }
            let p = y.elements[0]
            guard p == p.rounded(), abs(p) <= 1e6 else {
                throw error(
                    .invalid, "'^' of a matrix needs an integer exponent; got \(p)", at: expression,
                    help: "for the elementwise power write '.^'")
            }
            let (result, condition) = try located(Factorizations.power(x, Int(p)), at: expression)
            return Value(result, conditioning: max(kappa, condition))
        }
    }

    /// An error from a helper without a position, placed at `expression`.
    func located<T>(_ body: @autoclosure () throws(EvaluationError) -> T, at expression: SetupExpression)
        throws(EvaluationError) -> T
    {
        do {
            return try body()
        } catch {
            throw error.located(at: fileRange(expression.range))
        }
    }

    /// `a:b` and `a:step:b`, both ends included, as a column vector.
    func range(start: SetupExpression, step: SetupExpression?, stop: SetupExpression, at expression: SetupExpression)
        throws(EvaluationError) -> Runtime
    {
        func scalar(_ e: SetupExpression) throws(EvaluationError) -> (Double, Double) {
            let v = try value(evaluate(e), at: e)
            guard let s = v.scalar, s.isFinite else {
                throw error(.shape, "a range's ends and step are finite scalars; got \(v.shapeDescription)", at: e)
            }
            return (s, v.conditioning)
        }
        let (first, c1) = try scalar(start)
        let (last, c2) = try scalar(stop)
        var increment = 1.0
        var c3 = 1.0
        if let step { (increment, c3) = try scalar(step) }
        guard increment != 0 else { throw error(.invalid, "a range's step cannot be 0", at: expression) }
        let span = (last - first) / increment
        guard span >= 0 else {
            throw error(
                .invalid, "the range is empty", at: expression,
                help: increment > 0 ? "a range counts up from its start to its end" : "the step counts down")
        }
        let count = Int(min((span + 1e-10).rounded(.down), 1e15)) + 1
        try located(context.checkSize(rows: count, columns: 1), at: expression)
        let elements = (0..<count).map { first + Double($0) * increment }
        return .value(Value(Matrix(column: elements), conditioning: max(c1, c2, c3)))
    }
}
