import Diagnostics

extension SetupParser {
    /// `X[i]`, `X[2:5, :]`, `X[end, 1]`: one or two subscripts, each an expression, a range
    /// or `:` alone; `end` is the last index.
    mutating func parseSubscripts(of base: SetupExpression) throws(Abandon) -> SetupExpression {
        let open = enter()
        subscriptDepth += 1
        defer { subscriptDepth -= 1 }
        var subscripts: [SetupExpression] = []
        while true {
            let token = peek()
            if token.kind.is(":"), [",", "]"].contains(where: { tokens[position + 1].kind.is($0) }) {
                position += 1
                subscripts.append(SetupExpression(.colon, range: token.range))
            } else if token.kind.is("]"), subscripts.isEmpty {
                throw fail(
                    "expected a subscript", at: open.range.union(token.range), help: "indices start at 1, as in 'X[1]'")
            } else {
                subscripts.append(try parseExpression())
            }
            let separator = peek()
            if separator.kind.is("]") { break }
            if separator.kind.is(";") {
                throw fail("subscripts are separated by ','", at: separator.range, help: "write 'X[i, j]'")
            }
            guard separator.kind.is(",") else { throw expectedCloser(found: separator) }
            position += 1
        }
        let close = try leave(open)
        let range = open.range.union(close.range)
        if subscripts.count > 2 {
            throw fail("a value has at most two dimensions, so at most two subscripts", at: range)
        }
        return try make(.index(base: base, subscripts: subscripts), base.range.union(range))
    }

    /// `f(a, b, label: c)`: positional and labelled arguments of a named function.
    mutating func parseCall(of callee: SetupExpression) throws(Abandon) -> SetupExpression {
        guard case .name(let name) = callee.kind else {
            throw fail(
                "only a function name can be called", at: peek().range,
                help: "to multiply, write '*' before the '('")
        }
        let open = enter()
        var arguments: [SetupArgument] = []
        while !peek().kind.is(")") {
            if !arguments.isEmpty {
                guard peek().kind.is(",") else { throw expectedCloser(found: peek()) }
                let comma = peek()
                position += 1
                if peek().kind.is(")") {
                    throw fail("expected an argument after ','", at: comma.range, help: "remove the trailing ','")
                }
            }
            arguments.append(try parseArgument(after: arguments))
        }
        let close = try leave(open)
        let calleeName = SetupName(name, range: callee.range)
        return try make(.call(callee: calleeName, arguments: arguments), callee.range.union(close.range))
    }

    /// One argument; `name:` in front of it is a label (so a range that starts at a name is
    /// written in parentheses: `f((a:b))`).
    mutating func parseArgument(after previous: [SetupArgument]) throws(Abandon) -> SetupArgument {
        let token = peek()
        guard case .identifier(_, let spelling) = token.kind, tokens[position + 1].kind.is(":") else {
            return SetupArgument(value: try parseExpression())
        }
        let label = SetupName(SetupNames.normalized(spelling), range: token.range)
        let colon = tokens[position + 1]
        position += 2
        if let earlier = previous.first(where: { $0.label?.name == label.name }) {
            report(
                "argument '\(spelling)' is given twice", at: token.range,
                notes: [.init("first given here", range: earlier.label?.range)])
        }
        if peek().kind.is(",") || peek().kind.is(")") {
            throw fail("expected a value after '\(spelling):'", at: colon.range)
        }
        return SetupArgument(label: label, value: try parseExpression())
    }

    /// When a lambda starts here (`x ->` or `(x, y) ->`), its parameters and the range of
    /// its opening parenthesis; the tokens up to `->` are consumed.
    mutating func lambdaParameters() throws(Abandon) -> (names: [SetupName], opening: SourceRange?)? {
        let first = peek()
        if first.kind.isIdentifier, tokens[position + 1].kind.is("->") {
            position += 1
            return (lambdaNames([first]), nil)
        }
        guard first.kind.is("(") else { return nil }
        var index = position + 1
        var names: [SetupToken] = []
        func skip() { while tokens[index].kind == .newline { index += 1 } }
        skip()
        while tokens[index].kind.isIdentifier {
            names.append(tokens[index])
            index += 1
            skip()
            guard tokens[index].kind.is(",") else { break }
            index += 1
            skip()
        }
        guard tokens[index].kind.is(")"), tokens[index + 1].kind.is("->") else { return nil }
        if names.isEmpty {
            throw fail(
                "a function needs at least one parameter", at: first.range.union(tokens[index].range),
                help: "write 'x -> …'")
        }
        position = index + 1
        return (lambdaNames(names), first.range)
    }

    /// The names of lambda parameters, reporting repeats.
    mutating func lambdaNames(_ tokens: [SetupToken]) -> [SetupName] {
        var names: [SetupName] = []
        for token in tokens {
            guard case .identifier(let name, let spelling) = token.kind else { continue }
            if let earlier = names.first(where: { $0.name == name }) {
                report(
                    "parameter '\(spelling)' appears twice", at: token.range,
                    notes: [.init("first written here", range: earlier.range)])
            }
            names.append(SetupName(name, range: token.range))
        }
        return names
    }
}
