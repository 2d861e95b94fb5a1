import Diagnostics
import Numerics

/// A notebook's setup code evaluated at its base point: the definitions, the base scope
/// (for checks to evaluate against and perturb), what each gp block defined, every
/// diagnostic, and the data files read.
public struct NotebookEvaluation: Sendable {
    /// The definitions of every gp block.
    public let definitions: NotebookDefinitions
    /// The base scope, with every definition evaluated and memoised.
    public let scope: DefinitionScope
    /// What each gp block defined, in document order (one entry per block).
    public let blocks: [BlockResults]
    /// Syntax and name errors, evaluation errors (one per root cause) and warnings for
    /// values that are NaN or infinite, sorted by position.
    public let diagnostics: [Diagnostic]
    /// The data files the notebook read.
    public let dataFiles: [DataFile]
    /// What each code cell did at the base point, in document order.
    public let codeCells: [CodeCellResults]

    /// Reads and evaluates the gp blocks (each body mapped into the notebook), in order.
    public init(blocks fragments: [SourceFragment], options: EvaluationOptions = EvaluationOptions()) {
        self.init(definitions: NotebookDefinitions(blocks: fragments), options: options)
    }

    /// Evaluates gp blocks and code cells already read; code cells run on `executor` (nil:
    /// code is not allowed, and nothing a code cell defines has a value).
    public init(
        definitions: NotebookDefinitions, options: EvaluationOptions = EvaluationOptions(),
        executor: CodeExecutor? = nil
    ) {
        let fragments = definitions.blocks.map(\.fragment)
        let scope = DefinitionScope(definitions: definitions, options: options, executor: executor)
        var diagnostics = definitions.diagnostics
        var blocks: [BlockResults] = []
        var nonFinite: Set<String> = []
        for (index, block) in definitions.blocks.enumerated() {
            var entries: [DefinitionResult] = []
            for statement in block.syntax.definitions {
                let name = statement.name.name
                guard let definition = definitions.definitions[name], definition.block == index,
                    definition.syntax.range == statement.range
                else { continue }
                let outcome = Self.outcome(of: definition, in: scope)
                if case .failed(let error) = outcome, !error.isReported, let file = fragments.first?.file {
                    diagnostics.append(error.located(at: definition.nameRange).diagnostic(in: file))
                }
                if case .value(let value) = outcome, !value.matrix.isFinite {
                    nonFinite.insert(name)
                    // Only where NaN or ∞ first appears: none of the inputs had one.
                    if definition.dependencies.isDisjoint(with: nonFinite), let file = fragments.first?.file {
                        diagnostics.append(Self.nonFiniteWarning(definition, value, file: file))
                    }
                }
                entries.append(
                    DefinitionResult(name: name, kind: definition.kind, range: definition.range, outcome: outcome))
            }
            blocks.append(
                BlockResults(echo: block.syntax.echo, showsResults: block.syntax.showsResults, entries: entries))
        }
        let code = Self.evaluateCode(definitions, scope: scope, nonFinite: &nonFinite)
        diagnostics += code.diagnostics
        self.definitions = definitions
        self.scope = scope
        self.blocks = blocks
        self.codeCells = code.results
        self.diagnostics = Self.unique(diagnostics).sortedByPosition()
        self.dataFiles = scope.dataFiles
    }

    static func outcome(of definition: NotebookDefinitions.Definition, in scope: DefinitionScope)
        -> DefinitionResult.Outcome
    {
        do throws(EvaluationError) {
            switch definition.syntax.form {
            case .value:
                switch try scope.runtime(of: definition.name) {
                case .value(let value): return .value(value)
                case .function(let function):
                    if case .lambda(let parameters, _, _, _) = function.body {
                        return .function(parameters: parameters)
                    }
                    return .function(parameters: [])
                default: return .value(try scope.value(of: definition.name))
                }
            case .function(let parameters):
                return .function(parameters: parameters.map(\.name))
            case .family(let indices):
                guard definition.isValid else {
                    throw EvaluationError(.dependency, "'\(definition.name)' has an error")
                }
                let ranges = try scope.indexRanges(of: definition.name)
                let first = try scope.member(of: definition.name, indices: ranges.map(\.lowerBound))
                return .family(indices: indices.map(\.name), ranges: ranges, first: first)
            }
        } catch {
            return .failed(error)
        }
    }

    static func nonFiniteWarning(_ definition: NotebookDefinitions.Definition, _ value: Value, file: SourceFile)
        -> Diagnostic
    {
        let elements = value.matrix.elements
        let nan = elements.filter(\.isNaN).count
        let infinite = elements.filter(\.isInfinite).count
        var what: [String] = []
        if nan > 0 { what.append(value.isScalar ? "NaN" : "\(nan) NaN entr\(nan == 1 ? "y" : "ies")") }
        if infinite > 0 {
            what.append(value.isScalar ? "infinite" : "\(infinite) infinite entr\(infinite == 1 ? "y" : "ies")")
        }
        return .warning(
            "'\(definition.name)' is \(what.joined(separator: " and ")): its definition produced \(value.isScalar ? "it" : "them")",
            file: file, range: definition.nameRange,
            help:
                "check the inputs of '\(definition.name)' (log or sqrt of a negative number, division by zero, overflow)"
        )
    }

    /// Diagnostics without repeats (the same message at the same place).
    static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }
    }
}

/// What one gp block defined, for the report.
public struct BlockResults: Sendable {
    /// Whether the report shows the block's code (`//| echo: false` hides it).
    public let echo: Bool
    /// Whether the report shows the results (`//| results: false` hides them).
    public let showsResults: Bool
    /// One entry per definition of the block, in order.
    public let entries: [DefinitionResult]
}

/// One definition's result.
public struct DefinitionResult: Sendable {
    /// What a definition evaluated to.
    public enum Outcome: Sendable {
        /// A value (a `let` or a `param`).
        case value(Value)
        /// A family: its index names, their ranges, and its first member.
        case family(indices: [String], ranges: [ClosedRange<Int>], first: Value)
        /// A function and its parameters.
        case function(parameters: [String])
        /// The definition could not be evaluated (`kind == .dependency`: because one it
        /// uses could not).
        case failed(EvaluationError)
    }

    /// The canonical name.
    public let name: String
    /// What the name denotes.
    public let kind: NotebookDefinitions.Kind
    /// The statement in the notebook.
    public let range: SourceRange
    /// Its value, or why there is none.
    public let outcome: Outcome
}
