import Diagnostics
import Numerics

/// Evaluates the expressions of one gp block against a scope, with MATLAB's semantics.
///
/// Local names (function parameters, family indices, parameters of anonymous functions)
/// are in `bindings`; every other name is a definition of the scope, a builtin constant
/// (`π`, `I`) or a builtin function. Errors carry the notebook range of the expression
/// that failed.
struct Interpreter {
    let scope: DefinitionScope
    /// The gp block whose text the expressions' ranges point into.
    let block: Int
    /// Local names.
    var bindings: [String: Runtime] = [:]
    /// The size of the dimension `end` stands for, inside a subscript.
    var endExtent: Int?
    /// How many function calls enclose this evaluation.
    var depth = 0

    init(scope: DefinitionScope, block: Int, depth: Int = 0) {
        self.scope = scope
        self.block = block
        self.depth = depth
    }

    var context: EvaluationContext { scope.context }

    /// The notebook range of a range in the block's text.
    func fileRange(_ range: SourceRange) -> SourceRange? {
        let blocks = scope.definitions.blocks
        guard blocks.indices.contains(block) else { return nil }
        return blocks[block].fragment.fileRange(range.lowerBound, range.upperBound)
    }

    /// An error at an expression.
    func error(
        _ kind: EvaluationError.Kind, _ message: String, at expression: SetupExpression, help: String? = nil
    ) -> EvaluationError {
        EvaluationError(kind, message, help: help, range: fileRange(expression.range))
    }

    // MARK: Expressions

    func evaluate(_ expression: SetupExpression) throws(EvaluationError) -> Runtime {
        switch expression.kind {
        case .number(_, let value):
            return .value(Value(scalar: value))
        case .string(let text):
            return .string(text)
        case .name(let name):
            return try resolve(name, at: expression)
        case .colon:
            throw error(.invalid, "':' alone selects a whole row or column only as a subscript", at: expression)
        case .end:
            guard let endExtent else {
                throw error(.invalid, "'end' stands for the last index only inside brackets", at: expression)
            }
            return .value(Value(scalar: Double(endExtent)))
        case .unary(let op, let operand):
            let value = try evaluate(operand)
            return op == .plus ? value : try negate(value, at: expression)
        case .binary(let op, let lhs, let rhs):
            return try binary(op, evaluate(lhs), evaluate(rhs), at: expression, lhs: lhs, rhs: rhs)
        case .transpose(let operand):
            switch try evaluate(operand) {
            case .value(let value): return .value(value.with(value.matrix.transposed))
            case .identity(let scale): return .identity(scale: scale)
            case let other: throw error(.invalid, "cannot transpose \(other.description)", at: expression)
            }
        case .range(let start, let step, let stop):
            return try range(start: start, step: step, stop: stop, at: expression)
        case .call(let callee, let arguments):
            return try call(callee, arguments, at: expression)
        case .index(let base, let subscripts):
            return try index(base, subscripts, at: expression)
        case .matrix(let rows):
            return try matrixLiteral(rows, at: expression)
        case .lambda(let parameters, let body):
            return .function(
                Function(
                    body: .lambda(parameters: parameters.map(\.name), body: body, block: block, captured: bindings),
                    name: "anonymous function"))
        case .invalid:
            throw EvaluationError(.dependency, "the expression has a syntax error", range: fileRange(expression.range))
        }
    }

    /// A value operand: the identity, strings and functions are refused with their position.
    func value(_ runtime: Runtime, at expression: SetupExpression, role: String = "this") throws(EvaluationError)
        -> Value
    {
        switch runtime {
        case .value(let value): return value
        case .identity:
            throw error(
                .shape, "the size of 'I' cannot be inferred here", at: expression,
                help:
                    "'I' takes its size from the matrix it is added to or multiplied with; write eye(n) for the n×n identity"
            )
        case let other:
            throw error(.invalid, "expected a value, got \(other.description)", at: expression)
        }
    }

    /// A definition's result, checked: no strings, no unsized identity, a `param` a scalar
    /// or a vector.
    func checkedDefinitionValue(_ result: Runtime, definition: NotebookDefinitions.Definition)
        throws(EvaluationError) -> Runtime
    {
        let body = definition.syntax.body
        switch result {
        case .string:
            throw error(
                .invalid, "a string is only an argument of 'csv'", at: body, help: "write csv(\"data/file.csv\")")
        case .identity:
            _ = try value(result, at: body)
        case .value(let value) where definition.kind == .parameter && !value.isVector:
            throw error(
                .shape, "a 'param' is a scalar or a vector; '\(definition.name)' is \(value.shapeDescription)",
                at: body,
                help: "derivatives are taken with respect to scalars and vector components, not matrix entries")
        case .value(let value):
            try context.checkSize(rows: value.matrix.rows, columns: value.matrix.columns)
        case .function:
            break
        }
        return result
    }

    // MARK: Names

