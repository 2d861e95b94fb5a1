import Diagnostics
import Setup
import TeX

/// Operators and their operands, fractions, derivatives in their three spellings, sums, and
/// "evaluated at" bars.
extension EquationReader {
    /// An operator takes its parenthesised group if one follows, else the next factor.
    private mutating func operand(_ cursor: inout ItemCursor, after range: SourceRange)
        throws(ReadError) -> (value: CheckExpression, group: BracketGroup?)
    {
        guard !cursor.isAtEnd else { throw ReadError("this operator has no operand", range) }
        if let group = cursor.takeGroup(openedBy: ["(", "["]) {
            return (try readSum(group.items[...]), group)
        }
        return (try readFactor(&cursor), nil)
    }

    mutating func readOperator(_ name: String, node: TeXNode, _ cursor: inout ItemCursor) throws(ReadError)
        -> CheckExpression
    {
        let unary: CheckExpression.UnaryOperator?
        switch name {
        case "tr", "trace", "Tr": unary = .trace
        case "diag": unary = .diag
        case "det": unary = .determinant
        case "logdet": unary = .logDeterminant
        case "log", "ln": unary = .log
        case "exp": unary = .exp
        default: unary = nil
        }
        guard let unary else {
            guard names.checkKind(of: name) == .function else {
                throw ReadError(
                    "'\\operatorname{\(name)}' cannot be computed", node.range,
                    help: "derive computes tr, diag, det, log, ln, exp and the notebook's functions")
            }
            guard let group = cursor.takeGroup(openedBy: ["("]) else {
                throw ReadError("'\(name)' needs its arguments in parentheses", node.range)
            }
            let call = CheckExpression(
                .call(function: name, arguments: try readArguments(group)), range: node.range.union(group.range))
            return try applyScripts(to: call, sub: group.sub, sup: group.sup, range: call.range)
        }
        let (argument, group) = try operand(&cursor, after: node.range)
        var op = unary
        var inner = argument
        if unary == .log, case .unary(.determinant, let matrix) = argument.kind {
            op = .logDeterminant  // \log|K| and \log\det K: stably, from a Cholesky factor
            inner = matrix
        }
        let value = CheckExpression(.unary(op, inner), range: node.range.union(group?.range ?? argument.range))
        return try applyScripts(to: value, sub: group?.sub, sup: group?.sup, range: value.range)
    }

    // MARK: - Fractions and derivatives

    /// Whether an atom is the differential of a derivative: `\partial`, or `d`/`\mathrm{d}`
    /// when the notebook does not define `d`.
    func isDifferential(_ node: TeXNode) -> Bool {
        switch node.kind {
        case .symbol(let symbol): symbol.text == "∂" || (symbol.text == "d" && names.checkKind(of: "d") == nil)
        case .font(_, let inner): Self.flattened(inner).count == 1 && isDifferential(Self.flattened(inner)[0])
        default: false
        }
    }

    mutating func readFraction(_ fraction: Fraction, node: TeXNode, _ cursor: inout ItemCursor) throws(ReadError)
        -> CheckExpression
    {
        guard !fraction.command.isBinomial else {
            throw ReadError("binomial coefficients cannot be computed", node.range)
        }
        let numerator = Self.flattened(fraction.numerator)
        let denominator = Self.flattened(fraction.denominator)
        if let first = numerator.first, isDifferential(first) || isSecondDifferential(first) {
            guard !isSecondDifferential(first) else {
                throw ReadError("second derivatives cannot be checked yet", node.range)
            }
            let variable = try readVariable(denominator, range: fraction.denominator.range)
            if numerator.count == 1 {
                // \frac{\partial}{\partial s} A: the operator form.
                let (argument, group) = try operand(&cursor, after: node.range)
                let derivative = CheckExpression(
                    .derivative(Derivative(of: argument, variable: variable)),
                    range: node.range.union(group?.range ?? argument.range))
                return try applyScripts(to: derivative, sub: group?.sub, sup: group?.sup, range: derivative.range)
            }
            let of = try readSide(Array(numerator.dropFirst()))
            return CheckExpression(.derivative(Derivative(of: of, variable: variable)), range: node.range)
        }
        let top = try readSide(numerator)
        let bottom = try readSide(denominator)
        return CheckExpression(.binary(.divide, top, bottom), range: node.range)
    }

    private func isSecondDifferential(_ node: TeXNode) -> Bool {
        if case .scripts(let scripts) = node.kind, let base = scripts.base, isDifferential(base), scripts.sup != nil {
            return true
        }
        return false
    }

