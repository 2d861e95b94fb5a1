import Diagnostics

/// The expression grammar, loosest binding first (MATLAB's order):
///
/// | level | operators                      | associativity |
/// |-------|--------------------------------|---------------|
/// | 1     | `x -> body`                    | body extends to the right |
/// | 2     | `a:b`, `a:step:b`              | none          |
/// | 3     | `+ -`                          | left          |
/// | 4     | `* / \ .* ./`                  | left          |
/// | 5     | prefix `- +`                   | right         |
/// | 6     | `2π` (literal next to a name)  | —             |
/// | 7     | `^ .^`                         | none: `a^b^c` is an error |
/// | 8     | postfix `'`, `f(…)`, `X[…]`    | left          |
///
/// The exponent of `^` may carry a sign (`K^-1`, `x.^-2`).
extension SetupParser {
    /// Binary operators by spelling, with their binding level (3 or 4).
    static let binaryOperators: [String: (BinaryOperator, level: Int)] = [
        "+": (.add, 3), "-": (.subtract, 3),
        "*": (.multiply, 4), "/": (.divide, 4), "\\": (.solve, 4),
        ".*": (.elementMultiply, 4), "./": (.elementDivide, 4),
        "^": (.power, 7), ".^": (.elementPower, 7),
    ]

    /// An expression, lambdas and ranges included.
    mutating func parseExpression() throws(Abandon) -> SetupExpression {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw tooDeep() }
        if let parameters = try lambdaParameters() {
            let arrow = peek()
            position += 1
            let body = try operand(after: arrow)
            let start = parameters.opening ?? parameters.names[0].range
            return try make(.lambda(parameters: parameters.names, body: body), start.union(body.range))
        }
        return try parseRange()
    }

    /// `start:stop` or `start:step:stop`.
    mutating func parseRange() throws(Abandon) -> SetupExpression {
        let start = try parseBinary(level: 3)
        guard peek().kind.is(":") else { return start }
        let firstColon = peek()
        position += 1
        let second = try operand(after: firstColon, level: 3)
        guard peek().kind.is(":") else {
            return try make(.range(start: start, step: nil, stop: second), start.range.union(second.range))
        }
        let secondColon = peek()
        position += 1
        let stop = try operand(after: secondColon, level: 3)
        if peek().kind.is(":") {
            throw fail("a range has at most three parts, 'start:step:stop'", at: peek().range)
        }
        return try make(.range(start: start, step: second, stop: stop), start.range.union(stop.range))
    }

    /// Left-associative chains of `+ -` (level 3) and `* / \ .* ./` (level 4).
    mutating func parseBinary(level: Int) throws(Abandon) -> SetupExpression {
        var lhs = level == 3 ? try parseBinary(level: 4) : try parseUnary()
        while case .symbol(let symbol) = peek().kind, let (op, opLevel) = Self.binaryOperators[symbol], opLevel == level
        {
            let token = peek()
            position += 1
            if level == 3, inMatrix, token.spaceBefore, !tokens[position].spaceBefore {
                report(
                    "ambiguous '\(symbol)' in a matrix: an operator or the sign of an element?", at: token.range,
                    help: "write 'a \(symbol) b' for the operation, or 'a, \(symbol)b' for two elements")
            }
            let rhs = try operand(after: token, level: level + 1)
            lhs = try make(.binary(op, lhs, rhs), lhs.range.union(rhs.range))
        }
        return lhs
    }

    /// Prefix `-` and `+`, binding looser than `^` (so `-2^2` is -4, as in MATLAB).
    mutating func parseUnary() throws(Abandon) -> SetupExpression {
        let token = peek()
        guard token.kind.is("-") || token.kind.is("+") else { return try parsePower() }
        position += 1
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw tooDeep() }
        let operand = try operand(after: token, level: 5)
        let op: UnaryOperator = token.kind.is("-") ? .negate : .plus
        return try make(.unary(op, operand), token.range.union(operand.range))
    }

    /// `base ^ exponent` (not chained), and a numeric literal juxtaposed with a name.
    mutating func parsePower() throws(Abandon) -> SetupExpression {
        let base = try parseCoefficient { (parser) throws(Abandon) in try parser.parsePower() }
        guard case .symbol(let symbol) = peek().kind, symbol == "^" || symbol == ".^" else { return base }
        let token = peek()
        position += 1
        let exponent = try parseExponent(after: token)
        if case .symbol(let next) = peek().kind, next == "^" || next == ".^" {
            throw fail(
                "'\(symbol)' and '\(next)' do not chain", at: peek().range,
                help: "add parentheses: '(a\(symbol)b)\(next)c' or 'a\(symbol)(b\(next)c)'")
        }
        let op: BinaryOperator = symbol == "^" ? .power : .elementPower
        return try make(.binary(op, base, exponent), base.range.union(exponent.range))
    }

    /// The exponent of `^`: an optional sign, then a postfix expression or `2π`.
    mutating func parseExponent(after op: SetupToken) throws(Abandon) -> SetupExpression {
        let token = try nextOperand(after: op)
        if token.kind.is("-") || token.kind.is("+") {
            position += 1
            depth += 1
            defer { depth -= 1 }
            if depth > Self.maxDepth { throw tooDeep() }
            let operand = try parseExponent(after: token)
            return try make(.unary(token.kind.is("-") ? .negate : .plus, operand), token.range.union(operand.range))
        }
        return try parseCoefficient { (parser) throws(Abandon) in try parser.parsePostfix() }
    }

    /// A postfix expression; when it is a numeric literal written directly against a name
    /// (`2π`, `2pi`, `0.5x'`), the product of the literal and `factor`.
    mutating func parseCoefficient(
        factor: (inout SetupParser) throws(Abandon) -> SetupExpression
    ) throws(Abandon) -> SetupExpression {
        let first = peek()
        let base = try parsePostfix()
        guard case .number = first.kind, base.range == first.range,
            peek().kind.isIdentifier, !peek().spaceBefore
        else { return base }
        let rhs = try factor(&self)
        return try make(.binary(.juxtapose, base, rhs), base.range.union(rhs.range))
    }

    /// A primary followed by any number of `'`, `(arguments)` and `[subscripts]`.
    mutating func parsePostfix() throws(Abandon) -> SetupExpression {
        var expression = try parsePrimary()
        while true {
            let token = peek()
            if token.kind.is("'") {
                position += 1
                expression = try make(.transpose(expression), expression.range.union(token.range))
            } else if token.kind.is("[") {
                expression = try parseSubscripts(of: expression)
            } else if token.kind.is("(") {
                expression = try parseCall(of: expression)
            } else {
                return expression
            }
        }
    }

    /// A builds a node, refusing trees deeper than `maxDepth`.
    mutating func make(_ kind: SetupExpression.Kind, _ range: SourceRange) throws(Abandon) -> SetupExpression {
        let expression = SetupExpression(kind, range: range)
        if expression.height > Self.maxDepth { throw tooDeep(at: range) }
        return expression
    }

    mutating func tooDeep(at range: SourceRange? = nil) -> Abandon {
        fail(
            "expression nests more than \(Self.maxDepth) levels deep", at: range ?? peek().range,
            help: "split it into several definitions")
    }
}
