/// One symbol of a formula — a letter, a digit run, an operator, a fence — with the Unicode
/// text it stands for and the class that decides how it is spaced and how it computes.
///
/// `\lambda`, `λ` and `λ` typed directly all give `text == "λ"`; `source` keeps what was
/// written (`\lambda`), so a consumer can tell the two apart when it matters.
public struct TeXSymbol: Sendable, Hashable {
    /// The Unicode text: `"x"`, `"λ"`, `"3.14"`, `"−"` (U+2212 for `-`), `"∑"`, `"("`.
    public var text: String
    /// The source spelling: `"x"`, `"\\lambda"`, `"3.14"`, `"-"`, `"\\sum"`, `"("`.
    public var source: String
    /// What kind of symbol this is.
    public var kind: SymbolKind

    /// A symbol with its text, source spelling and kind.
    public init(_ text: String, source: String, kind: SymbolKind) {
        self.text = text
        self.source = source
        self.kind = kind
    }
}

/// The classes of symbols, after TeX's atom types, refined where a consumer needs more.
public enum SymbolKind: String, Sendable, Hashable, CaseIterable {
    /// A Latin letter or another letter-like identifier (`x`, `K`, `\ell`, `\hbar`).
    case letter
    /// A Greek letter (`\alpha`, `\Gamma`, or `α` typed directly).
    case greek
    /// A run of digits with an optional decimal part (`2`, `3.14`).
    case number
    /// A binary operator (`+`, `-`, `\cdot`, `\circ`, `\times`, `*`).
    case binary
    /// A relation, arrows included (`=`, `\le`, `\approx`, `\to`, `\mid`).
    case relation
    /// A large operator that takes limits (`\sum`, `\prod`, `\int`, `\bigcup`).
    case largeOperator
    /// Punctuation (`,`, `;`, `\colon`).
    case punctuation
    /// An opening fence (`(`, `[`, `\{`, `\langle`, `\lVert`).
    case open
    /// A closing fence (`)`, `]`, `\}`, `\rangle`, `\rVert`).
    case close
    /// A fence that opens or closes depending on its place (`|`, `\|`).
    case fence
    /// Any other symbol (`\partial`, `\nabla`, `\infty`, `\top`, `/`, `\dots`, `!`).
    case ordinary
}

extension TeXSymbol {
    /// Whether the symbol can follow `\left`, `\right`, `\middle` or `\big`.
    public var isDelimiter: Bool {
        switch kind {
        case .open, .close, .fence: true
        default: text == "/" || text == "\\" || Self.arrowDelimiters.contains(text)
        }
    }

    private static let arrowDelimiters: Set<String> = ["↑", "↓", "↕", "⇑", "⇓", "⇕"]
}
