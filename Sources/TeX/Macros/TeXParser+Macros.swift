import Diagnostics

extension TeXParser {
    // MARK: - Definitions

    /// `\newcommand`, `\renewcommand`, `\providecommand`, `\DeclareMathOperator` or `\def`,
    /// the command already taken. A definition goes into the macro table; it leaves no node.
    mutating func parseDefinition(_ command: String, token: TeXToken) {
        if command == "def" { return parseDef(token) }
        let isOperator = command == "DeclareMathOperator"
        let starred = takeRawStar()
        let usage = isOperator ? "\\DeclareMathOperator{\\name}{text}" : "\\\(command){\\name}[1]{…#1…}"
        guard let name = readMacroName(after: token, usage: usage) else { return }
        var count = 0
        var defaultArgument: [TeXToken]?
        if !isOperator, let bracket = readBracketTokens() {
            let text = bracket.tokens.map(\.spelling).joined().trimmingSpaces()
            guard let number = Int(text), (0...9).contains(number) else {
                report(
                    .invalidMacroDefinition, "'\\\(name)' must take 0 to 9 parameters, not '\(text)'",
                    at: bracket.range, help: "write the number of parameters, e.g. '[2]'")
                skipDefinition(of: name)
                return
            }
            count = number
            if let optional = readBracketTokens() { defaultArgument = optional.tokens }
        }
        guard let body = readBalancedTokens(for: token, usage: usage) else { return }
        if count == 0, defaultArgument != nil {
            report(
                .invalidMacroDefinition, "'\\\(name)' has a default argument but no parameters",
                at: range(from: token.range.lowerBound), help: "give the number of parameters first: '[1][default]'")
            return markBroken(name)
        }
        guard checkParameters(in: body.tokens, of: name, count: count) else { return markBroken(name) }
        if command == "providecommand", macros.contains(name) || CommandTable.isKnown(name) { return }
        var replacement = body.tokens
        if isOperator {
            let at = body.range
            replacement =
                [TeXToken(kind: .command("operatorname"), range: at)]
                + (starred ? [TeXToken(kind: .character("*"), range: at)] : [])
                + [TeXToken(kind: .beginGroup, range: at)] + body.tokens + [TeXToken(kind: .endGroup, range: at)]
        }
        macros.definitions[name] = MacroDefinition(
            name: name, parameterCount: count, defaultArgument: defaultArgument, body: replacement)
    }

    /// `\def\name#1#2{…}`: undelimited parameters only.
    private mutating func parseDef(_ token: TeXToken) {
        let usage = "\\def\\name#1{…#1…}"
        guard let nameToken = peekRawSkippingSpaces(), case .command(let name) = nameToken.kind else {
            report(
                .invalidMacroDefinition, "expected a command name after '\\def'", at: token.range,
                help: "write '\(usage)'")
            return
        }
        takeRaw()
        var count = 0
        var delimited = false
        while let next = peekRawSkippingSpaces(), next.kind != .beginGroup {
            takeRaw()
            if case .parameter(let number) = next.kind, number == count + 1 { count += 1 } else { delimited = true }
        }
        guard let body = readBalancedTokens(for: token, usage: usage) else { return }
        if delimited {
            report(
                .invalidMacroDefinition, "'\\def\\\(name)' has delimited parameters, which derive does not support",
                at: range(from: token.range.lowerBound),
                help: "use '\\newcommand{\\\(name)}[\(count)]{…}' with braced arguments")
            return markBroken(name)
        }
        guard checkParameters(in: body.tokens, of: name, count: count) else { return markBroken(name) }
        macros.definitions[name] = MacroDefinition(name: name, parameterCount: count, body: body.tokens)
    }

    /// Records `\name` as defined but broken, so its uses are not reported again.
    private mutating func markBroken(_ name: String) {
        macros.definitions[name] = MacroDefinition(name: name, parameterCount: 0, body: [], isBroken: true)
    }

    /// After an invalid parameter count: takes a default argument and the body, if given.
    private mutating func skipDefinition(of name: String) {
        _ = readBracketTokens()
        if let open = peekRawSkippingSpaces(), open.kind == .beginGroup { _ = readBalancedTokens(for: open, usage: "") }
        markBroken(name)
    }

    private mutating func checkParameters(in body: [TeXToken], of name: String, count: Int) -> Bool {
        for token in body {
            if case .parameter(let number) = token.kind, number > count {
                report(
                    .invalidMacroDefinition,
                    "'#\(number)' in the definition of '\\\(name)', which takes \(count) parameter\(count == 1 ? "" : "s")",
                    at: token.range, help: "declare the parameters: '[\(number)]'")
                return false
            }
        }
        return true
    }

    private mutating func takeRawStar() -> Bool {
        guard let token = peekRawSkippingSpaces(), token.kind == .character("*") else { return false }
        takeRaw()
        return true
    }

