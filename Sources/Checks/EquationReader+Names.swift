import Diagnostics
import Setup
import TeX

/// Names: letter runs against the notebook's definitions, subscripts, calls.
extension EquationReader {
    /// One letter-like atom of a run and the name text it spells.
    private struct Letter {
        var text: String
        var node: TeXNode
        /// Typed as one Latin character (not a command), so a run of them may be a misread word.
        var typed: Bool
        var sub: TeXNode?
        var sup: TeXNode?
    }

    /// The name text of a letter-like atom: `\lambda` → `λ`, `\mathbf{y}` → `y`,
    /// `\hat{f}` → `f̂` (f and U+0302), `\mathrm{RBF}` → `RBF`.
    static func letterText(_ node: TeXNode) -> String? {
        switch node.kind {
        case .symbol(let symbol) where symbol.kind == .letter || symbol.kind == .greek:
            return SetupNames.canonical(symbol.text)
        case .font(_, let inner):
            let parts = flattened(inner).map(letterText)
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
            return parts.compactMap { $0 }.joined()
        case .accent(let accent):
            guard let base = letterText(accent.base), let mark = combiningMarks[accent.command] else { return nil }
            return SetupNames.canonical(base + mark)
        case .group(let nodes) where nodes.count == 1:
            return letterText(nodes[0])
        default:
            return nil
        }
    }

    /// Accents that make a new name, as the setup language spells it (`f̂` is f + U+0302).
    static let combiningMarks: [String: String] = [
        "hat": "\u{0302}", "widehat": "\u{0302}", "tilde": "\u{0303}", "widetilde": "\u{0303}",
        "bar": "\u{0304}", "overline": "\u{0304}", "dot": "\u{0307}", "ddot": "\u{0308}",
        "check": "\u{030C}", "breve": "\u{0306}", "vec": "\u{20D7}",
    ]

    /// Reads a run of letters starting at `index`: the longest defined names first, each
    /// with its subscript, superscript and call arguments; several names are a product.
    ///
    /// With `firstOnly` (the operand of an operator: `\operatorname{tr} K \lambda_1`), only
    /// the first name is read and the rest of the run is left for the caller.
    mutating func readNames(_ cursor: inout ItemCursor, firstOnly: Bool = false) throws(ReadError) -> CheckExpression {
        let start = cursor.position
        var run: [Letter] = []
        while case .node(let node)? = cursor.current {
            if case .scripts(let scripts) = node.kind, let base = scripts.base, let text = Self.letterText(base) {
                guard scripts.primes == 0 else {
                    throw ReadError(
                        "primes cannot be computed", node.range,
                        help: "write derivatives as \\frac{\\partial A}{\\partial s}")
                }
                run.append(
                    Letter(text: text, node: node, typed: Self.isTyped(base), sub: scripts.sub, sup: scripts.sup))
                cursor.advance()
                break
            }
            guard let text = Self.letterText(node) else { break }
            run.append(Letter(text: text, node: node, typed: Self.isTyped(node)))
            cursor.advance()
        }
        guard !run.isEmpty else {
            throw ReadError("this cannot be read as a name", cursor.current?.range ?? SourceRange(0, 0))
        }
        var factors: [CheckExpression] = []
        var position = 0
        var splitTyped: [Letter] = []
        while position < run.count {
            var length = run.count - position
            while length > 1, names.checkKind(of: run[position..<(position + length)].map(\.text).joined()) == nil {
                length -= 1
            }
            let letters = Array(run[position..<(position + length)])
            if length == 1, names.checkKind(of: letters[0].text) == nil, Self.constants[letters[0].text] == nil,
                letters[0].text != "I",
                run.count > 1, run.allSatisfy(\.typed)
            {
                // A typed word none of whose letters make names: the word was meant as one name.
                let word = run.map(\.text).joined()
                throw unknownName(word, range: run.dropFirst().reduce(run[0].node.range) { $0.union($1.node.range) })
            }
            position += length
            if length == 1, letters[0].typed { splitTyped.append(letters[0]) }
            if firstOnly, position < run.count {
                cursor.rewind(to: start + position)
                return try readName(letters, &cursor, isLast: false)
            }
            factors.append(try readName(letters, &cursor, isLast: position == run.count))
        }
        let range = run.dropFirst().reduce(run[0].node.range) { $0.union($1.node.range) }
        if splitTyped.count >= 2, factors.count >= 2 {
            let word = splitTyped.map(\.text).joined()
            diagnostics.append(
                .warning(
                    "letters '\(word)' read as a product \(splitTyped.map(\.text).joined(separator: "·"))",
                    range: range,
                    help: "write \\cdot between factors, or define '\(word)' if it is one name"))
        }
        return factors.dropFirst().reduce(factors[0]) { product, factor in
            CheckExpression(.binary(.product, product, factor), range: product.range.union(factor.range))
        }
    }

    private static func isTyped(_ node: TeXNode) -> Bool {
        if case .symbol(let symbol) = node.kind { return symbol.kind == .letter && symbol.source.count == 1 }
        return false
    }