    func resolve(_ name: String, at expression: SetupExpression) throws(EvaluationError) -> Runtime {
        if let local = bindings[name] { return local }
        if let definition = scope.definitions.definitions[name] {
            if case .family = definition.kind {
                throw error(
                    .invalid, "'\(name)' is an indexed family, not a value", at: expression,
                    help: "name a member: \(name)[1]")
            }
            do {
                return try scope.runtime(of: name)
            } catch {
                throw error.asDependency(at: fileRange(expression.range))
            }
        }
        if let constant = Builtins.constant(name) { return constant }
        if Builtins.isFunction(name) { return .function(Function(body: .builtin(name), name: name)) }
        throw error(.unknownName, "unknown name '\(name)'", at: expression)
    }

    // MARK: Calls

    func call(_ callee: SetupName, _ arguments: [SetupArgument], at expression: SetupExpression)
        throws(EvaluationError) -> Runtime
    {
        let name = callee.name
        if bindings[name] == nil, scope.definitions.definitions[name] == nil, Builtins.takesKernelExpression(name) {
            return try kernelCall(name, arguments, at: expression)
        }
        let function: Function
        if let local = bindings[name] {
            guard case .function(let f) = local else {
                throw error(.invalid, "'\(name)' is \(local.description), not a function", at: expression)
            }
            function = f
        } else if let definition = scope.definitions.definitions[name] {
            let resolved: Runtime
            switch definition.kind {
            case .function, .value:
                resolved = try resolve(name, at: SetupExpression(.name(name), range: callee.range))
            default:
                // '\(name)(…)' on a value or family is reported when the block is parsed.
                throw EvaluationError(.dependency, "'\(name)' is not a function", range: fileRange(expression.range))
            }
            guard case .function(let f) = resolved else {
                throw EvaluationError(.dependency, "'\(name)' is not a function", range: fileRange(expression.range))
            }
            function = f
        } else if Builtins.isFunction(name) {
            function = Function(body: .builtin(name), name: name)
        } else {
            throw error(.unknownName, "unknown function '\(name)'", at: expression)
        }
        var positional: [Runtime] = []
        var ranges: [SourceRange?] = []
        var labelled: [(String, Runtime, SourceRange?)] = []
        for argument in arguments {
            let value = try evaluate(argument.value)
            if let label = argument.label {
                labelled.append((label.name, value, fileRange(argument.value.range)))
            } else {
                positional.append(value)
                ranges.append(fileRange(argument.value.range))
            }
        }
        return try apply(function, positional, ranges: ranges, labelled: labelled, at: fileRange(expression.range))
    }

    /// Applies a function to evaluated arguments. `at` is the call's range in the notebook
    /// (nil for a call from outside the setup code).
    func apply(
        _ function: Function, _ arguments: [Runtime], ranges: [SourceRange?] = [],
        labelled: [(String, Runtime, SourceRange?)], at range: SourceRange?
    ) throws(EvaluationError) -> Runtime {
        try context.checkTime()
        guard depth < context.options.maxCallDepth else {
            throw EvaluationError(
                .limit, "function calls nest deeper than \(context.options.maxCallDepth) levels",
                help: "a function that is passed itself never returns; check what calls what", range: range,
                limit: .callDepth)
        }
        switch function.body {
        case .builtin(let name):
            var call = BuiltinCall(
                name: name, arguments: arguments, argumentRanges: ranges, labelled: labelled, range: range,
                interpreter: self)
            return try Builtins.call(&call)
        case .user(let name):
            guard let definition = scope.definitions.definitions[name],
                case .function(let parameters) = definition.syntax.form
            else { throw EvaluationError(.invalid, "'\(name)' is not a function", range: range) }
            guard definition.isValid else {
                throw EvaluationError(.dependency, "'\(name)' has an error", range: range)
            }
            var inner = Interpreter(scope: scope, block: definition.block, depth: depth + 1)
            try bind(parameters.map(\.name), to: arguments, labelled: labelled, in: &inner, name: name, at: range)
            return try inner.evaluate(definition.syntax.body)
        case .lambda(let parameters, let body, let block, let captured):
            var inner = Interpreter(scope: scope, block: block, depth: depth + 1)
            inner.bindings = captured
            try bind(parameters, to: arguments, labelled: labelled, in: &inner, name: function.name, at: range)
            return try inner.evaluate(body)
        }
    }

    private func bind(
        _ parameters: [String], to arguments: [Runtime], labelled: [(String, Runtime, SourceRange?)],
        in inner: inout Interpreter, name: String, at range: SourceRange?
    ) throws(EvaluationError) {
        if let label = labelled.first {
            throw EvaluationError(
                .invalid, "'\(name)' takes no labelled arguments", help: "pass '\(label.0)' without its label",
                range: label.2 ?? range)
        }
        guard parameters.count == arguments.count else {
            let expected = parameters.count == 1 ? "1 argument" : "\(parameters.count) arguments"
            throw EvaluationError(
                .invalid, "'\(name)' takes \(expected), got \(arguments.count)",
                help: "'\(name)' is defined as \(name)(\(parameters.joined(separator: ", ")))", range: range)
        }
        for (parameter, argument) in zip(parameters, arguments) { inner.bindings[parameter] = argument }
    }
}
