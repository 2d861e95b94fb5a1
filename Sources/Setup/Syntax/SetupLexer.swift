import Diagnostics

/// Splits the text of a setup block into tokens.
///
/// Comments run from `//` to the end of the line; a line whose first non-blank characters
/// are `//|` is a block option. Names are Unicode identifiers (XID_Start, then
/// XID_Continue or `_`), reduced to canonical form by `SetupNames`. Strings are
/// double-quoted (`'` is always the transpose operator). A character the language does
/// not use becomes an `.invalid` token carrying its error; a few near misses (`**`, `#`
/// comments) are reported at once and read as what was meant, so that parsing goes on.
/// The Unicode minus `−`, as copied from typeset text, is read as `-`.
public struct SetupLexer {
    /// The scalars of the text with the UTF-8 offset of each, and the text's UTF-8 length.
    let scalars: [(scalar: Unicode.Scalar, offset: Int)]
    let length: Int
    var position = 0
    var tokens: [SetupToken] = []
    var spaceBefore = false
    var lineHasToken = false
    /// Problems found while lexing, in block offsets.
    public private(set) var diagnostics: [Diagnostic] = []

    /// A lexer over the text of one block.
    public init(_ text: String) {
        var scalars: [(Unicode.Scalar, Int)] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append((scalar, offset))
            offset += UTF8.width(scalar)
        }
        self.scalars = scalars
        self.length = offset
    }

    /// All tokens of the text, ending with `.end`, and the diagnostics found on the way.
    public static func tokenize(_ text: String) -> (tokens: [SetupToken], diagnostics: [Diagnostic]) {
        var lexer = SetupLexer(text)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics)
    }

    mutating func run() {
        while let scalar = peek() {
            let start = offset
            switch scalar {
            case "\n":
                advance()
                emit(.newline, from: start)
                lineHasToken = false
                spaceBefore = true
            case " ", "\t", "\r":
                advance()
                spaceBefore = true
            case "/" where peek(1) == "/":
                lexComment()
            case "#", "%":
                skipLine()
                report(
                    "'\(scalar)' does not start a comment", from: start, to: start + 1,
                    help: "comments start with '//'")
            case "0"..."9":
                lexNumber()
            case "." where peek(1).map(isDigit) ?? false:
                lexNumber()
            case "\"":
                lexString()
            case _ where scalar.properties.isXIDStart:
                lexIdentifier()
            case _ where scalar.properties.isWhitespace:
                advance()
                spaceBefore = true
            default:
                lexSymbol()
            }
        }
        emit(.end, from: length)
    }

    // MARK: Reading

    var offset: Int { position < scalars.count ? scalars[position].offset : length }

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead].scalar : nil
    }

    mutating func advance(_ count: Int = 1) { position = min(position + count, scalars.count) }

    func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    func text(from start: Int) -> String {
        var result = String.UnicodeScalarView()
        var index = position - 1
        while index >= 0, scalars[index].offset >= start { index -= 1 }
        for item in scalars[(index + 1)..<position] { result.append(item.scalar) }
        return String(result)
    }

    mutating func skipLine() {
        while let scalar = peek(), scalar != "\n" { advance() }
        spaceBefore = true
    }

    // MARK: Writing

    mutating func emit(_ kind: SetupToken.Kind, from start: Int) {
        tokens.append(SetupToken(kind, SourceRange(start, offset), spaceBefore: spaceBefore))
        spaceBefore = false
        lineHasToken = true
    }

    mutating func report(_ message: String, from start: Int, to end: Int, help: String? = nil) {
        diagnostics.append(.error(message, range: SourceRange(start, end), help: help))
    }

    /// Emits an `.invalid` token from `start` to here, carrying its error.
    mutating func invalid(_ message: String, from start: Int, help: String? = nil) {
        emit(.invalid(.error(message, range: SourceRange(start, offset), help: help)), from: start)
    }
}
