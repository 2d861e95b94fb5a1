import Diagnostics
import Setup
import TeX

/// Factors: names and their scripts, brackets, fractions, roots, operators and derivatives.
extension EquationReader {
    mutating func readFactor(_ cursor: inout ItemCursor) throws(ReadError) -> CheckExpression {
        guard let item = cursor.current else { throw ReadError("an operand is missing here", SourceRange(0, 0)) }
        switch item {
        case .group(let group):
            cursor.advance()
            let value = try readBracket(group)
            return try applyScripts(to: value, sub: group.sub, sup: group.sup, range: group.range)
        case .node(let node):
            if Self.isLetter(node) { return try readNames(&cursor, firstOnly: true) }
            if case .accent = node.kind { return try readNames(&cursor, firstOnly: true) }
            if case .scripts(let scripts) = node.kind, let base = scripts.base {
                if Self.isLetter(base) { return try readNames(&cursor, firstOnly: true) }
                cursor.advance()
                guard scripts.primes == 0 else {
                    throw ReadError(
                        "primes cannot be computed", node.range,
                        help: "write derivatives as \\frac{\\partial A}{\\partial s}")
                }
                if let held = try evaluatedAt(base: base, sub: scripts.sub, range: node.range) {
                    return held
                }
                var inner = ItemCursor(.node(base))
                let value = try readFactor(&inner)
                return try applyScripts(to: value, sub: scripts.sub, sup: scripts.sup, range: node.range)
            }
            cursor.advance()
            if case .symbol(let symbol) = node.kind, symbol.text == "∂" {
                return try readInlineDerivative(&cursor, partial: node)
            }
            return try readAtom(node, &cursor)
        }
    }

    /// An atom that is not a name: numbers, fractions, roots, fences, operators, groups.
    private mutating func readAtom(_ node: TeXNode, _ cursor: inout ItemCursor) throws(ReadError) -> CheckExpression {
        switch node.kind {
        case .symbol(let symbol):
            if symbol.kind == .number, let value = Double(symbol.text) {
                return CheckExpression(.number(value), range: node.range)
            }
            if symbol.text == "∞" {
                throw ReadError("'∞' cannot be computed", node.range)
            }
            throw ReadError(
                "'\(symbol.source)' cannot be computed here", node.range,
                help: symbol.kind == .punctuation ? "commas separate the arguments of a function call only" : nil)
        case .group(let nodes):
            return try readSide(nodes.flatMap(Self.atoms))
        case .fraction(let fraction):
            return try readFraction(fraction, node: node, &cursor)
        case .radical(let radical):
            let radicand = try readSide(Self.atoms(of: radical.radicand))
            guard let rootIndex = radical.index else {
                return CheckExpression(.unary(.sqrt, radicand), range: node.range)
            }
            let n = try readSide(Self.atoms(of: rootIndex))
            let exponent = CheckExpression(
                .binary(.divide, CheckExpression(.number(1), range: n.range), n), range: n.range)
            return CheckExpression(.binary(.power, radicand, exponent), range: node.range)
        case .fenced(let fenced):
            let body = try readSide(Self.atoms(of: fenced.body))
            switch (fenced.open.symbol?.text, fenced.close.symbol?.text) {
            case ("|", "|"): return CheckExpression(.unary(.determinant, body), range: node.range)
            case ("‖", "‖"):
                throw ReadError(
                    "norms cannot be computed yet", node.range, help: "write the norm out, e.g. \\sqrt{x^\\top x}")
            default: return CheckExpression(body.kind, range: node.range)
            }
        case .operatorName(let op):
            return try readOperator(op.name, node: node, &cursor)
        case .font(_, let inner), .style(_, let inner), .color(_, let inner):
            var inside = ItemCursor(.node(inner))
            return try readFactor(&inside)
        case .text(let run):
            throw ReadError(
                "text '\(run.text)' cannot be computed", node.range,
                help: "move words out of the check block into the prose around it")
        case .environment(let environment):
            throw ReadError(
                "a written-out '\(environment.name)' cannot be computed yet", node.range,
                help: "define the matrix in a gp block and use its name")
        case .reference:
            throw ReadError("an equation reference cannot be computed", node.range)
        case .error:
            throw ReadError("this part of the equation could not be read", node.range)
        default:
            throw ReadError("this cannot be computed", node.range)
        }
    }

    /// A bracket group: its content, or a determinant between bars.
    private mutating func readBracket(_ group: BracketGroup) throws(ReadError) -> CheckExpression {
        guard !group.items.isEmpty else { throw ReadError("empty brackets", group.range) }
        let inner = try readSum(group.items[...])
        switch group.open {
        case "|": return CheckExpression(.unary(.determinant, inner), range: group.range)
        case "‖": throw ReadError("norms cannot be computed yet", group.range)
        default: return CheckExpression(inner.kind, range: group.range)
        }
    }

