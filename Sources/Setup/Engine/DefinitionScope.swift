import Foundation
import Numerics

/// The scope of a notebook's definitions: the base point (no parent), or a perturbed view
/// of a parent scope in which some names are overridden and the names in `affected` are
/// recomputed; every other name is taken from the parent without recomputation.
///
/// Memoisation is per scope and guarded by a lock, so scopes may be used from several
/// threads.
public final class DefinitionScope: Scope, @unchecked Sendable {
    public let definitions: NotebookDefinitions
    let context: EvaluationContext
    let parent: DefinitionScope?
    let overrides: [String: Runtime]
    /// The names computed here rather than taken from the parent (all, for the base).
    let affected: Set<String>

    private let lock = NSRecursiveLock()
    private var values: [String: Result<Runtime, EvaluationError>] = [:]
    private var members: [MemberKey: Result<Value, EvaluationError>] = [:]
    private var ranges: [String: Result<[ClosedRange<Int>], EvaluationError>] = [:]
    private var codeRuns: [Int: Result<CodeRun, EvaluationError>] = [:]
    /// The definitions this scope has evaluated itself (not taken from its parent), in order.
    private(set) var computed: [String] = []

    struct MemberKey: Hashable {
        let name: String
        let indices: [Int]
    }

    /// The base scope of `definitions`, evaluated with `options`; code cells run on
    /// `executor` (none: code is not allowed, and what code cells define is not run).
    public convenience init(
        definitions: NotebookDefinitions, options: EvaluationOptions = EvaluationOptions(),
        executor: CodeExecutor? = nil
    ) {
        self.init(
            definitions: definitions, context: EvaluationContext(options: options, executor: executor), parent: nil,
            overrides: [:], affected: [])
    }

    init(
        definitions: NotebookDefinitions, context: EvaluationContext, parent: DefinitionScope?,
        overrides: [String: Runtime], affected: Set<String>
    ) {
        self.definitions = definitions
        self.context = context
        self.parent = parent
        self.overrides = overrides
        self.affected = affected
    }

    /// The options the scope evaluates with.
    public var options: EvaluationOptions { context.options }

    /// The data files read so far by this scope and every scope sharing its notebook.
    public var dataFiles: [DataFile] { context.dataFiles }

