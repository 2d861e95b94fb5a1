import Diagnostics

/// The number and anchor of a labelled equation, for `\eqref` and `\ref`.
public struct EquationReference: Sendable, Hashable {
    /// The number as shown, without parentheses: `"3"`, or a tag's text.
    public var number: String
    /// The id of the equation's element in the page, without `#`.
    public var anchor: String

    /// A reference target.
    public init(number: String, anchor: String) {
        self.number = number
        self.anchor = anchor
    }
}

/// The MathML of one formula.
public struct MathMLRendering: Sendable, Hashable {
    /// `<math>…</math>`, on one line.
    public var markup: String
}

/// Writes a parsed formula as MathML Core: what Chromium (≥ 109) and Firefox render
/// natively, with no `mfenced`, `menclose` or `mlabeledtr` and no `mathvariant` other
/// than `normal` on a single-letter `<mi>`.
///
/// The output is `<math>` (or `<math display="block">`) holding `<semantics>` with the
/// presentation tree and the TeX source as an `application/x-tex` annotation. Font
/// commands become Unicode mathematical alphanumerics; fences carry explicit `form` and
/// `stretchy`; equation numbers are not drawn (the parse result carries labels and tags).
public struct MathMLWriter: Sendable {
    /// Looks up the number and anchor of a label; nil when no equation has that label.
    public var resolveLabel: @Sendable (String) -> EquationReference?
    /// Labels known to exist, for "did you mean" on an unresolved reference.
    public var knownLabels: [String]

    /// A writer that resolves `\eqref` and `\ref` with `resolveLabel`.
    public init(
        knownLabels: [String] = [], resolveLabel: @escaping @Sendable (String) -> EquationReference? = { _ in nil }
    ) {
        self.resolveLabel = resolveLabel
        self.knownLabels = knownLabels
    }

    /// A writer that resolves references from a table of labels.
    public init(references: [String: EquationReference]) {
        self.init(knownLabels: references.keys.sorted()) { references[$0] }
    }

    /// The `<math>` element of `result`, in display (block) or inline style. A reference
    /// to a label nobody defined is written `??`; `unresolvedReferences(in:)` says so.
    public func render(_ result: TeXParseResult, display: Bool) -> MathMLRendering {
        render(result.root, source: result.source, display: display)
    }

    /// The `<math>` element of a formula given by its tree and the TeX it was read from (a
    /// part of a parsed formula: `TeXParseResult.nodes(within:)`).
    public func render(_ root: TeXNode, source: String, display: Bool) -> MathMLRendering {
        InputCounts.record(.mathML)
        var walker = MathMLWalker(writer: self)
        walker.out.open("math", display ? [("display", "block")] : [])
        walker.out.open("semantics")
        walker.visit(root, MathMLWalker.Context())
        walker.out.leaf("annotation", [("encoding", "application/x-tex")], text: source)
        walker.out.close("semantics")
        walker.out.close("math")
        return MathMLRendering(markup: walker.out.markup)
    }

    /// Every `\eqref` and `\ref` of `result` to a label no equation has, in reading order,
    /// with the nearest known label as a suggestion: found without writing anything.
    public func unresolvedReferences(in result: TeXParseResult) -> [TeXIssue] {
        var issues: [TeXIssue] = []
        var stack = [result.root]
        while let node = stack.popLast() {
            if case .reference(let reference) = node.kind, resolveLabel(reference.label) == nil {
                let suggestion = Suggestions.nearest(to: reference.label, among: knownLabels)
                issues.append(
                    TeXIssue(
                        .unresolvedReference, "no equation is labelled '\(reference.label)'", range: node.range,
                        help: suggestion.map { "did you mean '\($0)'?" }
                            ?? "label the equation with '\\label{\(reference.label)}'"))
            }
            stack += node.children.reversed()
        }
        return issues
    }
}

/// The tree walk behind `MathMLWriter`: one `visit` per node kind, each writing exactly
/// one element, so any node can stand where MathML wants a single child.
struct MathMLWalker {
    let writer: MathMLWriter
    var out = MarkupWriter()

    /// What the nodes around a node say about how to write it.
    struct Context {
        /// The alphabet of the innermost font command, if any.
        var font: MathFont?
    }

    /// Writes `nodes` as one element: the node itself when there is one, else an `<mrow>`.
    mutating func visitSequence(_ nodes: [TeXNode], _ context: Context) {
        let nodes = context.font == .roman ? Self.mergingLetters(nodes) : nodes
        if nodes.count == 1 { return visit(nodes[0], context) }
        out.open("mrow")
        writeSequence(nodes, context, after: nil)
        out.close("mrow")
    }

