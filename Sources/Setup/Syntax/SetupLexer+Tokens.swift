import Diagnostics

extension SetupLexer {
    /// `// comment` to the end of the line, or `//| key: value` when it opens its line.
    mutating func lexComment() {
        let start = offset
        if peek(2) == "|", !lineHasToken {
            advance(3)
            let bodyStart = offset
            skipLine()
            spaceBefore = false
            let body = text(from: bodyStart)
            emit(.option(body), from: start)
        } else {
            skipLine()
        }
    }

    /// `12`, `0.5`, `.5`, `1.`, `1e-10`. A `.` followed by `*`, `/`, `^` or `'` belongs to
    /// the operator after the number (`1.^x` is `1 .^ x`).
    mutating func lexNumber() {
        let start = offset
        while let scalar = peek(), isDigit(scalar) { advance() }
        if peek() == ".", !(peek(1).map { "*/^'".unicodeScalars.contains($0) } ?? false) {
            advance()
            while let scalar = peek(), isDigit(scalar) { advance() }
        }
        if let e = peek(), e == "e" || e == "E" {
            if let next = peek(1), isDigit(next) {
                advance()
            } else if let sign = peek(1), sign == "+" || sign == "-", let next = peek(2), isDigit(next) {
                advance(2)
            }
            while let scalar = peek(), isDigit(scalar) { advance() }
        }
        let text = text(from: start)
        let value = Double(text) ?? .nan
        if !value.isFinite {
            invalid("number '\(text)' is too large", from: start, help: "the largest number is about 1.8e308")
        } else {
            emit(.number(text: text, value: value), from: start)
        }
    }

    /// `"data/co2.csv"`: on one line; `\"` and `\\` are the only escapes.
    mutating func lexString() {
        let start = offset
        advance()
        var value = String.UnicodeScalarView()
        while let scalar = peek(), scalar != "\n" {
            advance()
            if scalar == "\"" {
                emit(.string(String(value)), from: start)
                return
            }
            if scalar == "\\", let next = peek(), next == "\"" || next == "\\" {
                value.append(next)
                advance()
            } else {
                value.append(scalar)
            }
        }
        invalid("unterminated string", from: start, help: "close the string with '\"' on the same line")
    }

    /// A name: XID_Start, then XID_Continue; `let`, `param` and `end` are keywords.
    mutating func lexIdentifier() {
        let start = offset
        advance()
        while let scalar = peek(), scalar.properties.isXIDContinue || SetupNames.subscriptDigits[scalar] != nil {
            advance()
        }
        let spelling = text(from: start)
        if SetupNames.keywords.contains(spelling) {
            emit(.keyword(spelling), from: start)
        } else {
            emit(.identifier(name: SetupNames.canonical(spelling), spelling: spelling), from: start)
        }
    }

    /// Operators and punctuation, longest match first, and the near misses.
    mutating func lexSymbol() {
        let start = offset
        guard let first = peek() else { return }
        let pair = String(first) + (peek(1).map { String($0) } ?? "")
        switch pair {
        case "->", ".*", "./", ".^", "==":
            advance(2)
            emit(.symbol(pair), from: start)
            return
        case ".'":
            advance(2)
            emit(.symbol("'"), from: start)
            return
        case "**":
            advance(2)
            report(
                "'**' is not an operator", from: start, to: offset, help: "write powers with '^' (or '.^' elementwise)")
            emit(.symbol("^"), from: start)
            return
        default:
            break
        }
        advance()
        if "+-*/\\^':=,;()[]".unicodeScalars.contains(first) {
            emit(.symbol(String(first)), from: start)
        } else if first == "−" {
            emit(.symbol("-"), from: start)  // U+2212, as copied from typeset text.
        } else if first == "_" {
            while let scalar = peek(), scalar.properties.isXIDContinue { advance() }
            invalid("'\(text(from: start))' is not a name", from: start, help: "names start with a letter")
        } else {
            let (message, help) = Self.explain(first)
            invalid(message, from: start, help: help)
        }
    }

    /// The message and help for a character the language does not use.
    static func explain(_ scalar: Unicode.Scalar) -> (String, String?) {
        let shown =
            scalar.properties.generalCategory == .control || scalar.properties.isWhitespace
            ? "U+" + String(scalar.value, radix: 16, uppercase: true) : "'\(scalar)'"
        switch scalar {
        case "²", "³", "¹", "⁰", "⁴"..."⁹", "⁻":
            return ("superscript \(shown) is not an operator", "write powers with '^', as in 'x^2'")
        case "×", "·", "⋅":
            return ("\(shown) is not an operator", "multiply with '*' (matrix product) or '.*' (elementwise)")
        case "∘", "⊙":
            return ("\(shown) is not an operator", "multiply elementwise with '.*'")
        case "{", "}":
            return ("unexpected \(shown)", "group with '(' and ')'; write matrices with '[' and ']'")
        default:
            return ("unexpected character \(shown)", nil)
        }
    }
}
