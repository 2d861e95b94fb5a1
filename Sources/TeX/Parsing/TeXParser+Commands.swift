import Diagnostics

extension TeXParser {
    /// A command and its arguments. Returns nil for commands that leave nothing in the
    /// formula (`\label`, `\newcommand`, `\notag`).
    mutating func parseCommand(_ name: String, token: TeXToken) -> TeXNode? {
        next()
        let start = token.range.lowerBound
        func node(_ kind: TeXNode.Kind) -> TeXNode { TeXNode(kind, range: range(from: start)) }
        func argument(_ usage: String) -> TeXNode { parseArgument(for: token, usage: usage) }

        if macros.contains(name) {
            // A broken definition or a halted expansion, each reported once already.
            return node(.error(token.spelling))
        }
        if let symbol = SymbolTable.commands[name] { return node(.symbol(symbol)) }
        if let named = CommandTable.operatorNames[name] {
            return node(.operatorName(OperatorName(name: named.text, limits: named.limits, source: "\\" + name)))
        }
        if let command = CommandTable.fractions[name] {
            let numerator = argument("\\\(name){numerator}{denominator}")
            let denominator = argument("\\\(name){numerator}{denominator}")
            return node(.fraction(Fraction(command, numerator: numerator, denominator: denominator)))
        }
        if let font = CommandTable.fonts[name] { return node(.font(font, argument("\\\(name){…}"))) }
        if let font = CommandTable.texts[name] { return parseTextArgument(for: token, font: font) }
        if let mu = CommandTable.spaces[name] { return node(.space(Space(mu: mu))) }
        if let accent = CommandTable.accents[name] {
            let base = argument("\\\(name){…}")
            return node(
                .accent(
                    Accent(
                        command: name, mark: accent.mark, isStretchy: accent.stretchy, isUnder: accent.under,
                        isAccent: accent.accent, base: base)))
        }
        if let (size, role) = CommandTable.sizedDelimiters[name] {
            return node(.delimiter(parseDelimiter(after: token, size: size, role: role)))
        }
        if let style = CommandTable.styles[name] { return node(.style(style, parseRest())) }
        if let phantom = CommandTable.phantoms[name] { return node(.phantom(phantom, argument("\\\(name){…}"))) }

        switch name {
        case "sqrt":
            let index = parseOptionalArgument()
            return node(.radical(Radical(radicand: argument("\\sqrt{…}"), index: index)))
        case "left":
            return parseFenced(after: token)
        case "right", "middle":
            let isRight = name == "right"
            let delimiter = parseDelimiter(after: token, size: .stretchy, role: isRight ? .close : .middle)
            report(
                isRight ? .unmatchedRight : .misplacedMiddle,
                "'\\\(name)' without a matching '\\left'", at: delimiter.range,
                help: isRight
                    ? "add a '\\left' before it, or remove it" : "use '\\middle' between '\\left' and '\\right'")
            return node(.delimiter(delimiter))
        case "operatorname", "mathop":
            let limits = name == "mathop" || take("*")
            let body = argument("\\operatorname{name}")
            guard let text = Self.plainText(of: body), !text.isEmpty else {
                return name == "mathop" ? body : node(.font(.roman, body))
            }
            return node(.operatorName(OperatorName(name: text, limits: limits, source: "\\" + name)))
        case "overset", "underset", "stackrel":
            let script = argument("\\\(name){script}{base}")
            let base = argument("\\\(name){script}{base}")
            let stack = name == "underset" ? Stack(base: base, under: script) : Stack(base: base, over: script)
            return node(.stack(stack))
        case "color":
            guard let color = readStringArgument(for: token, usage: "\\color{red}") else { return nil }
            return node(.color(color.text, parseRest()))
        case "textcolor":
            guard let color = readStringArgument(for: token, usage: "\\textcolor{red}{…}") else { return nil }
            return node(.color(color.text, argument("\\textcolor{red}{…}")))
        case "label":
            if let label = readStringArgument(for: token, usage: "\\label{eq:name}") {
                labels.append(EquationLabel(name: label.text, range: range(from: start)))
            }
            return nil
        case "tag":
            let starred = take("*")
            if let tag = readStringArgument(for: token, usage: "\\tag{1}") {
                tags.append(EquationTag(text: tag.text, isStarred: starred, range: range(from: start)))
            }
            return nil
        case "notag", "nonumber":
            suppressions.append(token.range)
            return nil
        case "eqref", "ref":
            guard let label = readStringArgument(for: token, usage: "\\\(name){eq:name}") else { return nil }
            return node(.reference(Reference(label: label.text, isParenthesized: name == "eqref")))
        case "begin":
            return parseEnvironment(after: token)
        case "end":
            let environment = readStringArgument(for: token, usage: "\\end{…}")?.text ?? ""
            report(
                .mismatchedEnvironment, "'\\end{\(environment)}' without a matching '\\begin'",
                at: range(from: start), help: "remove it, or add '\\begin{\(environment)}' before it")
            return nil
        case "newcommand", "renewcommand", "providecommand", "def", "DeclareMathOperator":
            parseDefinition(name, token: token)
            return nil
        case "not":
            return parseNegation(after: token)
        case "pmod", "mod":
            let modulus = argument("\\\(name){n}")
            var parts = [TeXNode(.space(Space(mu: name == "pmod" ? 8 : 12)), range: token.range)]
            if name == "pmod" { parts.append(node(.symbol(TeXSymbol("(", source: "(", kind: .open)))) }
            parts += [node(.text(TextRun("mod"))), node(.space(Space(mu: 6))), modulus]
            if name == "pmod" { parts.append(node(.symbol(TeXSymbol(")", source: ")", kind: .close)))) }
            return node(.row(parts))
        case "bmod":
            return node(.symbol(TeXSymbol("mod", source: "\\bmod", kind: .binary)))
        case "mathrel", "mathbin", "mathord":
            return argument("\\\(name){…}")
        case "limits", "nolimits", "hline", "relax", "\\":
            return nil
        default:
            return unknownCommand(name, token: token)
        }
    }