    /// The variable of a derivative from the atoms after its differential: `\partial \theta_i`,
    /// `\partial \ln \lambda_i`, `\partial \log(\lambda_i)`, `\partial \sigma_f`.
    func readVariable(_ atoms: [TeXNode], range: SourceRange) throws(ReadError) -> Variable {
        guard let first = atoms.first, isDifferential(first) else {
            throw ReadError(
                "the denominator of a derivative must be '\\partial' and a variable", range,
                help: "write \\frac{\\partial K}{\\partial \\lambda_i}")
        }
        var rest = Array(atoms.dropFirst())
        var logarithm = false
        if let op = rest.first, case .operatorName(let name) = op.kind, name.name == "ln" || name.name == "log" {
            logarithm = true
            rest.removeFirst()
        }
        let items: [TeXItem]
        do {
            items = try TeXItems.items(rest)
        } catch {
            throw ReadError("unmatched '\(error.text)'", error.range)
        }
        var inner = items
        if items.count == 1, case .group(let group) = items[0], group.open == "(" { inner = group.items }
        guard inner.count == 1, case .node(let node) = inner[0] else {
            throw ReadError(
                "a derivative is taken with respect to one name or one component", range,
                help: "write \\partial \\lambda_i, \\partial \\theta or \\partial \\ln \\lambda_i")
        }
        var base = node
        var sub: TeXNode?
        if case .scripts(let scripts) = node.kind, let b = scripts.base {
            guard scripts.sup == nil, scripts.primes == 0 else {
                throw ReadError(
                    "a derivative with respect to a power cannot be checked", node.range,
                    help: "define the power as a name in a gp block and differentiate with respect to it")
            }
            base = b
            sub = scripts.sub
        }
        guard let text = Self.letterText(base) else {
            throw ReadError("a derivative is taken with respect to a name", node.range)
        }
        let resolution = resolve(text, subscript: sub)
        let name = resolution.name
        guard let kind = resolution.kind else { throw unknownName(name, range: base.range) }
        guard kind == .value else {
            throw ReadError(
                "'\(name)' is not a value, so nothing can be differentiated with respect to it", base.range)
        }
        var index: IndexTerm?
        if let subscriptNode = resolution.sub {
            let indices = try readIndices(subscriptNode)
            guard indices.count == 1 else {
                throw ReadError(
                    "derivatives are taken with respect to scalars and vector components, not matrix entries",
                    subscriptNode.range)
            }
            index = indices[0]
        }
        return Variable(name: name, index: index, logarithm: logarithm, range: node.range)
    }

    /// `\partial A / \partial s_i`, the derivative written on one line.
    mutating func readInlineDerivative(_ cursor: inout ItemCursor, partial: TeXNode) throws(ReadError)
        -> CheckExpression
    {
        guard !cursor.isAtEnd else {
            throw ReadError("'∂' needs what it differentiates", partial.range, help: "write \\partial A / \\partial s")
        }
        let of = try readFactor(&cursor)
        guard let slashItem = cursor.current, let slash = Self.symbol(slashItem), slash.text == "/",
            case .node(let differential)? = cursor.peek(1), isDifferential(differential)
        else {
            throw ReadError(
                "'∂' must be followed by what it differentiates, '/' and '∂' with the variable", partial.range,
                help: "write \\partial K / \\partial \\lambda_i or \\frac{\\partial K}{\\partial \\lambda_i}")
        }
        cursor.advance(by: 2)
        var atoms = [differential]
        if case .node(let op)? = cursor.current, case .operatorName(let name) = op.kind,
            name.name == "ln" || name.name == "log"
        {
            atoms.append(op)
            cursor.advance()
        }
        guard let item = cursor.current else { throw ReadError("the variable is missing", differential.range) }
        switch item {
        case .node(let node): atoms.append(node)
        case .group(let group):
            throw ReadError("write the variable without brackets", group.range)
        }
        cursor.advance()
        let variable = try readVariable(atoms, range: differential.range.union(atoms[atoms.count - 1].range))
        return CheckExpression(
            .derivative(Derivative(of: of, variable: variable)), range: partial.range.union(variable.range))
    }

    // MARK: - Sums

