import Diagnostics
import Setup
import TeX

/// Sums, terms and groups: the precedence of checked equations (the grammar is written at
/// the top of `EquationReader.swift`).
extension EquationReader {
    static let elementwiseSymbols: Set<String> = ["∘", "⊙", "∗"]
    static let productSymbols: Set<String> = ["⋅", "×", "·"]

    mutating func readSum(_ items: ArraySlice<TeXItem>) throws(ReadError) -> CheckExpression {
        var terms: [(sign: (text: String, range: SourceRange)?, items: [TeXItem])] = []
        var sign: (text: String, range: SourceRange)?
        var current: [TeXItem] = []
        for item in items {
            if let text = Self.sign(item) {
                if current.isEmpty {
                    if sign != nil {
                        throw ReadError(
                            "two signs in a row", item.range, help: "put the second sign in parentheses: a - (-b)")
                    }
                    sign = (text, item.range)
                } else {
                    terms.append((sign, current))
                    sign = (text, item.range)
                    current = []
                }
            } else if let symbol = Self.symbol(item), symbol.text == "±" || symbol.text == "∓" {
                throw ReadError(
                    "'\(symbol.text)' has two values and cannot be checked", item.range,
                    help: "write one equation for each sign")
            } else {
                current.append(item)
            }
        }
        guard !current.isEmpty else {
            throw ReadError(
                "an operand is missing after this sign", sign?.range ?? items.first?.range ?? SourceRange(0, 0))
        }
        terms.append((sign, current))

        var result: CheckExpression?
        for term in terms {
            let value = try readTerm(term.items[...])
            guard let left = result else {
                if let sign = term.sign, sign.text == "−" {
                    result = CheckExpression(.unary(.negate, value), range: sign.range.union(value.range))
                } else {
                    result = value
                }
                continue
            }
            let op: CheckExpression.BinaryOperator = term.sign?.text == "−" ? .subtract : .add
            result = CheckExpression(.binary(op, left, value), range: left.range.union(value.range))
        }
        return result!
    }

    /// A term: groups of elementwise products joined by products and divisions.
    mutating func readTerm(_ items: ArraySlice<TeXItem>) throws(ReadError) -> CheckExpression {
        // Factors and the operators written between them (nil: juxtaposition).
        var factors: [CheckExpression] = []
        var operators: [(symbol: String?, range: SourceRange)] = []
        var cursor = ItemCursor(items)
        while let item = cursor.current {
            if let symbol = Self.symbol(item), symbol.kind == .binary {
                guard !factors.isEmpty, operators.count < factors.count else {
                    throw ReadError("'\(symbol.text)' needs an operand on its left", item.range)
                }
                if !Self.elementwiseSymbols.contains(symbol.text), !Self.productSymbols.contains(symbol.text),
                    symbol.text != "/"
                {
                    throw ReadError(
                        "'\(symbol.source)' cannot be computed", item.range,
                        help: "use juxtaposition or \\cdot for products, \\circ for elementwise products")
                }
                operators.append((symbol.text, item.range))
                cursor.advance()
                continue
            }
            if let symbol = Self.symbol(item), symbol.text == "/" {
                guard !factors.isEmpty else { throw ReadError("'/' needs an operand on its left", item.range) }
                operators.append(("/", item.range))
                cursor.advance()
                continue
            }
            if let sub = Self.evaluationBar(item) {
                // `X \Big|_{\hat f}`: the factor before the bar holds the named values fixed.
                guard let last = factors.popLast(), operators.count == factors.count else {
                    throw ReadError("'evaluated at' needs an expression before the bar", item.range)
                }
                var held = try holding(last, sub)
                held.range = last.range.union(item.range)  // the bar and what it holds
                factors.append(held)
                cursor.advance()
                continue
            }
            if Self.isSum(item) {
                // ∑ takes the rest of the term as its body.
                cursor.advance()
                let sum = try readSumOperator(item, body: cursor.rest)
                if operators.count < factors.count { operators.append((nil, sum.range)) }
                factors.append(sum)
                cursor.finish()
                break
            }
            if operators.count < factors.count { operators.append((nil, item.range)) }
            if case .node(let node) = item, Self.startsName(node) {
                factors.append(try readNames(&cursor))  // a whole run of letters
            } else {
                factors.append(try readFactor(&cursor))
            }
        }
        guard !factors.isEmpty else {
            throw ReadError("an expression is missing here", items.first?.range ?? SourceRange(0, 0))
        }
        guard operators.count == factors.count - 1 else {
            throw ReadError("an operand is missing after this operator", operators.last?.range ?? factors[0].range)
        }
        return combine(factors, operators)
    }

    /// Elementwise runs first, then products and divisions left to right. Where the
    /// left-to-right reading would differ, the choice is recorded for the checker.
    private mutating func combine(
        _ factors: [CheckExpression], _ operators: [(symbol: String?, range: SourceRange)]
    ) -> CheckExpression {
        func op(_ symbol: String?) -> CheckExpression.BinaryOperator {
            switch symbol {
            case .some(let s) where Self.elementwiseSymbols.contains(s): .elementwise
            case "/": .divide
            default: .product
            }
        }
        func join(_ op: CheckExpression.BinaryOperator, _ a: CheckExpression, _ b: CheckExpression) -> CheckExpression {
            CheckExpression(.binary(op, a, b), range: a.range.union(b.range))
        }
        var groups: [CheckExpression] = [factors[0]]
        var groupOperators: [CheckExpression.BinaryOperator] = []
        var hasElementwise = false
        for (index, symbol) in operators.enumerated() {
            let kind = op(symbol.symbol)
            if kind == .elementwise {
                groups[groups.count - 1] = join(.elementwise, groups[groups.count - 1], factors[index + 1])
                hasElementwise = true
            } else {
                groups.append(factors[index + 1])
                groupOperators.append(kind)
            }
        }
        var used = groups[0]
        for (index, kind) in groupOperators.enumerated() { used = join(kind, used, groups[index + 1]) }
        if hasElementwise, groups.count > 1 {
            var alternative = factors[0]
            for (index, symbol) in operators.enumerated() {
                alternative = join(op(symbol.symbol), alternative, factors[index + 1])
            }
            if alternative != used {
                groupings.append(GroupingChoice(used: used, alternative: alternative, range: used.range))
            }
        }
        return used
    }

    // MARK: - Item classification

    static func symbol(_ item: TeXItem) -> TeXSymbol? {
        if case .node(let node) = item, case .symbol(let symbol) = node.kind { return symbol }
        return nil
    }

    /// `+` or `−` written as a binary operator or a sign.
    static func sign(_ item: TeXItem) -> String? {
        guard let symbol = symbol(item), symbol.kind == .binary, symbol.text == "+" || symbol.text == "−" else {
            return nil
        }
        return symbol.text
    }

    /// Whether an atom starts a run of letters (a letter, or a letter with scripts).
    static func startsName(_ node: TeXNode) -> Bool {
        if isLetter(node) { return true }
        if case .scripts(let scripts) = node.kind, let base = scripts.base, scripts.primes == 0 {
            return isLetter(base)
        }
        return false
    }

    static func isSum(_ item: TeXItem) -> Bool {
        guard case .node(let node) = item else { return false }
        if case .symbol(let symbol) = node.kind { return symbol.text == "∑" }
        if case .scripts(let scripts) = node.kind, let base = scripts.base, case .symbol(let symbol) = base.kind {
            return symbol.text == "∑"
        }
        return false
    }
}