    /// One name (one or more letters that together are defined), with its scripts, and the
    /// call arguments when it is a function followed by parentheses.
    private mutating func readName(
        _ letters: [Letter], _ cursor: inout ItemCursor, isLast: Bool
    ) throws(ReadError) -> CheckExpression {
        let name = letters.map(\.text).joined()
        let last = letters[letters.count - 1]
        let range = letters.dropFirst().reduce(letters[0].node.range) { $0.union($1.node.range) }
        let sup = last.sup
        let resolution = resolve(name, subscript: last.sub)
        let (resolved, sub) = (resolution.name, resolution.sub)
        guard let kind = resolution.kind else {
            if resolved == "I", sub == nil {
                let value = CheckExpression(.identity, range: range)
                return try sup.map { sup throws(ReadError) in try applySuperscript(to: value, sup, range: range) }
                    ?? value
            }
            if let constant = Self.constants[resolved], sub == nil {
                let value = CheckExpression(.number(constant), range: range)
                return try sup.map { sup throws(ReadError) in try applySuperscript(to: value, sup, range: range) }
                    ?? value
            }
            throw unknownName(resolved, range: range)
        }
        var value: CheckExpression
        switch kind {
        case .value:
            value = CheckExpression(.name(resolved), range: range)
            if let subscriptNode = sub {
                value = CheckExpression(
                    .entry(value, try readIndices(subscriptNode)), range: range.union(subscriptNode.range))
            }
        case .family(let arity):
            guard let subscriptNode = sub else {
                throw ReadError(
                    "'\(resolved)' is an indexed family and needs its index", range,
                    help: "write \(resolved)_i or \(resolved)_1")
            }
            let indices = try readIndices(subscriptNode)
            guard indices.count >= arity else {
                throw ReadError("'\(resolved)' takes \(arity) indices", subscriptNode.range)
            }
            value = CheckExpression(
                .member(family: resolved, indices: Array(indices.prefix(arity))),
                range: range.union(subscriptNode.range))
            if indices.count > arity {
                value = CheckExpression(.entry(value, Array(indices.dropFirst(arity))), range: value.range)
            }
        case .function:
            guard isLast, let group = cursor.takeGroup(openedBy: ["("]) else {
                throw ReadError(
                    "'\(resolved)' is a function and needs its arguments", range, help: "write \(resolved)(x, y)")
            }
            value = CheckExpression(
                .call(function: resolved, arguments: try readArguments(group)), range: range.union(group.range))
            if sub != nil { throw ReadError("a subscript on a function cannot be computed", range) }
            value = try applyScripts(to: value, sub: group.sub, sup: group.sup, range: value.range)
        }
        if let sup {
            value = try applySuperscript(to: value, sup, range: range)
        }
        return value
    }

    /// The comma-separated arguments in a bracket group.
    mutating func readArguments(_ group: BracketGroup) throws(ReadError) -> [CheckExpression] {
        var arguments: [[TeXItem]] = [[]]
        for item in group.items {
            if let symbol = Self.symbol(item), symbol.text == "," {
                arguments.append([])
            } else {
                arguments[arguments.count - 1].append(item)
            }
        }
        var result: [CheckExpression] = []
        for argument in arguments {
            guard !argument.isEmpty else { throw ReadError("an argument is missing", group.range) }
            result.append(try readSum(argument[...]))
        }
        return result
    }

    /// A name read against the notebook's definitions, with the part of its subscript that
    /// is left to index it.
    struct ResolvedName {
        /// The canonical name: `K_y` when the notebook defines it, else `K`.
        var name: String
        /// What the notebook defines under it, nil when nothing.
        var kind: CheckNameKind?
        /// The subscript when it is not part of the name (`i` of `λ_i`).
        var sub: TeXNode?
    }

    /// The one rule for a name and its subscript: a defined name with its subscript (`K_y`,
    /// `σ_f`, `σ_0`) wins over indexing; otherwise the subscript indexes the name.
    func resolve(_ name: String, subscript sub: TeXNode?) -> ResolvedName {
        if let sub, let text = Self.plainText(sub) {
            let joined = SetupNames.canonical(name + "_" + text)
            if let kind = names.checkKind(of: joined) { return ResolvedName(name: joined, kind: kind, sub: nil) }
        }
        return ResolvedName(name: name, kind: names.checkKind(of: name), sub: sub)
    }

    /// `π` and `e` when the notebook does not define them.
    static let constants: [String: Double] = ["π": Double.pi, "e": 2.718281828459045]

    /// The text of a subscript made only of letters and digits (`y`, `f`, `0`, `ab`).
    static func plainText(_ node: TeXNode) -> String? {
        var text = ""
        for atom in flattened(node) {
            guard case .symbol(let symbol) = atom.kind,
                symbol.kind == .letter || symbol.kind == .greek || symbol.kind == .number
            else { return nil }
            text += symbol.text
        }
        return text.isEmpty ? nil : text
    }

    func unknownName(_ name: String, range: SourceRange) -> ReadError {
        let candidates = names.checkNames
        var suggestion: String? =
            name.count == 1
            ? candidates.first { $0.lowercased() == name.lowercased() && $0 != name }
            : Suggestions.nearest(to: name, among: candidates)
        if suggestion == nil, name.count > 1 {
            // A misspelt Greek letter: 'lamda' for \lambda when λ is defined.
            let spelled = SetupNames.greekAliases.filter { candidates.contains($0.value) }.keys.sorted()
            suggestion = Suggestions.nearest(to: name, among: spelled).map { "\\\($0)" }
        }
        return ReadError(
            "unknown name '\(name)'", range,
            help: suggestion.map { "did you mean '\($0)'?" } ?? "define '\(name)' in a gp block before the check")
    }
}