    /// `body` under the scope's lock (which is recursive).
    func withLock<T>(_ body: () throws(EvaluationError) -> T) throws(EvaluationError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The remembered run of code cell `index` in this scope; call under the lock.
    func codeRunResult(_ index: Int) -> Result<CodeRun, EvaluationError>? { codeRuns[index] }

    /// Remembers the run of code cell `index`; call under the lock.
    func storeCodeRun(_ result: Result<CodeRun, EvaluationError>, _ index: Int) { codeRuns[index] = result }

    /// Whether this scope computes `name` itself rather than asking its parent.
    func computesHere(_ name: String) -> Bool { parent == nil || affected.contains(name) }

    // MARK: Values

    public func value(of name: String) throws(EvaluationError) -> Value {
        switch try runtime(of: name) {
        case .value(let value): return value
        case .function: throw EvaluationError(.invalid, "'\(name)' is a function, not a value")
        case let other: throw EvaluationError(.invalid, "'\(name)' is \(other.description), not a value")
        }
    }

    /// The runtime value of a defined value, parameter or function.
    func runtime(of name: String) throws(EvaluationError) -> Runtime {
        if let override = overrides[name] { return override }
        if let parent, !affected.contains(name) { return try parent.runtime(of: name) }
        return try memoised(name)
    }

    private func memoised(_ name: String) throws(EvaluationError) -> Runtime {
        lock.lock()
        defer { lock.unlock() }
        if let cached = values[name] { return try cached.get() }
        // Dependencies first, in document order, so that lazy evaluation never recurses
        // deeper than one definition however long the chain of definitions is.
        for dependency in pendingDependencies(of: name) {
            values[dependency] = Result { () throws(EvaluationError) in try computeLocated(dependency) }
        }
        let result = Result { () throws(EvaluationError) in try computeLocated(name) }
        values[name] = result
        return try result.get()
    }

    private func compute(_ name: String) throws(EvaluationError) -> Runtime {
        guard let definition = definitions.definitions[name] else {
            throw EvaluationError(.unknownName, "unknown name '\(name)'")
        }
        guard definition.isValid else {
            throw EvaluationError(.dependency, "'\(name)' has an error", range: definition.nameRange)
        }
        try context.checkTime()
        computed.append(name)
        if let cell = definition.codeCell {
            return .value(try codeValue(of: name, cell: cell))
        }
        switch definition.syntax.form {
        case .family:
            throw EvaluationError(
                .invalid, "'\(name)' is an indexed family, not a value", help: "name a member: \(name)[1]",
                range: definition.nameRange)
        case .function:
            return .function(Function(body: .user(name), name: name))
        case .value:
            let interpreter = Interpreter(scope: self, block: definition.block)
            let result = try interpreter.evaluate(definition.syntax.body)
            return try interpreter.checkedDefinitionValue(result, definition: definition)
        }
    }

    /// The values and parameters this scope has yet to compute before `name`, in document
    /// order: a search through the dependencies that stops at what is already known.
    private func pendingDependencies(of name: String) -> [String] {
        var stack = [name]
        var seen: Set<String> = [name]
        var pending: [String] = []
        while let current = stack.popLast() {
            for dependency in definitions.definitions[current]?.dependencies ?? []
            where seen.insert(dependency).inserted && computesHere(dependency) && overrides[dependency] == nil
                && values[dependency] == nil
            {
                stack.append(dependency)
                if definitions.isPlainValue(dependency) { pending.append(dependency) }
            }
        }
        return pending.sorted { (definitions.definitions[$0]?.order ?? 0) < (definitions.definitions[$1]?.order ?? 0) }
    }

    /// `compute`, with an error that has no position of its own placed at the definition.
    private func computeLocated(_ name: String) throws(EvaluationError) -> Runtime {
        do {
            return try compute(name)
        } catch {
            throw error.located(at: definitions.definitions[name]?.nameRange)
        }
    }

    // MARK: Families

    public func member(of family: String, indices: [Int]) throws(EvaluationError) -> Value {
        if let parent, !affected.contains(family) { return try parent.member(of: family, indices: indices) }
        let key = MemberKey(name: family, indices: indices)
        lock.lock()
        defer { lock.unlock() }
        if let cached = members[key] { return try cached.get() }
        let result = Result { () throws(EvaluationError) in try computeMember(family, indices) }
        members[key] = result
        return try result.get()
    }

    private func computeMember(_ family: String, _ indices: [Int]) throws(EvaluationError) -> Value {
        guard let definition = definitions.definitions[family], case .family(let names) = definition.syntax.form
        else {
            throw EvaluationError(.invalid, "'\(family)' is not an indexed family")
        }
        guard definition.isValid else {
            throw EvaluationError(.dependency, "'\(family)' has an error", range: definition.nameRange)
        }
        guard indices.count == names.count else {
            throw EvaluationError(
                .index, "'\(family)' takes \(names.count) ind\(names.count == 1 ? "ex" : "ices"), not \(indices.count)")
        }
        if let bad = indices.first(where: { $0 < 1 }) {
            throw EvaluationError(.index, "index \(bad) of '\(family)' is out of range: indices start at 1")
        }
        do throws(EvaluationError) {
            try context.checkTime()
        } catch {
            throw error.located(at: definition.nameRange)
        }
        if let cell = definition.codeCell { return try codeMember(of: family, index: indices[0], cell: cell) }
        var interpreter = Interpreter(scope: self, block: definition.block)
        for (name, index) in zip(names, indices) {
            interpreter.bindings[name.name] = .value(Value(scalar: Double(index)))
        }
        let result = try interpreter.evaluate(definition.syntax.body)
        return try interpreter.value(
            interpreter.checkedDefinitionValue(result, definition: definition), at: definition.syntax.body)
    }

    public func indexRanges(of family: String) throws(EvaluationError) -> [ClosedRange<Int>] {
        if let parent, !computesHere(family) { return try parent.indexRanges(of: family) }
        lock.lock()
        defer { lock.unlock() }
        if let cached = ranges[family] { return try cached.get() }
        let result = Result { () throws(EvaluationError) in try probeRanges(family) }
        ranges[family] = result
        return try result.get()
    }

    private func probeRanges(_ family: String) throws(EvaluationError) -> [ClosedRange<Int>] {
        guard case .family(let count) = definitions.kind(of: family) else {
            throw EvaluationError(.invalid, "'\(family)' is not an indexed family")
        }
        var result: [ClosedRange<Int>] = []
        for position in 0..<count {
            var last = 0
            probing: while last < options.familyProbeLimit {
                var indices = Array(repeating: 1, count: count)
                indices[position] = last + 1
                do {
                    _ = try member(of: family, indices: indices)
                    last += 1
                } catch  where error.kind == .index && last > 0 {
                    break probing
                }
            }
            result.append(1...last)
        }
        return result
    }

    // MARK: Calls

    public func call(_ function: String, arguments: [Value]) throws(EvaluationError) -> Value {
        let interpreter = Interpreter(scope: self, block: 0)
        let callee: Function
        if definitions.definitions[function] != nil {
            guard case .function(let f) = try runtime(of: function) else {
                throw EvaluationError(.invalid, "'\(function)' is a value, not a function")
            }
            callee = f
        } else if Builtins.isFunction(function) {
            callee = Function(body: .builtin(function), name: function)
        } else {
            throw EvaluationError(.unknownName, "unknown function '\(function)'")
        }
        return try interpreter.apply(callee, arguments.map { .value($0) }, labelled: [], at: nil)
            .valueOrThrow(function)
    }

    public func callBuiltin(_ name: String, arguments: [Value], labelled: [String: Value])
        throws(EvaluationError) -> Value
    {
        let interpreter = Interpreter(scope: self, block: 0)
        return try interpreter.apply(
            Function(body: .builtin(name), name: name), arguments.map { .value($0) },
            labelled: labelled.sorted { $0.key < $1.key }.map { ($0.key, .value($0.value), nil) }, at: nil
        ).valueOrThrow(name)
    }
}

extension Runtime {
    /// The value, or an error naming what it is instead.
    func valueOrThrow(_ name: String) throws(EvaluationError) -> Value {
        switch self {
        case .value(let value): return value
        default: throw EvaluationError(.invalid, "'\(name)' gives \(description), not a value")
        }
    }
}

extension NotebookDefinitions {
    /// Whether `name` is a `let` value or a `param` (not a family or a function).
    func isPlainValue(_ name: String) -> Bool {
        switch definitions[name]?.kind {
        case .value, .parameter: true
        default: false
        }
    }
}
