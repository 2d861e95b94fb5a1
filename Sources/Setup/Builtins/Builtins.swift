import Diagnostics
import Numerics

/// The builtin functions and constants of the setup language, by name. Each builtin
/// declares how many positional arguments it takes and which labels; the table is
/// assembled from the files beside this one (elementwise, linear algebra, kernels, data,
/// iteration). docs/setup-language.md lists them all.
public enum Builtins {
    /// One builtin function.
    struct Builtin: Sendable {
        /// How many positional arguments it takes.
        let arity: ClosedRange<Int>
        /// The labels it accepts.
        let labels: [String]
        /// Computes the result.
        let body: @Sendable (BuiltinCall) throws(EvaluationError) -> Runtime

        init(
            arity: ClosedRange<Int>, labels: [String] = [],
            _ body: @escaping @Sendable (BuiltinCall) throws(EvaluationError) -> Runtime
        ) {
            self.arity = arity
            self.labels = labels
            self.body = body
        }
    }

    /// Every builtin function.
    static let table: [String: Builtin] =
        elementwise
        .merging(linearAlgebra) { a, _ in a }
        .merging(kernels) { a, _ in a }
        .merging(data) { a, _ in a }
        .merging(iteration) { a, _ in a }

    /// The builtin functions' names, sorted.
    public static let functionNames: [String] = table.keys.sorted() + kernelConsumers.sorted()

    /// `π` and `I`.
    static let constantNames = ["π", "I"]

    /// Builtins whose first argument is a kernel expression rather than a value.
    static let kernelConsumers: Set<String> = ["kernelGradient", "lmlGradient", "kernelTheta"]

    /// Whether `name` is a builtin function or constant.
    static func isKnown(_ name: String) -> Bool { isFunction(name) || constantNames.contains(name) }

    /// Whether `name` is a builtin function.
    public static func isFunction(_ name: String) -> Bool { table[name] != nil || kernelConsumers.contains(name) }

    /// Whether the builtin reads its first argument as a kernel expression.
    static func takesKernelExpression(_ name: String) -> Bool { kernelConsumers.contains(name) }

    /// The value of a builtin constant: `π`, or `I`, the identity sized by what it meets.
    static func constant(_ name: String) -> Runtime? {
        switch name {
        case "π": .value(Value(scalar: Double.pi))
        case "I": .identity(scale: Value(scalar: 1))
        default: nil
        }
    }

    /// Calls builtin `call.name` after checking its arguments' count and labels.
    static func call(_ call: inout BuiltinCall) throws(EvaluationError) -> Runtime {
        if takesKernelExpression(call.name) {
            throw call.fail(
                .invalid, "'\(call.name)' needs a kernel expression as written in the setup code",
                help: "write it in a gp block, e.g. \(call.name)(rbf(X, lengthScale: λ), …)")
        }
        guard let builtin = table[call.name] else {
            throw call.fail(.unknownName, "unknown function '\(call.name)'")
        }
        guard builtin.arity.contains(call.arguments.count) else {
            let expected =
                builtin.arity.lowerBound == builtin.arity.upperBound
                ? "\(builtin.arity.lowerBound)" : "\(builtin.arity.lowerBound) to \(builtin.arity.upperBound)"
            throw call.fail(
                .invalid,
                "'\(call.name)' takes \(expected) argument\(builtin.arity.upperBound == 1 ? "" : "s"), got \(call.arguments.count)"
            )
        }
        for (label, _, range) in call.labelled where !builtin.labels.contains(label) {
            let suggestion = Suggestions.nearest(to: label, among: builtin.labels)
            let known =
                builtin.labels.isEmpty
                ? "it takes no labelled arguments"
                : "its labels are \(builtin.labels.map { "'\($0)'" }.joined(separator: ", "))"
            throw EvaluationError(
                .invalid, "'\(call.name)' has no argument labelled '\(label)'",
                help: suggestion.map { "did you mean '\($0)'?" } ?? known,
                range: range ?? call.range)
        }
        return try builtin.body(call)
    }
}

/// The arguments of one builtin call, with helpers that check and convert them and place
/// errors at the argument that is wrong.
struct BuiltinCall {
    let name: String
    var arguments: [Runtime]
    let argumentRanges: [SourceRange?]
    var labelled: [(String, Runtime, SourceRange?)]
    /// The call in the notebook (nil when called from outside the setup code).
    let range: SourceRange?
    let interpreter: Interpreter

    var context: EvaluationContext { interpreter.context }

