import Diagnostics

/// Every definition of a notebook's ```` ```gp ```` blocks, read in document order and
/// checked without evaluating anything: syntax, redefinitions, unknown names (with
/// did-you-mean), uses before the definition and cycles. Every diagnostic is in the
/// notebook's coordinates.
///
/// Later blocks may use names of earlier ones; within the notebook a name must be defined
/// above its first use. The dependency graph (who uses whom, through families, functions
/// and anonymous functions) is what perturbed evaluations and `dependsOn` follow.
public final class NotebookDefinitions: Sendable {
    /// What a name denotes.
    public enum Kind: Sendable, Hashable {
        /// `let x = …`: a value.
        case value
        /// `param θ = …`: an independent variable (a scalar or a vector).
        case parameter
        /// `let D[i] = …`: a family with one or two indices.
        case family(indexCount: Int)
        /// `let k(x, z) = …` or `let k = (x, z) -> …`: a function of that many parameters.
        case function(parameterCount: Int)

        /// In words: "a value", "a parameter", "an indexed family", "a function".
        public var description: String {
            switch self {
            case .value: "a value"
            case .parameter: "a parameter"
            case .family: "an indexed family"
            case .function: "a function"
            }
        }
    }

    /// One definition, with its place in the notebook.
    public struct Definition: Sendable {
        /// The canonical name.
        public let name: String
        /// What it denotes.
        public let kind: Kind
        /// The statement as parsed (ranges are offsets into its block's text).
        public let syntax: SetupDefinition
        /// Which gp block (0-based, among the notebook's gp blocks) holds it.
        public let block: Int
        /// Its position among all definitions in document order.
        public let order: Int
        /// The whole statement in the notebook.
        public let range: SourceRange
        /// The defined name in the notebook.
        public let nameRange: SourceRange
        /// The defined names this one uses directly.
        public let dependencies: Set<String>
        /// False when the statement has an error already reported; evaluating it fails
        /// without a second diagnostic.
        public let isValid: Bool
        /// The code cell (its index among the notebook's code cells) that defines the name,
        /// when a code cell does; nil for a gp definition.
        public var codeCell: Int? = nil

        /// The same definition with its dependencies resolved.
        func with(dependencies: Set<String>, isValid: Bool) -> Definition {
            Definition(
                name: name, kind: kind, syntax: syntax, block: block, order: order, range: range,
                nameRange: nameRange, dependencies: dependencies, isValid: isValid, codeCell: codeCell)
        }
    }

    /// The gp blocks, each as its text (mapped into the notebook) and its syntax tree.
    public let blocks: [(fragment: SourceFragment, syntax: SetupBlock)]
    /// Every valid and invalid definition by canonical name (the first, when redefined).
    public let definitions: [String: Definition]
    /// The defined names in document order.
    public let names: [String]
    /// Every problem found, in the notebook's coordinates, sorted by position.
    public let diagnostics: [Diagnostic]
    /// Names used as the argument of `log`/`sqrt` or as a kernel hyperparameter.
    let positiveQuantities: Set<String>
    /// `affected(by:holding:)`, remembered: every step of a finite difference perturbs the
    /// same variable and asks again.
    private let affectedSets = Memo<AffectedQuestion, Set<String>>()

    private struct AffectedQuestion: Hashable, Sendable {
        let name: String
        let holding: Set<String>
    }

    /// A gp block or a code cell, as the notebook orders them.
    public enum Source: Sendable {
        /// The body of a ```` ```gp ```` fence, mapped into the notebook.
        case gp(SourceFragment)
        /// A ```` ```python ```` or ```` ```swift ```` cell, its options read.
        case code(CodeCell)
    }

    /// The code cells, by their index.
    public let codeCells: [CodeCell]

    /// Reads the given gp blocks (the bodies of a notebook's ```` ```gp ```` fences in
    /// document order, each mapped into the notebook).
    public convenience init(blocks fragments: [SourceFragment]) {
        self.init(sources: fragments.map { .gp($0) })
    }

    /// Reads the gp blocks and code cells of a notebook, in document order: a code cell's
    /// reads must be defined above it, and what it defines may be used below it.
    public init(sources: [Source]) {
        var analysis = DefinitionAnalysis()
        var codeCells: [CodeCell] = []
        var blockCount = 0
        for source in sources {
            switch source {
            case .gp(let fragment):
                analysis.add(fragment, block: blockCount)
                blockCount += 1
            case .code(let cell):
                codeCells.append(cell)
                analysis.add(code: cell)
            }
        }
        analysis.resolve()
        self.codeCells = codeCells
        self.blocks = analysis.blocks
        self.definitions = analysis.definitions
        self.names = analysis.order
        self.diagnostics = analysis.diagnostics.sortedByPosition()
        var positive: Set<String> = []
        for block in analysis.blocks {
            for definition in block.syntax.definitions { PositiveUses.collect(definition.body, into: &positive) }
        }
        self.positiveQuantities = positive
    }

    /// The canonical form of a name as TeX or a setup block spells it: `\lambda`, `lambda`
    /// and `λ` all become `λ` (see `SetupNames.canonical`; a leading backslash is dropped).
    public static func canonical(_ spelling: String) -> String {
        SetupNames.canonical(spelling.hasPrefix("\\") ? String(spelling.dropFirst()) : spelling)
    }

    /// What `name` (canonical) denotes, or nil when it is not defined.
    public func kind(of name: String) -> Kind? { definitions[name]?.kind }

    /// The index names of a family (`["i"]` for `D[i]`), empty for anything else.
    public func familyIndexNames(_ name: String) -> [String] {
        guard case .family(let indices) = definitions[name]?.syntax.form else { return [] }
        return indices.map(\.name)
    }

    /// Where `name` is defined: the whole statement in the notebook.
    public func range(of name: String) -> SourceRange? { definitions[name]?.range }

    /// Every defined name and every builtin, for did-you-mean suggestions.
    public var knownNames: [String] { names + Builtins.constantNames + Builtins.functionNames }

    /// Whether `a` depends on `s` through the definition graph (directly, or through other
    /// definitions, families and functions). A name does not depend on itself.
    public func dependsOn(_ a: String, _ s: String) -> Bool {
        var stack = [a]
        var seen: Set<String> = [a]
        while let name = stack.popLast() {
            for dependency in definitions[name]?.dependencies ?? [] where seen.insert(dependency).inserted {
                if dependency == s { return true }
                stack.append(dependency)
            }
        }
        return false
    }

    /// The diagnostic text for a derivative of `a` with respect to `s` that does not exist:
    /// "'K' does not depend on 'λ': λ is not used in its definition".
    public static func independenceMessage(_ a: String, _ s: String) -> String {
        "'\(a)' does not depend on '\(s)': \(s) is not used in its definition"
    }

    /// The names (in document order) whose values change when `s` changes, when the names
    /// in `holding` keep their values: those that use `s` or an affected name directly,
    /// other than the held ones.
    func affected(by s: String, holding: Set<String>) -> Set<String> {
        affectedSets.answer(for: AffectedQuestion(name: s, holding: holding)) {
            findAffected(by: s, holding: holding)
        }
    }

    /// `affected(by:holding:)`, found by one pass over the names in document order (a name
    /// is defined below everything it uses).
    private func findAffected(by s: String, holding: Set<String>) -> Set<String> {
        var result: Set<String> = []
        for name in names where name != s && !holding.contains(name) {
            guard let definition = definitions[name] else { continue }
            if definition.dependencies.contains(s) || !definition.dependencies.isDisjoint(with: result) {
                result.insert(name)
            }
        }
        return result
    }
}
