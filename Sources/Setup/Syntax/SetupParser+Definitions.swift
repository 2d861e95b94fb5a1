import Diagnostics

extension SetupParser {
    /// The left-hand side of a definition, up to and including its `=`.
    struct Header {
        var keyword: SetupDefinition.Keyword
        var keywordRange: SourceRange
        var name: SetupName
        var form: SetupDefinition.Form
        var equals: SourceRange

        func definition(body: SetupExpression) -> SetupDefinition {
            SetupDefinition(
                keyword: keyword, name: name, form: form, body: body,
                range: keywordRange.union(body.range))
        }
    }

    /// `let name`, `let D[i]`, `let k(x, y)` or `param name`, then `=`.
    mutating func parseHeader() throws(Abandon) -> Header {
        let first = tokens[position]
        guard case .keyword(let word) = first.kind, let keyword = SetupDefinition.Keyword(rawValue: word) else {
            throw missingKeyword()
        }
        position += 1
        let name = try parseDefinedName(after: word)
        var form = SetupDefinition.Form.value
        let formStart = tokens[position]
        if formStart.kind.is("[") {
            form = .family(indices: try parseNameList(close: "]", role: "index"))
        } else if formStart.kind.is("(") {
            form = .function(parameters: try parseNameList(close: ")", role: "parameter"))
        }
        let formRange = formStart.range.union(tokens[position - 1].range)
        switch (keyword, form) {
        case (.param, .family):
            report(
                "a 'param' cannot be an indexed family", at: formRange,
                help: "write 'param \(name.name) = [0.8, 1.5, 3.0]' and use '\(name.name)[i]' for its components")
        case (.param, .function):
            report("a 'param' cannot be a function", at: formRange, help: "define functions with 'let'")
        default:
            break
        }
        let equals = tokens[position]
        switch equals.kind {
        case .symbol("="):
            break
        case .symbol("=="):
            report(
                "expected '=' after '\(source(name.range))', found '=='", at: equals.range,
                help: "use '=' to define a name")
        case .newline, .end:
            throw fail("expected '=' and a value after '\(source(name.range))'", at: pointAfterPreviousToken())
        case .invalid(let diagnostic):
            throw abandon(diagnostic)
        default:
            throw fail("expected '=' after '\(source(name.range))', found \(equals.kind.described)", at: equals.range)
        }
        position += 1
        return Header(keyword: keyword, keywordRange: first.range, name: name, form: form, equals: equals.range)
    }

    /// The name after `let` or `param`.
    mutating func parseDefinedName(after keyword: String) throws(Abandon) -> SetupName {
        let token = tokens[position]
        switch token.kind {
        case .identifier(let name, _):
            position += 1
            return SetupName(name, range: token.range)
        case .number(let number, _):
            if case .identifier(_, let spelling) = tokens[position + 1].kind, !tokens[position + 1].spaceBefore {
                throw fail(
                    "'\(number)\(spelling)' is not a name", at: token.range.union(tokens[position + 1].range),
                    help: "names start with a letter, as in '\(spelling)\(number)'")
            }
            throw fail(
                "expected a name after '\(keyword)', found \(token.kind.described)", at: token.range,
                help: "names start with a letter")
        case .keyword(let word):
            throw fail("'\(word)' is a keyword and cannot be a name", at: token.range)
        case .invalid(let diagnostic):
            throw abandon(diagnostic)
        case .newline, .end:
            throw fail("expected a name after '\(keyword)'", at: pointAfterPreviousToken())
        default:
            throw fail("expected a name after '\(keyword)', found \(token.kind.described)", at: token.range)
        }
    }