    /// An error at argument `argument` (0-based), at labelled argument `label`, or at the call.
    func fail(
        _ kind: EvaluationError.Kind, _ message: String, help: String? = nil, argument: Int? = nil, label: String? = nil
    ) -> EvaluationError {
        var at = range
        if let argument, argumentRanges.indices.contains(argument), let r = argumentRanges[argument] { at = r }
        if let label, let r = labelled.first(where: { $0.0 == label })?.2 { at = r }
        return EvaluationError(kind, message, help: help, range: at)
    }

    /// Throws the size limit's error, at the call, when an n×m result would pass it.
    func checkSize(rows: Int, columns: Int) throws(EvaluationError) {
        do throws(EvaluationError) {
            try context.checkSize(rows: rows, columns: columns)
        } catch {
            throw locate(error)
        }
    }

    /// An error from a helper, placed at the call when it has no position.
    func locate(_ error: EvaluationError) -> EvaluationError { error.located(at: range) }

    /// The value `body` computes with `Arithmetic`, its failure said in the setup language's
    /// words: a shape at argument `argument`, anything else at the call.
    func arithmetic(argument: Int? = 0, _ body: () throws(ArithmeticError) -> Value) throws(EvaluationError) -> Runtime
    {
        do {
            return .value(try body())
        } catch {
            let described = EvaluationError(error, maxElements: context.options.maxElements)
            let at: Int? = if case .notSquare = error { argument } else { nil }
            var failure = fail(described.kind, described.message, help: described.help, argument: at)
            failure.limit = described.limit
            throw failure
        }
    }

    /// Positional argument `i` as a value.
    func value(_ i: Int) throws(EvaluationError) -> Value {
        switch arguments[i] {
        case .value(let value): return value
        case .identity:
            throw fail(
                .shape, "the size of 'I' cannot be inferred here", help: "write eye(n) for the n×n identity",
                argument: i)
        case let other:
            throw fail(
                .invalid, "'\(name)' expects a value as argument \(i + 1), got \(other.description)", argument: i)
        }
    }

    /// Positional argument `i` as a scalar.
    func scalar(_ i: Int, _ what: String = "a scalar") throws(EvaluationError) -> Double {
        let v = try value(i)
        guard let s = v.scalar else {
            throw fail(.shape, "argument \(i + 1) of '\(name)' must be \(what); got \(v.shapeDescription)", argument: i)
        }
        return s
    }

    /// Positional argument `i` as a positive integer (a size).
    func size(_ i: Int) throws(EvaluationError) -> Int {
        let s = try scalar(i, "a positive integer")
        guard s.isFinite, s == s.rounded(), s >= 1, s < 1e15 else {
            throw fail(.invalid, "argument \(i + 1) of '\(name)' must be a positive integer; got \(s)", argument: i)
        }
        return Int(s)
    }

    /// The labelled argument `label`, if given, as a value.
    func labelledValue(_ label: String) throws(EvaluationError) -> Value? {
        guard let entry = labelled.first(where: { $0.0 == label }) else { return nil }
        guard case .value(let value) = entry.1 else {
            throw fail(.invalid, "'\(label):' of '\(name)' must be a value, got \(entry.1.description)", label: label)
        }
        return value
    }

    /// The labelled argument `label` as a scalar, or `default`.
    func labelledScalar(_ label: String, default fallback: Double?) throws(EvaluationError) -> Double {
        guard let value = try labelledValue(label) else {
            guard let fallback else {
                throw fail(.invalid, "'\(name)' needs '\(label):'", help: "write \(name)(…, \(label): …)")
            }
            return fallback
        }
        guard let s = value.scalar else {
            throw fail(.shape, "'\(label):' of '\(name)' must be a scalar; got \(value.shapeDescription)", label: label)
        }
        return s
    }

    /// The largest conditioning among the arguments.
    var conditioning: Double {
        (arguments + labelled.map(\.1)).reduce(1.0) { result, argument in
            if case .value(let v) = argument { return max(result, v.conditioning) }
            return result
        }
    }

    /// A result computed from the arguments, with their conditioning (and `extra`).
    func result(_ matrix: Matrix, conditioning extra: Double = 1) -> Runtime {
        .value(Value(matrix, conditioning: max(conditioning, extra)))
    }

    /// Applies a function value to arguments (for builtins that take functions).
    func apply(_ function: Function, _ arguments: [Runtime]) throws(EvaluationError) -> Runtime {
        try interpreter.apply(function, arguments, labelled: [], at: range)
    }
}
