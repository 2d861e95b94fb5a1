import Foundation
import Numerics

/// MATLAB's operators, through `Arithmetic` under the setup language's `ShapePolicy`: a
/// scalar on either side scales or broadcasts, and no other implicit expansion — shapes must
/// match, or the error says what was needed. `I` takes the size of what it meets.
extension Interpreter {
    func negate(_ operand: Runtime, at expression: SetupExpression) throws(EvaluationError) -> Runtime {
        switch operand {
        case .value(let value): return .value(Arithmetic.negate(value))
        case .identity(let scale): return .identity(scale: Arithmetic.negate(scale))
        case let other: throw error(.invalid, "cannot negate \(other.description)", at: expression)
        }
    }

    /// The arithmetic operator a setup operator means.
    static func operation(_ op: BinaryOperator) -> Arithmetic.Operator {
        switch op {
        case .add: .add
        case .subtract: .subtract
        case .multiply, .juxtapose: .product
        case .divide: .divide
        case .solve: .leftDivide
        case .elementMultiply: .elementwiseProduct
        case .elementDivide: .elementwiseDivide
        case .power: .power
        case .elementPower: .elementwisePower
        }
    }

    func binary(
        _ op: BinaryOperator, _ left: Runtime, _ right: Runtime, at expression: SetupExpression,
        lhs: SetupExpression, rhs: SetupExpression
    ) throws(EvaluationError) -> Runtime {
        let operation = Self.operation(op)
        func arithmetic<T>(_ body: () throws(ArithmeticError) -> T) throws(EvaluationError) -> T {
            do {
                return try body()
            } catch {
                throw self.error(error, at: expression)
            }
        }
        let policy = ShapePolicy.setupLanguage
        switch (left, right) {
        case (.identity(let a), .identity(let b))
        where [.add, .subtract, .product, .elementwiseProduct].contains(operation):
            let combined = operation == .elementwiseProduct ? .product : operation
            return .identity(
                scale: try arithmetic { () throws(ArithmeticError) in
                    try Arithmetic.apply(combined, a, b, policy: policy)
                })
        case (.identity(let scale), .value(let v))
        where v.isScalar && [.product, .elementwiseProduct, .divide, .elementwiseDivide].contains(operation):
            let scaling: Arithmetic.Operator = [.product, .elementwiseProduct].contains(operation) ? .product : .divide
            return .identity(
                scale: try arithmetic { () throws(ArithmeticError) in
                    try Arithmetic.apply(scaling, scale, v, policy: policy)
                })
        case (.value(let v), .identity(let scale))
        where v.isScalar && [.product, .elementwiseProduct].contains(operation):
            return .identity(
                scale: try arithmetic { () throws(ArithmeticError) in
                    try Arithmetic.apply(.product, v, scale, policy: policy)
                })
        case (.identity(let scale), .value(let v)), (.value(let v), .identity(let scale)):
            let identityFirst = if case .identity = left { true } else { false }
            let sized = try arithmetic { () throws(ArithmeticError) -> Value? in
                try Arithmetic.identity(scaledBy: scale, meeting: v, under: operation, identityFirst: identityFirst)
            }
            if let sized { return .value(sized) }
        default:
            break
        }
        let a = try value(left, at: lhs)
        let b = try value(right, at: rhs)
        let maximum = context.options.maxElements
        return .value(
            try arithmetic { () throws(ArithmeticError) in
                try Arithmetic.apply(operation, a, b, policy: policy, maxElements: maximum)
            })
    }

    /// An arithmetic failure said in the setup language's words, at `expression`.
    func error(_ failure: ArithmeticError, at expression: SetupExpression) -> EvaluationError {
        EvaluationError(failure, maxElements: context.options.maxElements).located(at: fileRange(expression.range))
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
