import Diagnostics

extension TeXParser {
    /// Parses atoms until a token that ends this list or a construct open around it.
    mutating func parseList(stop: StopSet) -> [TeXNode] {
        let saved = enclosing
        enclosing.formUnion(stop)
        defer { enclosing = saved }
        var nodes: [TeXNode] = []
        while !isTooDeep, let token = peek(), !enclosing.stops(at: token) {
            let before = takenCount
            if let node = parseAtomWithScripts() { nodes.append(node) }
            if takenCount == before {
                // Nothing was taken: never loop on a token no rule accepts.
                next()
                report(.unexpectedCharacter, "unexpected '\(token.spelling)'", at: token.range)
            }
        }
        return nodes
    }

    /// An atom and the scripts and primes attached to it.
    mutating func parseAtomWithScripts() -> TeXNode? {
        guard let first = peek() else { return nil }
        let start = first.range.lowerBound
        let base = Self.isScriptToken(first) ? nil : parseAtom()
        guard let token = peek(), Self.isScriptToken(token) || Self.isLimitsToken(token) else { return base }
        var scripts = Scripts(base: base)
        var wraps = 0  // double scripts nest the scripts so far; each nesting counts as depth
        defer { for _ in 0..<wraps { leave() } }
        while !isTooDeep, let token = peek() {
            switch token.kind {
            case .caret, .underscore:
                next()
                let isSuper = token.kind == .caret
                let argument = parseArgument(for: token, usage: isSuper ? "x^{…}" : "x_{…}")
                if isSuper, scripts.sup == nil, let primes = Self.primeCount(of: argument) {
                    scripts.primes += primes  // `f^\prime` is `f'`, as in TeX
                    continue
                }
                let taken = isSuper ? scripts.sup != nil : scripts.sub != nil
                if taken {
                    reportDoubleScript(token, isSuper: isSuper)
                    guard enter(at: token.range) else { break }
                    wraps += 1
                    scripts = Scripts(base: TeXNode(.scripts(scripts), range: range(from: start)))
                }
                if isSuper { scripts.sup = argument } else { scripts.sub = argument }
            case .character("'"):
                next()
                if scripts.sup != nil {
                    reportDoubleScript(token, isSuper: true)
                    guard enter(at: token.range) else { break }
                    wraps += 1
                    scripts = Scripts(base: TeXNode(.scripts(scripts), range: range(from: start)))
                }
                scripts.primes += 1
            case .command(let name) where Self.isLimitsToken(token):
                next()
                if base.map(Self.takesLimits) ?? false { scripts.limits = name == "limits" }
            default:
                return finish(scripts, from: start)
            }
        }
        return finish(scripts, from: start)
    }

    private func finish(_ scripts: Scripts, from start: Int) -> TeXNode? {
        if scripts.sub == nil, scripts.sup == nil, scripts.primes == 0 {
            // Only `\limits` or `\nolimits` followed: they change nothing without scripts.
            return scripts.base
        }
        return TeXNode(.scripts(scripts), range: range(from: start))
    }

    private mutating func reportDoubleScript(_ token: TeXToken, isSuper: Bool) {
        report(
            .doubleScript, isSuper ? "double superscript" : "double subscript", at: token.range,
            help: isSuper
                ? "group with braces to say which is meant: 'x^{a^b}' or '{x^a}^b'"
                : "group with braces to say which is meant: 'x_{a_b}' or '{x_a}_b'")
    }

    /// The number of primes a superscript made only of primes stands for (`\prime\prime`).
    static func primeCount(of node: TeXNode) -> Int? {
        switch node.kind {
        case .symbol(let symbol):
            return ["′": 1, "″": 2, "‴": 3, "⁗": 4][symbol.text]
        case .group(let nodes), .row(let nodes):
            let counts = nodes.map { primeCount(of: $0) }
            guard !counts.isEmpty, counts.allSatisfy({ $0 != nil }) else { return nil }
            return counts.reduce(0) { $0 + ($1 ?? 0) }
        default:
            return nil
        }
    }

    static func isScriptToken(_ token: TeXToken) -> Bool {
        switch token.kind {
        case .caret, .underscore, .character("'"): true
        default: false
        }
    }

