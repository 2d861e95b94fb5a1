import Diagnostics
import Numerics

/// Kernel expressions: the first argument of `kernelGradient`, `kernelTheta` and
/// `lmlGradient` is read as a kernel built from the kernel builtins with `+` (a sum), `*`
/// or `.*` (a product; a positive scalar factor is a constant kernel, as `2.0 * RBF()` is
/// in scikit-learn), `.^` or `^` with a scalar exponent, and names of definitions written
/// that way. So a notebook can hold the library's analytic gradient, with respect to the
/// log hyperparameters θ in scikit-learn's order, against its own derivation.
extension Interpreter {
    /// A kernel and the inputs X (n×d) it is evaluated on.
    struct KernelTerm {
        var kernel: any Kernel
        var x: Matrix
        var conditioning: Double
    }

    func kernelCall(_ name: String, _ arguments: [SetupArgument], at expression: SetupExpression)
        throws(EvaluationError) -> Runtime
    {
        let labels = name == "lmlGradient" ? ["jitter"] : []
        for argument in arguments {
            if let label = argument.label, !labels.contains(label.name) {
                throw error(.invalid, "'\(name)' has no argument labelled '\(label.name)'", at: argument.value)
            }
        }
        let positional = arguments.filter { $0.label == nil }.map(\.value)
        let expected = name == "kernelTheta" ? 1 : 2
        guard positional.count == expected else {
            throw error(
                .invalid, "'\(name)' takes \(expected) argument\(expected == 1 ? "" : "s"), got \(positional.count)",
                at: expression)
        }
        let term = try kernelTerm(positional[0])
        let theta = term.kernel.theta
        switch name {
        case "kernelTheta":
            return .value(Value(Matrix(column: theta), conditioning: term.conditioning))
        case "kernelGradient":
            let j = try value(evaluate(positional[1]), at: positional[1])
            guard let s = j.scalar, s == s.rounded(), s >= 1, s <= Double(theta.count) else {
                throw error(
                    .index,
                    "the kernel has \(theta.count) hyperparameter\(theta.count == 1 ? "" : "s"); index \(j.scalar.map { "\($0)" } ?? j.shapeDescription) is out of range",
                    at: positional[1],
                    help: "indices start at 1; θ is \(term.kernel.hyperparameterNames.joined(separator: ", "))")
            }
            return .value(Value(term.kernel.gradient(term.x, component: Int(s) - 1), conditioning: term.conditioning))
        default:
            let y = try value(evaluate(positional[1]), at: positional[1])
            guard y.matrix.rows == term.x.rows else {
                throw error(
                    .shape, "'lmlGradient' needs targets with \(term.x.rows) rows; got \(y.shape)", at: positional[1])
            }
            var jitter = 1e-10
            if let argument = arguments.first(where: { $0.label?.name == "jitter" }) {
                let v = try value(evaluate(argument.value), at: argument.value)
                guard let s = v.scalar, s >= 0 else {
                    throw error(.invalid, "'jitter:' is a scalar ≥ 0", at: argument.value)
                }
                jitter = s
            }
            do {
                let lml = try LogMarginalLikelihood(
                    kernel: term.kernel, x: term.x, y: y.matrix, jitter: jitter, estimatingCondition: true)
                return .value(
                    Value(
                        Matrix(column: lml.gradient),
                        conditioning: max(term.conditioning, y.conditioning, lml.conditionNumber ?? 1)))
            } catch {
                throw Factorizations.failure(error).located(at: fileRange(expression.range))
            }
        }
    }