    /// `[i, j]` of a family or `(x, y)` of a function: distinct names, one or two indices,
    /// at least one parameter.
    mutating func parseNameList(close: String, role: String) throws(Abandon) -> [SetupName] {
        let open = tokens[position]
        position += 1
        openers.append(open)
        defer { openers.removeLast() }
        var names: [SetupName] = []
        while !peek().kind.is(close) {
            if !names.isEmpty {
                guard peek().kind.is(",") else { throw expectedCloser(found: peek()) }
                position += 1
            }
            let token = peek()
            guard case .identifier(let name, let spelling) = token.kind else {
                if case .invalid(let diagnostic) = token.kind { throw abandon(diagnostic) }
                if role == "index" {
                    throw fail(
                        "the index of a family is a name, found \(token.kind.described)", at: token.range,
                        help: "write 'let D[i] = …' and use 'i' in the definition")
                }
                throw fail("a function parameter is a name, found \(token.kind.described)", at: token.range)
            }
            if let earlier = names.first(where: { $0.name == name }) {
                report(
                    "\(role) '\(spelling)' appears twice", at: token.range,
                    notes: [.init("first written here", range: earlier.range)])
            }
            names.append(SetupName(name, range: token.range))
            position += 1
        }
        let closer = tokens[position]
        position += 1
        let range = open.range.union(closer.range)
        if names.isEmpty {
            throw fail(
                role == "index" ? "a family needs an index name" : "a function needs at least one parameter",
                at: range,
                help: role == "index" ? "write 'D[i]'" : "a definition without parameters is written 'let f = …'")
        }
        if role == "index", names.count > 2 {
            throw fail("a family has one or two indices, not \(names.count)", at: range)
        }
        return names
    }

    /// `= expression`; the expression may start on the next line.
    mutating func parseBody(after header: Header) throws(Abandon) -> SetupExpression {
        skipNewlines()
        if [.newline, .end].contains(tokens[position].kind) {
            throw fail("expected a value after '='", at: header.equals)
        }
        return try parseExpression()
    }

    /// A definition ends at a line break or the end of the block.
    mutating func expectEndOfStatement() throws(Abandon) {
        let token = tokens[position]
        let previous = tokens[position - 1]
        switch token.kind {
        case .newline, .end:
            return
        case .invalid(let diagnostic):
            throw abandon(diagnostic)
        case .symbol("="):
            throw fail(
                "unexpected '='", at: token.range,
                help: "a definition has one '='; call labels take ':', as in 'seed: 7'")
        case .symbol("=="):
            throw fail(
                "'==' is not an operator", at: token.range,
                help: "the setup language defines values; it does not compare them")
        case .symbol(")"), .symbol("]"):
            throw fail(
                "unmatched \(token.kind.described)", at: token.range, help: "remove it, or add its opening bracket")
        case .symbol(","), .symbol(";"):
            throw fail(
                "unexpected \(token.kind.described)", at: token.range,
                help: "write one definition per line, each with 'let'")
        case _ where startsOperand(token):
            throw missingOperator(between: previous, and: token)
        default:
            throw fail("unexpected \(token.kind.described)", at: token.range)
        }
    }

    /// A statement that does not start with `let` or `param`.
    mutating func missingKeyword() -> Abandon {
        let token = tokens[position]
        let next = tokens[position + 1]
        switch token.kind {
        case .identifier where next.kind.is("=") || next.kind.is("[") || next.kind.is("("):
            let line = source(SourceRange(token.range.lowerBound, lineEnd(from: position)))
            return fail(
                "a definition starts with 'let' or 'param'", at: token.range, help: "write 'let \(line)'")
        case .identifier(_, let spelling) where next.spaceBefore && next.kind.isIdentifier:
            return fail(
                "unknown keyword '\(spelling)'", at: token.range,
                help: "definitions start with 'let' (or 'param' for an independent variable)")
        case .symbol(let symbol) where Self.binaryOperators[symbol] != nil:
            return fail(
                "a line cannot start with '\(symbol)'", at: token.range,
                help: "to continue the previous line, end that line with the operator")
        case .invalid(let diagnostic):
            return abandon(diagnostic)
        default:
            return fail("expected a definition ('let' or 'param'), found \(token.kind.described)", at: token.range)
        }
    }

    /// The UTF-8 offset where the line of the token at `index` ends (before a comment).
    func lineEnd(from index: Int) -> Int {
        var index = index
        while ![.newline, .end].contains(tokens[index + 1].kind) { index += 1 }
        return tokens[index].range.upperBound
    }

    /// An empty range right after the last token before the current one that is not a line
    /// break: where something is missing.
    func pointAfterPreviousToken() -> SourceRange {
        var index = position - 1
        while index > 0, tokens[index].kind == .newline { index -= 1 }
        let offset = index >= 0 ? tokens[index].range.upperBound : 0
        return SourceRange(offset, offset)
    }
}

extension SetupToken.Kind {
    /// Whether the token is a name.
    var isIdentifier: Bool {
        if case .identifier = self { true } else { false }
    }
}