    // MARK: - Scripts

    /// Applies a superscript (power, transpose, inverse) and a subscript (entries).
    mutating func applyScripts(
        to value: CheckExpression, sub: TeXNode?, sup: TeXNode?, range: SourceRange
    ) throws(ReadError) -> CheckExpression {
        var result = value
        if let sub {
            let indices = try readIndices(sub)
            result = CheckExpression(.entry(result, indices), range: value.range.union(sub.range))
        }
        if let sup {
            result = try applySuperscript(to: result, sup, range: range)
        }
        return result
    }

    func isTransposeMark(_ node: TeXNode) -> Bool {
        let atoms = Self.atoms(of: node)
        guard atoms.count == 1 else { return false }
        switch atoms[0].kind {
        case .symbol(let symbol):
            if ["⊤", "⊺", "′"].contains(symbol.text) { return true }
            return symbol.text == "T" && names.checkKind(of: "T") == nil
        case .font(_, let inner):
            return isTransposeMark(inner)
        case .group(let nodes):
            return nodes.count == 1 && isTransposeMark(nodes[0])
        default:
            return false
        }
    }

    mutating func applySuperscript(
        to value: CheckExpression, _ sup: TeXNode, range: SourceRange
    ) throws(ReadError) -> CheckExpression {
        let whole = value.range.union(sup.range)
        if isTransposeMark(sup) {
            return CheckExpression(.unary(.transpose, value), range: whole)
        }
        let atoms = Self.atoms(of: sup).flatMap { node -> [TeXNode] in
            if case .group(let nodes) = node.kind { return nodes.flatMap(Self.atoms) }
            return [node]
        }
        if atoms.count == 2, case .symbol(let sign) = atoms[0].kind, sign.text == "−",
            case .symbol(let one) = atoms[1].kind, one.text == "1"
        {
            return CheckExpression(.unary(.inverse, value), range: whole)
        }
        let exponent = try readSide(atoms)
        return CheckExpression(.binary(.power, value, exponent), range: whole)
    }

    /// The indices of a subscript: comma-separated parts; a number is a fixed index, each
    /// letter that is not a defined name a free one.
    func readIndices(_ sub: TeXNode) throws(ReadError) -> [IndexTerm] {
        var parts: [[TeXNode]] = [[]]
        for atom in Self.flattened(sub) {
            if case .symbol(let symbol) = atom.kind, symbol.text == "," {
                parts.append([])
            } else {
                parts[parts.count - 1].append(atom)
            }
        }
        var indices: [IndexTerm] = []
        for part in parts {
            guard !part.isEmpty else { throw ReadError("an empty subscript", sub.range) }
            if part.count == 1, case .symbol(let symbol) = part[0].kind, symbol.kind == .number {
                guard let value = Int(symbol.text) else {
                    throw ReadError("a subscript must be a whole number or a letter", part[0].range)
                }
                guard value >= 1 else {
                    throw ReadError(
                        "index \(value) is out of range: indices start at 1", part[0].range,
                        help: "derive counts as the mathematics does: the first component is 1")
                }
                indices.append(.fixed(value))
                continue
            }
            for atom in part {
                guard case .symbol(let symbol) = atom.kind, symbol.kind == .letter || symbol.kind == .greek else {
                    throw ReadError(
                        "a subscript must be whole numbers or letters", atom.range,
                        help: "write entries as K_{ab} or K_{1,2}; compute other subscripts in a gp block")
                }
                let name = SetupNames.canonical(symbol.text)
                if names.checkKind(of: name) != nil {
                    throw ReadError(
                        "the subscript '\(symbol.text)' is a definition of the notebook, not an index", atom.range,
                        help: "use a letter the notebook does not define for an index")
                }
                indices.append(.free(name))
            }
        }
        return indices
    }

    /// Atoms of a node with brace groups opened.
    static func flattened(_ node: TeXNode) -> [TeXNode] {
        atoms(of: node).flatMap { atom -> [TeXNode] in
            if case .group(let nodes) = atom.kind { return nodes.flatMap { flattened($0) } }
            return [atom]
        }
    }

    static func isLetter(_ node: TeXNode) -> Bool {
        switch node.kind {
        case .symbol(let symbol): symbol.kind == .letter || symbol.kind == .greek
        case .font(_, let inner): isLetter(inner) || isLetterRow(inner)
        case .accent(let accent): isLetter(accent.base) || isLetterRow(accent.base)
        case .group(let nodes): nodes.count == 1 && isLetter(nodes[0])
        default: false
        }
    }

    private static func isLetterRow(_ node: TeXNode) -> Bool {
        let atoms = flattened(node)
        return !atoms.isEmpty && atoms.allSatisfy(isLetter)
    }
}