    /// Reads `expression` as a kernel.
    func kernelTerm(_ expression: SetupExpression, depth: Int = 0) throws(EvaluationError) -> KernelTerm {
        guard depth < 64 else { throw error(.invalid, "the kernel expression is too deeply nested", at: expression) }
        switch expression.kind {
        case .call(let callee, let arguments)
        where Builtins.kernelLabels[callee.name] != nil && bindings[callee.name] == nil
            && scope.definitions.definitions[callee.name] == nil:
            var positional: [Runtime] = []
            var ranges: [SourceRange?] = []
            var labelled: [(String, Runtime, SourceRange?)] = []
            for argument in arguments {
                let v = try evaluate(argument.value)
                if let label = argument.label {
                    labelled.append((label.name, v, fileRange(argument.value.range)))
                } else {
                    positional.append(v)
                    ranges.append(fileRange(argument.value.range))
                }
            }
            guard positional.count == 1 else {
                throw error(
                    .invalid, "a kernel in a kernel expression takes its inputs X only (no second data argument)",
                    at: expression)
            }
            let call = BuiltinCall(
                name: callee.name, arguments: positional, argumentRanges: ranges, labelled: labelled,
                range: fileRange(expression.range), interpreter: self)
            let x = try call.value(0)
            return KernelTerm(kernel: try Builtins.makeKernel(call), x: x.matrix, conditioning: call.conditioning)
        case .binary(let op, let lhs, let rhs) where [.add, .multiply, .elementMultiply, .juxtapose].contains(op):
            let leftIsKernel = isKernelExpression(lhs)
            let rightIsKernel = isKernelExpression(rhs)
            if leftIsKernel && rightIsKernel {
                let a = try kernelTerm(lhs, depth: depth + 1)
                let b = try kernelTerm(rhs, depth: depth + 1)
                guard a.x == b.x else {
                    throw error(.shape, "the kernels of a sum or product must share their inputs X", at: expression)
                }
                let kernel: any Kernel = op == .add ? Sum(a.kernel, b.kernel) : Product(a.kernel, b.kernel)
                return KernelTerm(kernel: kernel, x: a.x, conditioning: max(a.conditioning, b.conditioning))
            }
            if op != .add, leftIsKernel != rightIsKernel {
                let (kernelSide, factorSide) = leftIsKernel ? (lhs, rhs) : (rhs, lhs)
                let term = try kernelTerm(kernelSide, depth: depth + 1)
                let factor = try value(evaluate(factorSide), at: factorSide)
                guard let c = factor.scalar, c > 0 else {
                    throw error(.invalid, "a kernel is scaled by a positive scalar (a constant kernel)", at: factorSide)
                }
                let constant = ConstantKernel(c)
                let kernel: any Kernel = leftIsKernel ? Product(term.kernel, constant) : Product(constant, term.kernel)
                return KernelTerm(kernel: kernel, x: term.x, conditioning: max(term.conditioning, factor.conditioning))
            }
        case .binary(let op, let lhs, let rhs) where (op == .power || op == .elementPower) && isKernelExpression(lhs):
            let term = try kernelTerm(lhs, depth: depth + 1)
            let exponent = try value(evaluate(rhs), at: rhs)
            guard let p = exponent.scalar else { throw error(.shape, "a kernel's exponent is a scalar", at: rhs) }
            return KernelTerm(
                kernel: Exponentiation(term.kernel, exponent: p), x: term.x, conditioning: term.conditioning)
        case .unary(.plus, let operand):
            return try kernelTerm(operand, depth: depth + 1)
        case .name(let name) where bindings[name] == nil:
            if let definition = scope.definitions.definitions[name], definition.kind == .value,
                isKernelExpression(definition.syntax.body)
            {
                guard definition.isValid else {
                    throw EvaluationError(.dependency, "'\(name)' has an error", range: fileRange(expression.range))
                }
                return try Interpreter(scope: scope, block: definition.block, depth: depth + 1)
                    .kernelTerm(definition.syntax.body, depth: depth + 1)
            }
        default:
            break
        }
        throw error(
            .invalid, "expected a kernel expression", at: expression,
            help:
                "write builtin kernels combined with '+', '*' and '.^', e.g. 2 * rbf(X, lengthScale: λ) + white(X, noiseLevel: 0.1)"
        )
    }

    /// Whether an expression reads as a kernel (without evaluating it).
    func isKernelExpression(_ expression: SetupExpression, depth: Int = 0) -> Bool {
        guard depth < 64 else { return false }
        switch expression.kind {
        case .call(let callee, _):
            return Builtins.kernelLabels[callee.name] != nil && bindings[callee.name] == nil
                && scope.definitions.definitions[callee.name] == nil
        case .binary(let op, let lhs, let rhs):
            switch op {
            case .add, .multiply, .elementMultiply, .juxtapose:
                return isKernelExpression(lhs, depth: depth + 1) || isKernelExpression(rhs, depth: depth + 1)
            case .power, .elementPower: return isKernelExpression(lhs, depth: depth + 1)
            default: return false
            }
        case .unary(.plus, let operand):
            return isKernelExpression(operand, depth: depth + 1)
        case .name(let name):
            guard bindings[name] == nil, let definition = scope.definitions.definitions[name], definition.kind == .value
            else { return false }
            return isKernelExpression(definition.syntax.body, depth: depth + 1)
        default:
            return false
        }
    }
}
