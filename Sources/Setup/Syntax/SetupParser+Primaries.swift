import Diagnostics

extension SetupParser {
    /// A literal, a name, `end`, a parenthesised expression or a matrix literal.
    mutating func parsePrimary() throws(Abandon) -> SetupExpression {
        let token = peek()
        switch token.kind {
        case .number(let text, let value):
            position += 1
            return SetupExpression(.number(text: text, value: value), range: token.range)
        case .string(let value):
            position += 1
            return SetupExpression(.string(value), range: token.range)
        case .identifier(let name, _):
            position += 1
            return SetupExpression(.name(name), range: token.range)
        case .keyword("end") where subscriptDepth > 0:
            position += 1
            return SetupExpression(.end, range: token.range)
        case .keyword("end"):
            throw fail(
                "'end' stands for the last index only inside brackets", at: token.range,
                help: "write, e.g., 'X[end, :]' for the last row")
        case .symbol("("):
            return try parseParenthesized()
        case .symbol("["):
            return try parseMatrix()
        case .symbol(":"):
            throw fail(
                "':' alone selects a whole row or column only as a subscript", at: token.range,
                help: "write, e.g., 'X[:, 1]' for the first column")
        case .symbol("'"):
            throw fail(
                "''' transposes the value before it", at: token.range, help: "strings are written in double quotes")
        case .invalid(let diagnostic):
            throw abandon(diagnostic)
        case .newline, .end:
            if let opener = openers.last { throw expectedCloser(found: token, opener: opener) }
            throw fail("expected an expression", at: token.range)
        default:
            throw fail("expected an expression, found \(token.kind.described)", at: token.range)
        }
    }

    /// `( expression )`; the range includes the parentheses.
    mutating func parseParenthesized() throws(Abandon) -> SetupExpression {
        let open = enter()
        let inner = try parseExpression()
        let close = try leave(open)
        var expression = inner
        expression.range = open.range.union(close.range)
        return expression
    }

    /// `[a, b; c, d]`: `,` separates the elements of a row, `;` the rows; line breaks inside
    /// are only spacing.
    mutating func parseMatrix() throws(Abandon) -> SetupExpression {
        let open = enter()
        matrixOpeners.insert(open.range.lowerBound)
        if peek().kind.is("]") {
            throw fail("an empty matrix '[]' has no value", at: open.range.union(peek().range))
        }
        var rows: [[SetupExpression]] = [[]]
        while true {
            rows[rows.count - 1].append(try parseExpression())
            let separator = peek()
            if separator.kind.is("]") { break }
            guard separator.kind.is(",") || separator.kind.is(";") else {
                if startsOperand(separator) {
                    let newline = tokens[position - 1].kind == .newline
                    throw fail(
                        "expected ',' or ';' between matrix elements", at: separator.range,
                        help: newline ? "end each row with ';'" : "separate elements with ',' and rows with ';'")
                }
                throw expectedCloser(found: separator)
            }
            position += 1
            if peek().kind.is("]") {
                throw fail(
                    "expected a matrix element after \(separator.kind.described)", at: separator.range,
                    help: "remove the trailing \(separator.kind.described)")
            }
            if separator.kind.is(";") { rows.append([]) }
        }
        let close = try leave(open)
        return try make(.matrix(rows: rows), open.range.union(close.range))
    }

    /// Enters a bracket: consumes it and records it as open.
    mutating func enter() -> SetupToken {
        let open = tokens[position]
        position += 1
        openers.append(open)
        return open
    }

    /// Leaves the bracket `open`: expects its closer and consumes it.
    mutating func leave(_ open: SetupToken) throws(Abandon) -> SetupToken {
        let close = peek()
        guard close.kind.is(open.kind.is("(") ? ")" : "]") else { throw expectedCloser(found: close) }
        position += 1
        openers.removeLast()
        return close
    }

    // MARK: Tokens and line breaks

    /// Whether the innermost open bracket is a matrix literal.
    var inMatrix: Bool { openers.last.map { matrixOpeners.contains($0.range.lowerBound) } ?? false }

    /// The current token; inside brackets, line breaks are skipped, except before a line
    /// that starts with `let` or `param`, which ends any statement.
    mutating func peek() -> SetupToken {
        if !openers.isEmpty { skipNewlines() }
        return tokens[position]
    }

    /// Skips line breaks, unless the next line starts a definition.
    mutating func skipNewlines() {
        if tokens[position].kind == .newline, !startsDefinition(after: position) {
            while tokens[position].kind == .newline { position += 1 }
        }
    }

    /// Whether a token can start an operand (so, met after an expression, an operator is missing).
    func startsOperand(_ token: SetupToken) -> Bool {
        switch token.kind {
        case .identifier, .number, .string, .keyword("end"), .symbol("("), .symbol("["): true
        default: false
        }
    }

    /// The operand after a binary or prefix operator, which may start on the next line.
    mutating func operand(after op: SetupToken, level: Int? = nil) throws(Abandon) -> SetupExpression {
        _ = try nextOperand(after: op)
        switch level {
        case 3?, 4?: return try parseBinary(level: level ?? 3)
        case 5?: return try parseUnary()
        default: return try parseExpression()
        }
    }

    /// Skips line breaks after an operator and checks that an operand follows.
    mutating func nextOperand(after op: SetupToken) throws(Abandon) -> SetupToken {
        skipNewlines()
        let token = tokens[position]
        if startsOperand(token) || token.kind.is("-") || token.kind.is("+") { return token }
        switch token.kind {
        case .invalid(let diagnostic):
            throw abandon(diagnostic)
        case .newline, .end:
            throw fail(
                "expected an expression after \(op.kind.described)", at: op.range,
                help: "remove the trailing \(op.kind.described), or continue the expression after it")
        default:
            throw fail(
                "expected an expression after \(op.kind.described), found \(token.kind.described)", at: token.range)
        }
    }

    /// Two operands with nothing between them: `2 x`, `a (b)`.
    mutating func missingOperator(between previous: SetupToken, and token: SetupToken) -> Abandon {
        let help =
            if case .number = previous.kind, token.kind.is("(") {
                "multiply with '*': '\(source(previous.range)) * (…)'"
            } else {
                "multiply with '*' (or '.*' elementwise)"
            }
        return fail("missing operator before \(token.kind.described)", at: token.range, help: help)
    }

    /// The innermost open bracket is not closed where `found` is.
    mutating func expectedCloser(found: SetupToken, opener: SetupToken? = nil) -> Abandon {
        guard let opener = opener ?? openers.last else {
            return fail("unexpected \(found.kind.described)", at: found.range)
        }
        let closer = opener.kind.is("(") ? ")" : "]"
        let note = Diagnostic.Note("\(opener.kind.described) opened here", range: opener.range)
        switch found.kind {
        case .newline, .end:
            return fail(
                "expected '\(closer)' to close \(opener.kind.described)", at: pointAfterPreviousToken(),
                notes: [note])
        case .invalid(let diagnostic):
            return abandon(diagnostic)
        case _ where startsOperand(found):
            return missingOperator(between: tokens[position - 1], and: found)
        case .symbol("="):
            return fail(
                "unexpected '=' inside brackets", at: found.range, help: "call labels take ':', as in 'seed: 7'")
        default:
            return fail(
                "expected '\(closer)' to close \(opener.kind.described), found \(found.kind.described)",
                at: found.range, notes: [note])
        }
    }
}