    /// `\sum_{i=1}^{n}` and the rest of the term as its body.
    mutating func readSumOperator(_ item: TeXItem, body: ArraySlice<TeXItem>) throws(ReadError) -> CheckExpression {
        guard case .node(let node) = item, case .scripts(let scripts) = node.kind, let sub = scripts.sub,
            let sup = scripts.sup
        else {
            throw ReadError(
                "a sum needs its index and limits", item.range, help: "write \\sum_{i=1}^{n}")
        }
        let atoms = Self.flattened(sub)
        guard atoms.count >= 3, case .symbol(let letter) = atoms[0].kind,
            letter.kind == .letter || letter.kind == .greek,
            case .symbol(let equals) = atoms[1].kind, equals.text == "="
        else {
            throw ReadError("a sum's subscript must be 'index = lower limit'", sub.range, help: "write \\sum_{i=1}^{n}")
        }
        let index = SetupNames.canonical(letter.text)
        if names.checkKind(of: index) != nil {
            throw ReadError(
                "the sum's index '\(letter.text)' is a definition of the notebook", atoms[0].range,
                help: "use a letter the notebook does not define")
        }
        let lower = try readSide(Array(atoms.dropFirst(2)))
        let upper = try readSide(Self.atoms(of: sup))
        guard !body.isEmpty else { throw ReadError("the sum has nothing to add up", node.range) }
        let summand = try readTerm(body)
        return CheckExpression(
            .sum(index: index, lower: lower, upper: upper, body: summand), range: node.range.union(summand.range))
    }

    // MARK: - Evaluated at

    /// `\left. X \right|_{\hat f}`: X with the names of the subscript held fixed.
    mutating func evaluatedAt(base: TeXNode, sub: TeXNode?, range: SourceRange) throws(ReadError) -> CheckExpression? {
        guard let sub, case .fenced(let fenced) = base.kind, fenced.close.symbol?.text == "|",
            fenced.open.symbol == nil || fenced.open.symbol?.text == "."
        else { return nil }
        let body = try readSide(Self.atoms(of: fenced.body))
        var held = try holding(body, sub)
        held.range = range  // from \left. to the subscript of \right|
        return held
    }

    /// Whether an item is a bar with a subscript after an expression: `X \Big|_{\hat f}`.
    static func evaluationBar(_ item: TeXItem) -> TeXNode? {
        guard case .node(let node) = item, case .scripts(let scripts) = node.kind, let base = scripts.base,
            let sub = scripts.sub, scripts.sup == nil
        else { return nil }
        switch base.kind {
        case .delimiter(let delimiter) where delimiter.symbol?.text == "|": return sub
        case .symbol(let symbol) where symbol.text == "|": return sub
        default: return nil
        }
    }

    /// `value` with every derivative in it holding the names of `sub` (`\hat f`, or
    /// `f = \hat f`, whose right side names what is held) at their base values.
    mutating func holding(_ value: CheckExpression, _ sub: TeXNode) throws(ReadError) -> CheckExpression {
        var atoms = Self.flattened(sub)
        if let equals = atoms.lastIndex(where: { if case .symbol(let s) = $0.kind { s.text == "=" } else { false } }) {
            atoms = Array(atoms[(equals + 1)...])
        }
        var held: [String] = []
        for atom in atoms {
            if case .symbol(let symbol) = atom.kind, symbol.kind == .punctuation { continue }
            guard let name = Self.letterText(atom) else {
                throw ReadError(
                    "'evaluated at' must name what is held fixed", atom.range, help: "write \\Big|_{\\hat f}")
            }
            guard names.checkKind(of: name) != nil else { throw unknownName(name, range: atom.range) }
            held.append(name)
        }
        guard !held.isEmpty else { throw ReadError("'evaluated at' names nothing", sub.range) }
        return Self.adding(held, to: value)
    }

    private static func adding(_ held: [String], to value: CheckExpression) -> CheckExpression {
        var copy = value
        switch value.kind {
        case .derivative(var derivative):
            derivative.holding += held
            derivative.of = adding(held, to: derivative.of)
            copy.kind = .derivative(derivative)
        case .entry(let base, let indices): copy.kind = .entry(adding(held, to: base), indices)
        case .call(let function, let arguments):
            copy.kind = .call(function: function, arguments: arguments.map { adding(held, to: $0) })
        case .unary(let op, let operand): copy.kind = .unary(op, adding(held, to: operand))
        case .binary(let op, let a, let b): copy.kind = .binary(op, adding(held, to: a), adding(held, to: b))
        case .sum(let index, let lower, let upper, let body):
            copy.kind = .sum(index: index, lower: lower, upper: upper, body: adding(held, to: body))
        case .number, .identity, .name, .member: break
        }
        return copy
    }
}