    /// Writes `nodes` as siblings. A binary operator where TeX would read it as a sign
    /// (first, or after an operator, relation, opening fence or punctuation) gets
    /// `form="prefix"`; a function name gets U+2061 and, before an argument that is not in
    /// parentheses, a thin space; a named operator after an ordinary atom gets a thin space
    /// before it (`\sin\theta \cos\theta`).
    mutating func writeSequence(_ nodes: [TeXNode], _ context: Context, after previous: SymbolKind?) {
        var previous = previous
        var skipNext = false
        for (index, node) in nodes.enumerated() {
            if skipNext {
                skipNext = false
                continue
            }
            // TeX puts no space between two relations: `:=` and `=:` are one operator.
            if case .symbol(let first) = node.kind, first.kind == .relation, index + 1 < nodes.count,
                case .symbol(let second) = nodes[index + 1].kind, second.kind == .relation,
                [":", "="].contains(first.text), [":", "="].contains(second.text)
            {
                out.leaf("mo", text: first.text + second.text)
                previous = .relation
                skipNext = true
                continue
            }
            if Self.isNamedOperator(node), let before = previous,
                [.letter, .greek, .number, .ordinary, .close, .fence].contains(before)
            {
                out.empty("mspace", [("width", "0.1667em")])  // TeX's thin space between Ord and Op
            }
            if case .symbol(let symbol) = node.kind, symbol.kind == .binary,
                let before = previous, [.binary, .relation, .open, .punctuation, .largeOperator].contains(before)
            {
                writeSymbol(symbol, context, form: "prefix")
            } else {
                visit(node, context)
            }
            if Self.isFunctionName(node), index + 1 < nodes.count {
                let next = Self.atomClass(of: nodes[index + 1])
                let tight = next.map { [.open, .close, .punctuation, .relation].contains($0) } ?? false
                out.leaf("mo", tight ? [] : [("rspace", "0.1667em")], text: "\u{2061}")
            }
            if let kind = Self.atomClass(of: node) { previous = kind }
        }
    }

    /// The TeX atom class that decides spacing: a symbol's kind, the base's class for
    /// scripts, `largeOperator` for named operators, nil for spaces, else ordinary.
    static func atomClass(of node: TeXNode) -> SymbolKind? {
        switch node.kind {
        case .symbol(let symbol): symbol.kind
        case .scripts(let scripts): scripts.base.flatMap(atomClass) ?? .ordinary
        case .operatorName: .largeOperator
        case .delimiter(let delimiter):
            switch delimiter.role {
            case .open: .open
            case .close: .close
            case .middle: .relation
            case .natural: delimiter.symbol?.kind ?? .ordinary
            }
        case .space: nil
        default: .ordinary
        }
    }

    /// Whether a node is a named operator (`\log`, `\max_i`), with or without scripts.
    static func isNamedOperator(_ node: TeXNode) -> Bool {
        switch node.kind {
        case .operatorName: true
        case .scripts(let scripts): scripts.base.map(isNamedOperator) ?? false
        default: false
        }
    }

    /// Whether a node is a function name written as `<mi>` (not an operator with limits
    /// under it), so that U+2061 function application follows it.
    static func isFunctionName(_ node: TeXNode) -> Bool {
        switch node.kind {
        case .operatorName: return true
        case .scripts(let scripts):
            guard let base = scripts.base, case .operatorName(let name) = base.kind else { return false }
            return !(scripts.limits ?? name.limits) || scripts.sub == nil && scripts.sup == nil
        default: return false
        }
    }

    /// Adjacent letters under `\mathrm` as one word: `\mathrm{diag}` is one `<mi>`.
    static func mergingLetters(_ nodes: [TeXNode]) -> [TeXNode] {
        var merged: [TeXNode] = []
        for node in nodes {
            if case .symbol(let symbol) = node.kind, symbol.kind == .letter, let last = merged.last,
                case .symbol(let previous) = last.kind, previous.kind == .letter
            {
                let word = TeXSymbol(
                    previous.text + symbol.text, source: previous.source + symbol.source, kind: .letter)
                merged[merged.count - 1] = TeXNode(.symbol(word), range: last.range.union(node.range))
            } else {
                merged.append(node)
            }
        }
        return merged
    }
}