    /// The rest of the enclosing list, for switches such as `\displaystyle` and `\color`.
    mutating func parseRest() -> TeXNode {
        let start = position()
        guard enter(at: SourceRange(start, start)) else { return TeXNode(.row([]), range: SourceRange(start, start)) }
        defer { leave() }
        let nodes = parseList(stop: [])
        return TeXNode(.row(nodes), range: range(from: start))
    }

    /// `\left` delim … `\middle` delim … `\right` delim.
    mutating func parseFenced(after left: TeXToken) -> TeXNode {
        let start = left.range.lowerBound
        let open = parseDelimiter(after: left, size: .stretchy, role: .open)
        guard enter(at: open.range) else { return TeXNode(.delimiter(open), range: open.range) }
        defer { leave() }
        let bodyStart = position()
        var body: [TeXNode] = []
        var close = Delimiter(symbol: nil, size: .stretchy, role: .close, range: SourceRange(lastEnd, lastEnd))
        while true {
            body += parseList(stop: .right)
            guard !isTooDeep, let token = peek(), token.kind == .command("middle") || token.kind == .command("right")
            else {
                if !isTooDeep {
                    let written = open.symbol?.source ?? "."
                    report(
                        .unmatchedLeft, "'\\left\(written)' without a matching '\\right'", at: open.range,
                        help: "close it with '\\right' and a delimiter, or '\\right.' for none")
                }
                break
            }
            next()
            if token.kind == .command("right") {
                close = parseDelimiter(after: token, size: .stretchy, role: .close)
                break
            }
            let middle = parseDelimiter(after: token, size: .stretchy, role: .middle)
            body.append(TeXNode(.delimiter(middle), range: middle.range))
        }
        let bodyNode = TeXNode(.row(body), range: SourceRange(bodyStart, max(bodyStart, close.range.lowerBound)))
        return TeXNode(.fenced(Fenced(open: open, body: bodyNode, close: close)), range: range(from: start))
    }

    /// `\not` and the relation it negates.
    private mutating func parseNegation(after token: TeXToken) -> TeXNode {
        var node = parseArgument(for: token, usage: "\\not=")
        if case .symbol(var symbol) = node.kind {
            symbol.text = SymbolTable.negated[symbol.text] ?? symbol.text + "\u{338}"
            symbol.source = "\\not" + symbol.source
            node = TeXNode(.symbol(symbol), range: range(from: token.range.lowerBound))
        }
        return node
    }

    /// An unknown command: reported with the nearest known name, kept as an error node.
    private mutating func unknownCommand(_ name: String, token: TeXToken) -> TeXNode {
        guard !name.isEmpty else {
            report(
                .unknownCommand, "'\\' at the end of the formula", at: token.range,
                help: "write '\\backslash' for a backslash")
            return TeXNode(.error("\\"), range: token.range)
        }
        let suggestion = suggestion(for: name)
        report(
            .unknownCommand, "unknown command '\\\(name)'", at: token.range,
            help: suggestion.map { "did you mean '\\\($0)'?" } ?? "define it with '\\newcommand{\\\(name)}{…}'")
        return TeXNode(.error("\\" + name), range: token.range)
    }

    /// The known command nearest to an unknown `name`. Looked up for the first few unknown
    /// names of a span only, so that thousands of them cannot make parsing slow.
    private mutating func suggestion(for name: String) -> String? {
        if let cached = suggestions[name] { return cached }
        guard suggestions.count < Self.maximumSuggestions else { return nil }
        let candidates = (CommandTable.allNames + macros.names).filter { abs($0.count - name.count) <= 3 }
        let found = Suggestions.nearest(to: name, among: candidates)
        suggestions[name] = .some(found)
        return found
    }

    /// The plain text of a node made of letters, digits and spaces (`arg\,max`), else nil.
    static func plainText(of node: TeXNode) -> String? {
        switch node.kind {
        case .symbol(let symbol): return symbol.source == "-" ? "-" : symbol.text
        case .row(let nodes), .group(let nodes):
            var text = ""
            for child in nodes {
                guard let part = plainText(of: child) else { return nil }
                text += part
            }
            return text
        case .space(let space): return space.mu <= 0 ? "" : space.mu <= 3 ? "\u{2009}" : " "
        case .font(_, let inner): return plainText(of: inner)
        case .text(let run): return run.text
        default: return nil
        }
    }
}