    static func isLimitsToken(_ token: TeXToken) -> Bool {
        token.kind == .command("limits") || token.kind == .command("nolimits")
    }

    /// Whether `\limits` and `\nolimits` apply to a node: large operators and named operators.
    static func takesLimits(_ node: TeXNode) -> Bool {
        switch node.kind {
        case .symbol(let symbol): symbol.kind == .largeOperator
        case .operatorName: true
        default: false
        }
    }

    /// One atom without its scripts.
    mutating func parseAtom() -> TeXNode? {
        guard let token = peek() else { return nil }
        switch token.kind {
        case .character(let character):
            next()
            return parseCharacter(character, token: token, allowRuns: true)
        case .beginGroup:
            return parseGroup()
        case .endGroup:
            next()
            report(
                .unbalancedBrace, "unmatched '}'", at: token.range,
                help: "remove it, or add the '{' it closes")
            return TeXNode(.error("}"), range: token.range)
        case .parameter(let number):
            next()
            report(
                .unexpectedCharacter, "'#\(number)' outside a macro definition", at: token.range,
                help: "write '\\#' for a literal '#'")
            return TeXNode(.error(token.spelling), range: token.range)
        case .command(let name):
            return parseCommand(name, token: token)
        case .caret, .underscore, .space, .alignment:
            return nil  // scripts are read by the caller; `&` always ends a cell first
        }
    }

    /// The atom of a character already taken: a number run (when `allowRuns`), a letter,
    /// a symbol from the table, or `~`.
    mutating func parseCharacter(_ character: Character, token: TeXToken, allowRuns: Bool) -> TeXNode {
        let start = token.range.lowerBound
        if Self.isDigit(character) || (allowRuns && character == "." && nextIsDigit()) {
            var text = String(character)
            var end = token.range.upperBound
            if allowRuns { readNumber(into: &text, end: &end, sawPoint: character == ".") }
            return TeXNode(.symbol(TeXSymbol(text, source: text, kind: .number)), range: SourceRange(start, end))
        }
        if character == "~" { return TeXNode(.space(Space(mu: 6)), range: token.range) }
        let symbol: TeXSymbol
        if character.isASCII, character.isLetter {
            symbol = TeXSymbol(String(character), source: String(character), kind: .letter)
        } else if let known = SymbolTable.characters[character] {
            symbol = known
        } else if character.isLetter {
            symbol = TeXSymbol(String(character), source: String(character), kind: .letter)
        } else {
            symbol = TeXSymbol(String(character), source: String(character), kind: .ordinary)
        }
        return TeXNode(.symbol(symbol), range: token.range)
    }

    /// Continues a number: more digits, and one decimal point followed by digits.
    private mutating func readNumber(into text: inout String, end: inout Int, sawPoint: Bool) {
        var sawPoint = sawPoint
        while let token = peek(), case .character(let next) = token.kind {
            if Self.isDigit(next) {
                self.next()
                text.append(next)
                end = token.range.upperBound
            } else if next == ".", !sawPoint {
                let savedEnd = lastEnd
                self.next()
                guard nextIsDigit() else {
                    stream.push([token])  // a full stop after the number, not a decimal point
                    lastEnd = savedEnd
                    return
                }
                sawPoint = true
                text.append(".")
            } else {
                return
            }
        }
    }

    private mutating func nextIsDigit() -> Bool {
        guard let token = peek(), case .character(let character) = token.kind else { return false }
        return Self.isDigit(character)
    }

    static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    /// `{…}`: a brace group.
    mutating func parseGroup() -> TeXNode {
        guard let open = next() else { return TeXNode(.group([]), range: SourceRange(lastEnd, lastEnd)) }
        let start = open.range.lowerBound
        guard enter(at: open.range) else { return TeXNode(.error("{"), range: open.range) }
        defer { leave() }
        let saved = enclosing
        enclosing.remove(.bracket)  // `]` inside braces does not end an optional argument
        let nodes = parseList(stop: .endGroup)
        enclosing = saved
        if let close = peek(), close.kind == .endGroup {
            next()
        } else if !isTooDeep {
            report(
                .unbalancedBrace, "unclosed '{'", at: open.range, help: "add the '}' that closes it")
        }
        return TeXNode(.group(nodes), range: range(from: start))
    }
}
