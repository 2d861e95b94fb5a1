import Diagnostics

extension TeXParser {
    /// One argument of `command`: a brace group, or a single character or command
    /// (`\frac12`, `\mathbf x`). A missing argument is reported and parsed as an empty row.
    mutating func parseArgument(for command: TeXToken, usage: String) -> TeXNode {
        guard let token = peek(), !Self.endsArgument(token) else {
            report(
                .missingArgument, "missing argument for '\(command.spelling)'", at: command.range,
                help: "write '\(usage)'")
            return TeXNode(.row([]), range: SourceRange(lastEnd, lastEnd))
        }
        switch token.kind {
        case .beginGroup:
            return parseGroup()
        case .character(let character):
            next()
            return parseCharacter(character, token: token, allowRuns: false)
        default:
            guard enter(at: token.range) else { return TeXNode(.error(token.spelling), range: token.range) }
            defer { leave() }
            return parseAtom() ?? TeXNode(.row([]), range: range(from: token.range.lowerBound))
        }
    }

    /// Whether `token` cannot begin an argument.
    static func endsArgument(_ token: TeXToken) -> Bool {
        switch token.kind {
        case .endGroup, .alignment, .caret, .underscore: true
        case .command("\\"), .command("right"), .command("middle"), .command("end"): true
        default: false
        }
    }

    /// `[…]` after a command, parsed as math, if one follows.
    mutating func parseOptionalArgument() -> TeXNode? {
        guard let open = peek(), open.kind == .character("[") else { return nil }
        next()
        guard enter(at: open.range) else { return nil }
        defer { leave() }
        let nodes = parseList(stop: .bracket)
        if !take("]"), !isTooDeep {
            report(.unbalancedBrace, "unclosed '['", at: open.range, help: "add the ']' that closes it")
        }
        return TeXNode(.row(nodes), range: range(from: open.range.lowerBound))
    }

    /// A raw text argument (a label, a colour, an environment name): the spelling of its
    /// tokens, unexpanded. Reports and returns nil when it is missing.
    mutating func readStringArgument(for command: TeXToken, usage: String) -> (text: String, range: SourceRange)? {
        guard let first = peekRawSkippingSpaces(), !Self.endsArgument(first) else {
            report(
                .missingArgument, "missing argument for '\(command.spelling)'", at: command.range,
                help: "write '\(usage)'")
            return nil
        }
        takeRaw()
        guard first.kind == .beginGroup else { return (first.spelling, first.range) }
        var text = ""
        var level = 1
        while let token = takeRaw() {
            if token.kind == .beginGroup { level += 1 }
            if token.kind == .endGroup {
                level -= 1
                if level == 0 { return (text.trimmingSpaces(), range(from: first.range.lowerBound)) }
            }
            text += token.spelling
        }
        report(.unbalancedBrace, "unclosed '{'", at: first.range, help: "add the '}' that closes it")
        return (text.trimmingSpaces(), range(from: first.range.lowerBound))
    }

    /// `\left(`, `\big[`: reads the delimiter after `command`. A missing one is reported
    /// and read as the invisible delimiter.
    mutating func parseDelimiter(after command: TeXToken, size: Delimiter.Size, role: Delimiter.Role) -> Delimiter {
        let start = command.range.lowerBound
        if let token = peek() {
            var symbol: TeXSymbol?
            var isNull = false
            switch token.kind {
            case .character("."): isNull = true
            case .character("<"): symbol = TeXSymbol("⟨", source: "<", kind: .open)
            case .character(">"): symbol = TeXSymbol("⟩", source: ">", kind: .close)
            case .character(let character): symbol = SymbolTable.characters[character]
            case .command(let name): symbol = SymbolTable.commands[name]
            default: break
            }
            if isNull || symbol?.isDelimiter == true {
                next()
                return Delimiter(symbol: isNull ? nil : symbol, size: size, role: role, range: range(from: start))
            }
        }
        report(
            .missingDelimiter, "missing delimiter after '\(command.spelling)'", at: command.range,
            help: "follow it with a delimiter such as '(' or '|', or '.' for none")
        return Delimiter(symbol: nil, size: size, role: role, range: command.range)
    }

    /// `\text{…}` and relatives: the argument read as text, with TeX's text escapes.
    mutating func parseTextArgument(for command: TeXToken, font: MathFont?) -> TeXNode {
        let start = command.range.lowerBound
        guard let first = peekRawSkippingSpaces(), !Self.endsArgument(first) else {
            report(
                .missingArgument, "missing argument for '\(command.spelling)'", at: command.range,
                help: "write '\(command.spelling){…}'")
            return TeXNode(.text(TextRun("", font: font)), range: command.range)
        }
        guard first.kind == .beginGroup else {
            takeRaw()
            return TeXNode(.text(TextRun(first.spelling, font: font)), range: range(from: start))
        }
        takeRaw()
        var text = ""
        var level = 1
        var afterControlWord = false
        while let token = nextTextToken() {
            let skipsSpace = afterControlWord  // TeX drops the space after a control word
            afterControlWord = false
            switch token.kind {
            case .beginGroup: level += 1
            case .endGroup:
                level -= 1
                if level == 0 { return TeXNode(.text(TextRun(text, font: font)), range: range(from: start)) }
            case .space: if !skipsSpace { text += " " }
            case .character("~"): text += "\u{A0}"
            case .character(let character): text.append(character)
            case .command(let name):
                afterControlWord = name.first?.isLetter == true
                text += textCommand(name, token: token)
            case .caret, .underscore, .alignment, .parameter: text += token.spelling
            }
        }
        report(.unbalancedBrace, "unclosed '{'", at: first.range, help: "add the '}' that closes it")
        return TeXNode(.text(TextRun(text, font: font)), range: range(from: start))
    }

    /// The text a command stands for inside `\text{…}`.
    private mutating func textCommand(_ name: String, token: TeXToken) -> String {
        switch name {
        case "%", "$", "#", "_", "&", "{", "}": return name
        case " ", "space": return " "
        case ",", "thinspace": return "\u{2009}"
        case ":", ";", ">", "enspace": return "\u{2005}"
        case "quad": return "\u{2003}"
        case "qquad": return "\u{2003}\u{2003}"
        case "textbackslash": return "\\"
        case "ldots", "dots", "textellipsis": return "…"
        case "textendash": return "–"
        case "textemdash": return "—"
        case "\\": return " "
        default:
            if CommandTable.texts[name] != nil || CommandTable.fonts[name] != nil { return "" }
            if isExpansionHalted, macros.contains(name) { return "" }
            report(
                .unknownCommand, "unknown command '\\\(name)' in text", at: token.range,
                help: "only text escapes such as '\\%' and '\\,' work inside '\\text'")
            return "\\" + name
        }
    }

    /// The next token in text mode: spaces kept, macros expanded.
    private mutating func nextTextToken() -> TeXToken? {
        while let token = stream.peek() {
            if case .command(let name) = token.kind, !isExpansionHalted, let definition = macros.definitions[name],
                !definition.isBroken
            {
                _ = stream.next()
                expand(definition, invocation: token)
                continue
            }
            return takeRaw()
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing spaces.
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