    /// `{\name}` or `\name` after a defining command.
    private mutating func readMacroName(after token: TeXToken, usage: String) -> String? {
        let braced = peekRawSkippingSpaces()?.kind == .beginGroup
        if braced { takeRaw() }
        guard let nameToken = peekRawSkippingSpaces(), case .command(let name) = nameToken.kind, !name.isEmpty else {
            report(
                .invalidMacroDefinition, "expected a command name after '\(token.spelling)'", at: token.range,
                help: "write '\(usage)'")
            skipMalformedDefinition(braced: braced)
            return nil
        }
        takeRaw()
        if braced {
            guard peekRawSkippingSpaces()?.kind == .endGroup else {
                report(
                    .invalidMacroDefinition, "expected '}' after the name '\\\(name)'", at: nameToken.range,
                    help: "write '\(usage)'")
                return nil
            }
            takeRaw()
        }
        return name
    }

    /// After a missing name: takes the rest of the braced name, a parameter count, a
    /// default and the body, so that the definition leaves nothing behind to report again.
    private mutating func skipMalformedDefinition(braced: Bool) {
        if braced {
            var level = 1
            while level > 0, let token = takeRaw() {
                if token.kind == .beginGroup { level += 1 }
                if token.kind == .endGroup { level -= 1 }
            }
        }
        _ = readBracketTokens()
        _ = readBracketTokens()
        if let open = peekRawSkippingSpaces(), open.kind == .beginGroup { _ = readBalancedTokens(for: open, usage: "") }
    }

    // MARK: - Raw token groups

    /// `[…]` as raw tokens (braces protect a `]`), if the next token opens one.
    mutating func readBracketTokens() -> (tokens: [TeXToken], range: SourceRange)? {
        guard let open = peekRawSkippingSpaces(), open.kind == .character("[") else { return nil }
        takeRaw()
        var tokens: [TeXToken] = []
        var level = 0
        while let token = takeRaw() {
            if token.kind == .beginGroup { level += 1 }
            if token.kind == .endGroup { level -= 1 }
            if level == 0, token.kind == .character("]") {
                return (tokens, open.range.union(token.range))
            }
            tokens.append(token)
        }
        report(.unbalancedBrace, "unclosed '['", at: open.range, help: "add the ']' that closes it")
        return (tokens, open.range)
    }

    /// A braced group as raw tokens without its braces, or a single token; nil (reported)
    /// when there is none.
    mutating func readBalancedTokens(for command: TeXToken, usage: String) -> (tokens: [TeXToken], range: SourceRange)?
    {
        guard let first = peekRawSkippingSpaces(), first.kind != .endGroup else {
            report(
                .missingArgument, "missing argument for '\(command.spelling)'", at: command.range,
                help: "write '\(usage)'")
            return nil
        }
        takeRaw()
        guard first.kind == .beginGroup else { return ([first], first.range) }
        var tokens: [TeXToken] = []
        var level = 1
        while let token = takeRaw() {
            if token.kind == .beginGroup { level += 1 }
            if token.kind == .endGroup {
                level -= 1
                if level == 0 { return (tokens, first.range.union(token.range)) }
            }
            tokens.append(token)
        }
        report(.unbalancedBrace, "unclosed '{'", at: first.range, help: "add the '}' that closes it")
        return nil
    }

    // MARK: - Expansion

    /// Reads the arguments of `macro` and puts its replacement text in front of the input.
    /// Replacement tokens carry the invocation's range; argument tokens keep their own.
    mutating func expand(_ macro: MacroDefinition, invocation: TeXToken) {
        var arguments: [[TeXToken]] = []
        var end = invocation.range.upperBound
        for index in 0..<macro.parameterCount {
            if index == 0, let defaultArgument = macro.defaultArgument {
                if let optional = readBracketTokens() {
                    arguments.append(optional.tokens)
                    end = max(end, optional.range.upperBound)
                } else {
                    arguments.append(defaultArgument.map { TeXToken(kind: $0.kind, range: invocation.range) })
                }
                continue
            }
            guard let next = peekRawSkippingSpaces(), next.kind != .endGroup,
                let argument = readBalancedTokens(for: invocation, usage: "")
            else {
                let count = macro.parameterCount
                report(
                    .missingArgument,
                    "'\\\(macro.name)' takes \(count) argument\(count == 1 ? "" : "s"), found \(index)",
                    at: SourceRange(invocation.range.lowerBound, end),
                    help: "give every argument in braces: '\\\(macro.name)"
                        + String(repeating: "{…}", count: count - (macro.defaultArgument == nil ? 0 : 1)) + "'")
                arguments += Array(repeating: [], count: macro.parameterCount - index)
                break
            }
            arguments.append(argument.tokens)
            end = max(end, argument.range.upperBound)
        }
        let at = SourceRange(invocation.range.lowerBound, end)
        var output: [TeXToken] = []
        for token in macro.body {
            if case .parameter(let number) = token.kind {
                if number <= arguments.count { output += arguments[number - 1] }
            } else {
                output.append(TeXToken(kind: token.kind, range: at))
            }
        }
        expansions += 1
        expandedTokens += output.count
        guard expansions <= Self.maximumExpansions, expandedTokens <= Self.maximumExpandedTokens else {
            isExpansionHalted = true
            stream.dropPushed()
            stream.push([TeXToken(kind: invocation.kind, range: at)])  // shown once, as an error
            report(
                .expansionLimit, "macro expansion limit reached while expanding '\\\(macro.name)'", at: at,
                help: "check that '\\\(macro.name)' does not use itself in its own definition")
            return
        }
        stream.push(output)
    }
}
