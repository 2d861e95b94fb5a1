import Diagnostics

/// One token of a setup block, with the UTF-8 range it covers in the block's text.
public struct SetupToken: Sendable, Hashable {
    /// What the token is.
    public var kind: Kind
    /// Where it is, in UTF-8 offsets into the block's text.
    public var range: SourceRange
    /// Whether whitespace or a comment separates it from the previous token (so `2π` is a
    /// juxtaposition and `2 π` is not).
    public var spaceBefore: Bool

    /// A token of `kind` at `range`.
    public init(_ kind: Kind, _ range: SourceRange, spaceBefore: Bool = false) {
        self.kind = kind
        self.range = range
        self.spaceBefore = spaceBefore
    }

    /// The kinds of token.
    public enum Kind: Sendable, Hashable {
        /// A name, in canonical form (see `SetupNames`), and as written.
        case identifier(name: String, spelling: String)
        /// `let`, `param` or `end`.
        case keyword(String)
        /// A number as written (`1e-10`, `.5`) and its value.
        case number(text: String, value: Double)
        /// A double-quoted string, its escapes resolved.
        case string(String)
        /// An operator or punctuation mark, as written (`.^`, `->`, `(`).
        case symbol(String)
        /// `//| key: value`, a block option line; the text after `//|`.
        case option(String)
        /// A line break outside of brackets.
        case newline
        /// A character or run the lexer could not use, with the error that explains it.
        /// The parser reports the error when it meets the token, so that an error inside a
        /// statement already abandoned is not reported a second time.
        case invalid(Diagnostic)
        /// The end of the block.
        case end
    }
}

extension SetupToken.Kind {
    /// How the token reads in a diagnostic: `'+'`, `name 'x'`, `end of line`.
    var described: String {
        switch self {
        case .identifier(_, let spelling): "name '\(spelling)'"
        case .keyword(let word): "'\(word)'"
        case .number(let text, _): "number '\(text)'"
        case .string: "a string"
        case .symbol(let symbol): "'\(symbol)'"
        case .option: "a block option"
        case .newline: "end of line"
        case .invalid: "an invalid character"
        case .end: "end of block"
        }
    }

    /// Whether the token is the given symbol.
    func `is`(_ symbol: String) -> Bool { self == .symbol(symbol) }
}
